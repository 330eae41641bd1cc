package io.mlconnector.testkit.syspro;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** A plain OkHttp speaker of the e.net REST wire protocol, for tests (raw body form). */
final class Enet {
  static final Charset CP1252 = Charset.forName("windows-1252");
  static final OkHttpClient HTTP =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .readTimeout(10, TimeUnit.SECONDS)
          .build();

  private final SysproSimulator sim;

  Enet(SysproSimulator sim) {
    this.sim = sim;
  }

  /** A GET below the REST base with query parameters as name/value pairs. */
  HttpUrl url(String path, String... params) {
    HttpUrl.Builder b = HttpUrl.get(sim.restBaseUri() + path).newBuilder();
    for (int i = 0; i < params.length; i += 2) {
      b.addQueryParameter(params[i], params[i + 1]);
    }
    return b.build();
  }

  /** The raw response (caller closes). */
  Response call(String path, String... params) throws IOException {
    return HTTP.newCall(new Request.Builder().url(url(path, params)).build()).execute();
  }

  /** The body of a GET, decoded as Windows-1252 (the raw form). */
  String get(String path, String... params) {
    try (Response r = call(path, params)) {
      if (r.code() != 200) {
        throw new AssertionError("HTTP " + r.code() + " for " + path + ": " + r.body().string());
      }
      return new String(r.body().bytes(), CP1252);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String logon(String operator, String password) {
    return get(
        "/Logon",
        "Operator",
        operator,
        "OperatorPassword",
        password,
        "CompanyId",
        sim.companyId(),
        "CompanyPassword",
        "");
  }

  String logon() {
    return logon("ADMIN", "secret");
  }

  String logoff(String userId) {
    return get("/Logoff", "UserId", userId);
  }

  String query(String userId, String bo, String xmlIn) {
    return get("/Query/Query", "UserId", userId, "BusinessObject", bo, "XmlIn", xmlIn);
  }

  String post(String userId, String bo, String params, String xmlIn) {
    return get(
        "/Transaction/Post",
        "UserId",
        userId,
        "BusinessObject",
        bo,
        "XmlParameters",
        params,
        "XmlIn",
        xmlIn);
  }

  String setup(String method, String userId, String bo, String params, String xmlIn) {
    return get(
        "/Setup/" + method,
        "UserId",
        userId,
        "BusinessObject",
        bo,
        "XmlParameters",
        params,
        "XmlIn",
        xmlIn);
  }

  /** Parses business-object output. */
  static Document xml(String text) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    } catch (Exception e) {
      throw new AssertionError("not XML: " + text, e);
    }
  }

  /** The string value of an XPath over business-object output. */
  static String x(String text, String xpath) {
    try {
      return XPathFactory.newInstance().newXPath().evaluate(xpath, xml(text));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** How many nodes an XPath selects. */
  static int count(String text, String xpath) {
    try {
      return ((NodeList)
              XPathFactory.newInstance()
                  .newXPath()
                  .evaluate(xpath, xml(text), XPathConstants.NODESET))
          .getLength();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A simulator with one operator ADMIN/secret and the given extra settings. */
  static SysproSimulator.Builder builder() {
    return SysproSimulator.builder().operator(Operator.of("ADMIN", "secret"));
  }
}
