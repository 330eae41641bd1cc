package io.mlconnector.testkit.syspro.internal;

import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.http.SimResponse;
import io.mlconnector.testkit.syspro.BodyForm;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Element;
import org.jspecify.annotations.Nullable;

/**
 * The e.net Solutions REST face ({@code .../SYSPROWCFService/Rest/...}): paths matched
 * case-insensitively, inputs from the query string (GET) or the {@code TransactionPostLD} envelope
 * (POST), every business outcome answered with 200 in the configured body form.
 */
public final class Rest {
  /** Windows-1252, the charset SYSPRO declares and writes. */
  public static final Charset CP1252 = Charset.forName("windows-1252");

  private final Config config;
  private final Sessions sessions;
  private final BusinessObjects objects;
  private final Company company;
  private final CallGate gate;

  public Rest(
      Config config, Sessions sessions, BusinessObjects objects, Company company, CallGate gate) {
    this.config = config;
    this.sessions = sessions;
    this.objects = objects;
    this.company = company;
    this.gate = gate;
  }

  /** Serves a path below the REST base ({@code sub} starts with '/'; case as sent). */
  public SimResponse handle(SimRequest request, String sub) throws InterruptedException {
    String op = sub.toLowerCase(Locale.ROOT);
    if (op.endsWith("/") && op.length() > 1) {
      op = op.substring(0, op.length() - 1);
    }
    boolean postLd = op.equals("/transaction/postld");
    if (postLd ? !request.method().equals("POST") : !request.method().equals("GET")) {
      return plain(405, "Method not allowed");
    }
    Map<String, List<String>> q;
    if (postLd) {
      q = postLdParameters(request);
      if (q == null) {
        return plain(400, "Bad Request");
      }
    } else {
      try {
        q = request.query();
      } catch (IllegalArgumentException e) {
        return plain(400, "Bad Request");
      }
    }
    try {
      switch (op) {
        case "/logon":
          return ok(
              sessions.logon(
                  p(q, "Operator"),
                  p(q, "OperatorPassword"),
                  p(q, "CompanyId"),
                  p(q, "CompanyPassword")));
        case "/logoff":
          sessions.logoff(p(q, "UserId"));
          return ok("0");
        case "/getversion":
          return ok(config.sysproVersion);
        case "/getlogonprofile":
        case "/query/query":
        case "/query/browse":
        case "/query/fetch":
        case "/setup/add":
        case "/setup/update":
        case "/setup/delete":
        case "/transaction/post":
        case "/transaction/postld":
          return ok(call(op, q));
        default:
          return plain(404, "Endpoint not found.");
      }
    } catch (EnetError e) {
      return ok(e.body());
    }
  }

  private String call(String op, Map<String, List<String>> q) throws InterruptedException {
    Sessions.Session s = sessions.acquire(p(q, "UserId"));
    try {
      gate.pass();
      switch (op) {
        case "/getlogonprofile":
          return profile(s.operator());
        case "/query/query":
          return objects.query(p(q, "BusinessObject"), p(q, "XmlIn"), s.operator());
        case "/query/browse":
          return objects.browse(p(q, "XmlIn"));
        case "/query/fetch":
          return objects.fetch(p(q, "XmlIn"));
        case "/setup/add":
          return objects.setup("Add", p(q, "BusinessObject"), p(q, "XmlParameters"), p(q, "XmlIn"));
        case "/setup/update":
          return objects.setup(
              "Update", p(q, "BusinessObject"), p(q, "XmlParameters"), p(q, "XmlIn"));
        case "/setup/delete":
          return objects.setup(
              "Delete", p(q, "BusinessObject"), p(q, "XmlParameters"), p(q, "XmlIn"));
        default:
          return objects.post(p(q, "BusinessObject"), p(q, "XmlParameters"), p(q, "XmlIn"));
      }
    } finally {
      sessions.release(s);
    }
  }

  /** A query parameter by its exact name (or any casing when parameter names are lenient). */
  private @Nullable String p(Map<String, List<String>> q, String name) {
    List<String> v = q.get(name);
    if (v == null && !config.strictParameterNames) {
      for (Map.Entry<String, List<String>> e : q.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          v = e.getValue();
          break;
        }
      }
    }
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private @Nullable Map<String, List<String>> postLdParameters(SimRequest request) {
    String type = request.header("content-type");
    if (type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return config.acceptFormPostLd ? request.form() : null;
    }
    Element env;
    try {
      env = Xml.parse(new String(request.body(), charsetOf(type)), "PostLD body");
    } catch (EnetError e) {
      return null;
    }
    if (!env.getTagName().equals("TransactionPostLD")) {
      return null;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Element c : Xml.children(env)) {
      out.put(c.getTagName(), List.of(c.getTextContent()));
    }
    return out;
  }

  private static Charset charsetOf(@Nullable String contentType) {
    if (contentType != null) {
      int i = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
      if (i >= 0) {
        try {
          return Charset.forName(contentType.substring(i + 8).replace("\"", "").strip());
        } catch (RuntimeException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private String profile(String operator) {
    synchronized (company) {
      Xml.Out out = new Xml.Out();
      out.start("LogonProfile")
          .leaf("CompanyName", company.name())
          .leaf("OperatorCode", operator)
          .leaf("OperatorGroup", "")
          .leaf("OperatorEmailAddress", "")
          .leaf("OperatorLocation", "")
          .leaf("OperatorLanguageCode", "EN")
          .leaf("SystemLanguage", "05")
          .leaf("AccountingDate", Fmt.date(company.today()))
          .leaf("CompanyDate", Fmt.date(company.today()))
          .leaf("DefaultArBranch", "")
          .leaf("DefaultApBranch", "")
          .leaf("DefaultBank", "")
          .leaf("DefaultWarehouse", "")
          .leaf("DefaultCustomer", "")
          .leaf("SystemSiteId", "")
          .leaf("SystemNationalityCode", "")
          .leaf("LocalCurrencyCode", company.localCurrency())
          .leaf("CurrencyDescription", "")
          .leaf("DefaultRequisitionUser", "")
          .leaf("XMLToHTMLTransform", "")
          .leaf("CssStyle", "")
          .leaf("CssSuffix", "")
          .leaf("DecimalFormat", "1")
          .leaf("DateFormat", "01")
          .leaf("FunctionalRole", "")
          .leaf("DatabaseType", "SQL")
          .leaf("SysproVersion", config.sysproVersion)
          .leaf("EnetVersion", config.sysproVersion)
          .leaf("SysproServerBitWidth", "64");
      return out.finish();
    }
  }

  /** A 200 answer carrying {@code text} in the configured body form. */
  private SimResponse ok(String text) {
    return encode(config.bodyForm, text);
  }

  /** Frames text in one of the three body forms. */
  public static SimResponse encode(BodyForm form, String text) {
    switch (form) {
      case JSON_STRING:
        return withServer(
            SimResponse.text(200, "application/json", jsonString(text), StandardCharsets.UTF_8));
      case WCF_STRING:
        String xml =
            "<string xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/\">"
                + escape(text)
                + "</string>";
        return withServer(SimResponse.text(200, "application/xml", xml, StandardCharsets.UTF_8));
      default:
        return withServer(
            new SimResponse(
                200, Map.of("Content-Type", "application/octet-stream"), text.getBytes(CP1252)));
    }
  }

  private static SimResponse withServer(SimResponse r) {
    return r.withHeader("Server", "Microsoft-HTTPAPI/2.0");
  }

  private static SimResponse plain(int status, String text) {
    return withServer(SimResponse.text(status, "text/html", text, StandardCharsets.UTF_8));
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String jsonString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }
}
