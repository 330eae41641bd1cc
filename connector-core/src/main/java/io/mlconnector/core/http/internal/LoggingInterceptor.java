package io.mlconnector.core.http.internal;

import io.mlconnector.core.http.HttpLogLevel;
import io.mlconnector.core.http.Redactor;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt at DEBUG with secrets masked: sensitive headers, query parameters and body
 * fields by name (see {@link Redactor}), and the values of the current session and of the
 * redactor's {@code Secret}s anywhere.
 */
public final class LoggingInterceptor implements Interceptor {

  /** The logger every exchange goes to. */
  public static final String LOGGER_NAME = "io.mlconnector.core.http.wire";

  static final long MAX_BODY = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

  private final HttpLogLevel level;
  private final Redactor redactor;
  private final Supplier<? extends Collection<? extends CharSequence>> secretValues;
  private final String label;

  /**
   * A logging interceptor.
   *
   * @param label who is calling, for example {@code "stripe/acme"} (no secrets)
   * @param secretValues values to mask wherever they appear (the current session's)
   */
  public LoggingInterceptor(
      HttpLogLevel level,
      Redactor redactor,
      Supplier<? extends Collection<? extends CharSequence>> secretValues,
      String label) {
    this.level = level;
    this.redactor = redactor;
    this.secretValues = secretValues;
    this.label = label;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (level == HttpLogLevel.NONE || !LOG.isDebugEnabled()) {
      return chain.proceed(request);
    }
    Collection<? extends CharSequence> secrets = secretValues.get();
    StringBuilder out = new StringBuilder();
    out.append("--> ").append(request.method()).append(' ').append(redactor.url(request.url()))
        .append(" [").append(label).append(']');
    if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
      appendHeaders(out, request.headers());
    }
    if (level == HttpLogLevel.BODY && request.body() != null) {
      out.append('\n').append(requestBody(request.body()));
    }
    LOG.debug(clean(out.toString(), secrets));

    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      LOG.debug(
          clean(
              "<-- FAILED " + request.method() + ' ' + redactor.url(request.url()) + ": "
                  + e.getClass().getSimpleName() + " [" + label + ']',
              secrets));
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    out.setLength(0);
    out.append("<-- ").append(response.code()).append(' ').append(request.method()).append(' ')
        .append(redactor.url(request.url())).append(" (").append(millis).append(" ms) [")
        .append(label).append(']');
    if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
      appendHeaders(out, response.headers());
    }
    if (level == HttpLogLevel.BODY && response.body() != null) {
      MediaType type = response.body().contentType();
      if (isText(type)) {
        String body = response.peekBody(MAX_BODY).string();
        out.append('\n').append(redactor.body(body, type));
      } else {
        out.append("\n(binary body omitted)");
      }
    }
    LOG.debug(clean(out.toString(), secrets));
    return response;
  }

  /** Masks the session's values and the redactor's own {@code Secret}s. */
  private String clean(String text, Collection<? extends CharSequence> secrets) {
    return redactor.scrubSecrets(Redactor.scrub(text, secrets));
  }

  private void appendHeaders(StringBuilder out, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      out.append('\n').append(name).append(": ").append(redactor.header(name, headers.value(i)));
    }
  }

  private String requestBody(RequestBody body) throws IOException {
    MediaType type = body.contentType();
    if (body.isOneShot() || body.isDuplex()) {
      return "(one-shot body omitted)";
    }
    if (!isText(type)) {
      return "(binary body omitted)";
    }
    long length = body.contentLength();
    if (length > MAX_BODY) {
      return "(" + length + "-byte body omitted)";
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    String text = buffer.readString(Math.min(buffer.size(), MAX_BODY), charset);
    return redactor.body(text, type);
  }

  private static boolean isText(MediaType type) {
    if (type == null) {
      return true;
    }
    String t = type.type().toLowerCase(Locale.ROOT);
    String s = type.subtype().toLowerCase(Locale.ROOT);
    return t.equals("text")
        || s.contains("json")
        || s.contains("xml")
        || s.equals("x-www-form-urlencoded");
  }
}
