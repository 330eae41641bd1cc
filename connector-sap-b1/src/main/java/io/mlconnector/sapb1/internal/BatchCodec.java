package io.mlconnector.sapb1.internal;

import io.mlconnector.sapb1.B1Batch;
import io.mlconnector.sapb1.B1BatchResult;
import io.mlconnector.sapb1.B1FormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@code $batch} body (CRLF line ends, a blank line between headers and body, request
 * lines with the absolute path {@code /b1s/vN/...}, a Content-ID on every change-set part) and reads
 * the multipart answer (Content-ID among the MIME headers on v2, among the embedded headers on v1).
 */
public final class BatchCodec {
  private static final String CRLF = "\r\n";
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

  private BatchCodec() {}

  /**
   * An encoded batch.
   *
   * @param contentType the request's Content-Type
   * @param body the body
   */
  public record Encoded(String contentType, String body) {}

  /** Encodes {@code batch} for the service root path {@code rootPath} ({@code /b1s/v1/}). */
  public static Encoded encode(B1Batch batch, String rootPath, String host) {
    String outer = "batch_" + UUID.randomUUID();
    StringBuilder sb = new StringBuilder();
    for (B1Batch.Part part : batch.parts()) {
      sb.append("--").append(outer).append(CRLF);
      if (part.read() != null) {
        sb.append("Content-Type: application/http").append(CRLF);
        sb.append("Content-Transfer-Encoding: binary").append(CRLF).append(CRLF);
        request(sb, part.read(), rootPath, host);
        continue;
      }
      String cs = "changeset_" + UUID.randomUUID();
      sb.append("Content-Type: multipart/mixed; boundary=").append(cs).append(CRLF).append(CRLF);
      int id = 1;
      for (B1Batch.Item item : part.changeset()) {
        sb.append("--").append(cs).append(CRLF);
        sb.append("Content-Type: application/http").append(CRLF);
        sb.append("Content-Transfer-Encoding: binary").append(CRLF);
        sb.append("Content-ID: ").append(id++).append(CRLF).append(CRLF);
        request(sb, item, rootPath, host);
      }
      sb.append("--").append(cs).append("--").append(CRLF);
    }
    sb.append("--").append(outer).append("--").append(CRLF);
    return new Encoded("multipart/mixed; boundary=" + outer, sb.toString());
  }

  private static void request(StringBuilder sb, B1Batch.Item item, String rootPath, String host) {
    sb.append(item.method()).append(' ').append(rootPath).append(item.resource()).append(" HTTP/1.1").append(CRLF);
    sb.append("Host: ").append(host).append(CRLF);
    for (Map.Entry<String, String> h : item.headers().entrySet()) {
      sb.append(h.getKey()).append(": ").append(h.getValue()).append(CRLF);
    }
    if (item.body() != null) {
      sb.append("Content-Type: application/json").append(CRLF).append(CRLF);
      sb.append(JsonText.write(item.body())).append(CRLF);
    } else {
      sb.append(CRLF);
    }
  }

  /** Decodes the multipart answer. */
  public static B1BatchResult decode(@Nullable String contentType, String body) {
    String boundary = boundary(contentType);
    if (boundary == null) {
      throw new B1FormatException("$batch answer is not multipart/mixed: " + contentType);
    }
    List<B1BatchResult.Response> out = new ArrayList<>();
    parts(body, boundary, out);
    return new B1BatchResult(out);
  }

  private static void parts(String body, String boundary, List<B1BatchResult.Response> out) {
    String[] chunks = body.split(Pattern.quote("--" + boundary), -1);
    for (int i = 1; i < chunks.length; i++) {
      String chunk = chunks[i];
      if (chunk.startsWith("--")) {
        break;
      }
      chunk = chunk.replaceFirst("^(\r\n)+", "");
      int split = chunk.indexOf(CRLF + CRLF);
      if (split < 0) {
        continue;
      }
      Map<String, String> mime = headers(chunk.substring(0, split));
      String content = chunk.substring(split + 4);
      String type = mime.getOrDefault("content-type", "");
      if (type.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
        String inner = boundary(type);
        if (inner != null) {
          parts(content, inner, out);
        }
        continue;
      }
      out.add(response(content, mime.get("content-id")));
    }
  }

  private static B1BatchResult.Response response(String content, @Nullable String mimeContentId) {
    String text = content.replaceFirst("^(\r\n)+", "");
    int lineEnd = text.indexOf(CRLF);
    String statusLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
    String[] f = statusLine.trim().split(" ");
    int status;
    try {
      status = Integer.parseInt(f[1]);
    } catch (RuntimeException e) {
      throw new B1FormatException("$batch answer part has no status line: " + statusLine);
    }
    String rest = lineEnd < 0 ? "" : text.substring(lineEnd + 2);
    String headerText;
    String body;
    int split = rest.indexOf(CRLF + CRLF);
    if (rest.startsWith(CRLF)) {
      headerText = "";
      body = rest.substring(2);
    } else if (split < 0) {
      headerText = rest;
      body = "";
    } else {
      headerText = rest.substring(0, split);
      body = rest.substring(split + 4);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : headerText.split(CRLF)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(canonical(line.substring(0, colon).trim()), line.substring(colon + 1).trim());
      }
    }
    String contentId = mimeContentId != null ? mimeContentId : headers.get("Content-ID");
    return new B1BatchResult.Response(status, contentId, headers, body.replaceFirst("(\r\n)+$", ""));
  }

  private static String canonical(String name) {
    if (name.equalsIgnoreCase("etag")) {
      return "ETag";
    }
    if (name.equalsIgnoreCase("content-id")) {
      return "Content-ID";
    }
    if (name.equalsIgnoreCase("location")) {
      return "Location";
    }
    return name;
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

  private static @Nullable String boundary(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = BOUNDARY.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }
}
