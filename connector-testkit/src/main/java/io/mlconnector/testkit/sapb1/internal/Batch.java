package io.mlconnector.testkit.sapb1.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST $batch}: a multipart/mixed body of requests and change sets. Each change set runs
 * atomically (rolled back on its first failure); GET is refused inside a change set; on v2 every
 * change-set part needs a unique {@code Content-ID} (error 244). ETags are not checked inside a
 * batch. Processing stops at the first failed request (a user's report, unconfirmed). The answer
 * is 202 with {@code batchresponse_}/{@code changesetresponse_} boundaries, one HTTP part per
 * request, {@code Content-ID} among the embedded headers on v1 and among the MIME headers on v2.
 */
final class Batch {
  private static final String CRLF = "\r\n";
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

  private final ServiceLayer service;
  private final SimConfig config;
  private final Random random = new Random(7);

  Batch(ServiceLayer service, SimConfig config) {
    this.service = service;
    this.config = config;
  }

  /** A part of the request: a lone request or a change set of requests. */
  private record Part(@Nullable String contentId, @Nullable Call call, @Nullable List<Part> changeset) {}

  /** A failed change set, to roll it back. */
  private static final class Rollback extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final List<String> parts;

    Rollback(List<String> parts) {
      super(null, null, false, false);
      this.parts = parts;
    }
  }

  Answer handle(Call call) {
    String boundary = boundary(call.header("Content-Type"));
    if (boundary == null) {
      return ServiceLayer.error(call.v2(), 400, -1000, "The batch request needs a multipart/mixed Content-Type with a boundary");
    }
    List<Part> parts;
    try {
      parts = parseParts(call, call.body(), boundary, false);
    } catch (WriteException e) {
      return ServiceLayer.error(call.v2(), e.status(), e.code(), e.getMessage());
    }
    String outer = "batchresponse_" + uuid();
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      out.append("--").append(outer).append(CRLF);
      if (p.changeset() == null) {
        Answer a = service.resource(p.call());
        out.append(httpPart(a, null, call.v2()));
        if (a.status() >= 400) {
          break;
        }
        continue;
      }
      String inner = "changesetresponse_" + uuid();
      List<String> rendered;
      boolean failed = false;
      try {
        rendered = service.company().atomically(() -> runChangeset(p.changeset(), call.v2()));
      } catch (Rollback r) {
        rendered = r.parts;
        failed = true;
      }
      if (failed) {
        // a failed change set answers with the failing request's answer alone
        out.append(rendered.get(rendered.size() - 1));
        break;
      }
      out.append("Content-Type: multipart/mixed;boundary=").append(inner).append(CRLF).append(CRLF);
      for (String r : rendered) {
        out.append("--").append(inner).append(CRLF).append(r);
      }
      out.append("--").append(inner).append("--").append(CRLF);
    }
    out.append("--").append(outer).append("--").append(CRLF);
    return Answer.of(202, "multipart/mixed;boundary=" + outer, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private List<String> runChangeset(List<Part> requests, boolean v2) {
    List<String> rendered = new ArrayList<>();
    Map<String, String> created = new HashMap<>();
    for (Part p : requests) {
      Call c = p.call();
      String resource = c.resource();
      if (resource.startsWith("$")) { // reference to an entity created earlier in this change set
        int slash = resource.indexOf('/');
        String id = resource.substring(1, slash < 0 ? resource.length() : slash);
        String target = created.get(id);
        if (target != null) {
          resource = target + (slash < 0 ? "" : resource.substring(slash));
          c = new Call(c.method(), c.v2(), resource, c.rawQuery(), c.headers(), c.body(), true);
        }
      }
      Answer a = service.resource(c);
      rendered.add(httpPart(a, p.contentId(), v2));
      if (a.status() >= 400) {
        throw new Rollback(rendered);
      }
      String location = a.header("Location");
      if (p.contentId() != null && location != null) {
        created.put(p.contentId(), location.substring(location.indexOf(v2 ? "/b1s/v2/" : "/b1s/v1/") + 8));
      }
    }
    return rendered;
  }

  private String httpPart(Answer a, @Nullable String contentId, boolean v2) {
    StringBuilder sb = new StringBuilder();
    sb.append("Content-Type: application/http").append(CRLF);
    sb.append("Content-Transfer-Encoding: binary").append(CRLF);
    if (v2 && contentId != null) {
      sb.append("Content-ID: ").append(contentId).append(CRLF);
    }
    sb.append(CRLF);
    sb.append("HTTP/1.1 ").append(a.status()).append(' ').append(Answer.reason(a.status())).append(CRLF);
    if (!v2 && contentId != null) {
      sb.append("Content-ID: ").append(contentId).append(CRLF);
    }
    for (String[] h : a.headers()) {
      sb.append(h[0]).append(": ").append(h[1]).append(CRLF);
    }
    sb.append(CRLF);
    if (a.body().length > 0) {
      sb.append(new String(a.body(), StandardCharsets.UTF_8));
    }
    sb.append(CRLF);
    return sb.toString();
  }

  private List<Part> parseParts(Call outer, String body, String boundary, boolean inChangeset) {
    List<Part> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String delimiter = "--" + boundary;
    String[] chunks = body.split(Pattern.quote(delimiter), -1);
    for (int i = 1; i < chunks.length; i++) {
      String chunk = chunks[i];
      if (chunk.startsWith("--")) {
        break; // closing delimiter
      }
      chunk = stripLeadingCrlf(chunk);
      int split = chunk.indexOf(CRLF + CRLF);
      if (split < 0) {
        throw incomplete();
      }
      Map<String, String> mime = headers(chunk.substring(0, split));
      String content = chunk.substring(split + 4);
      String type = mime.getOrDefault("content-type", "");
      if (type.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
        if (inChangeset) {
          throw new WriteException(400, -1000, "Change sets cannot be nested");
        }
        String inner = boundary(type);
        if (inner == null) {
          throw new WriteException(400, -1000, "The change set needs a boundary");
        }
        out.add(new Part(null, null, parseParts(outer, content, inner, true)));
        continue;
      }
      String contentId = mime.get("content-id");
      Call call = request(outer, content, inChangeset);
      if (inChangeset) {
        if (call.method().equals("GET")) {
          throw new WriteException(400, -1000, "GET requests are not allowed inside a change set");
        }
        String cid = contentId != null ? contentId : call.header("Content-ID");
        if (outer.v2() && config.v2RequiresContentId && cid == null) {
          throw new WriteException(400, "244", "Content ID should be specified in each change set request.");
        }
        if (cid != null && !ids.add(cid)) {
          throw new WriteException(400, "244", "Content ID " + cid + " is not unique in the change set.");
        }
        contentId = cid;
      }
      out.add(new Part(contentId, call, null));
    }
    return out;
  }

  private Call request(Call outer, String content, boolean inChangeset) {
    String text = stripLeadingCrlf(content);
    int lineEnd = text.indexOf(CRLF);
    if (lineEnd < 0) {
      throw incomplete();
    }
    String requestLine = text.substring(0, lineEnd).trim();
    String rest = text.substring(lineEnd + 2);
    String headerText;
    String body;
    if (rest.startsWith(CRLF)) {
      headerText = "";
      body = rest.substring(2);
    } else {
      int split = rest.indexOf(CRLF + CRLF);
      if (split < 0) {
        throw incomplete();
      }
      headerText = rest.substring(0, split);
      body = rest.substring(split + 4);
    }
    body = body.replaceAll("(\r\n)+$", "");
    String[] f = requestLine.split(" ");
    String method = f[0].toUpperCase(Locale.ROOT);
    String target = f.length > 1 ? f[1] : "";
    String prefix = outer.v2() ? "/b1s/v2/" : "/b1s/v1/";
    int at = target.indexOf(prefix);
    String pathAndQuery = at >= 0 ? target.substring(at + prefix.length()) : target.replaceFirst("^/", "");
    int q = pathAndQuery.indexOf('?');
    String resource = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? null : pathAndQuery.substring(q + 1);
    Map<String, String> h = headers(headerText);
    return new Call(method, outer.v2(), resource, query, h, body, true);
  }

  private static String stripLeadingCrlf(String s) {
    String t = s;
    while (t.startsWith(CRLF)) {
      t = t.substring(2);
    }
    return t;
  }

  private static Map<String, String> headers(String text) {
    Map<String, String> h = new LinkedHashMap<>();
    for (String line : text.split(CRLF)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        h.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
    return h;
  }

  private static WriteException incomplete() {
    return new WriteException(400, -1000, "Incomplete request, Please check if the sub-request has complete request"
        + " content and there should be two '\\r\\n' between sub-request header and content!");
  }

  private static @Nullable String boundary(String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
      return null;
    }
    Matcher m = BOUNDARY.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }

  private synchronized String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }
}
