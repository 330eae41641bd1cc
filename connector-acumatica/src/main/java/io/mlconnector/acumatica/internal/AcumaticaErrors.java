package io.mlconnector.acumatica.internal;

import io.mlconnector.acumatica.AcumaticaValidationException.FieldError;
import io.mlconnector.core.http.ErrorDecoder;
import io.mlconnector.core.http.RemoteError;
import io.mlconnector.core.http.RetryClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/** Reads Acumatica's error bodies: {@code HttpError}, echoed entities of a 422, HTML. */
public final class AcumaticaErrors {
  /** The text Acumatica puts in a refused sign-in when the licence's API users are all taken. */
  public static final String LOGIN_LIMIT = "API Login Limit";

  private static final String LONG_RUNNING = "long-running operation";

  private AcumaticaErrors() {}

  /** The decoder for {@link io.mlconnector.core.http.TenantConfig}. */
  public static final ErrorDecoder DECODER = AcumaticaErrors::decode;

  /**
   * Retries an answer saying a long-running operation of the session is still running: the
   * request was refused before it did anything (only safe requests are ever repeated).
   */
  public static final RetryClassifier CLASSIFIER =
      response -> {
        if (response.code() == 500) {
          try {
            String body = response.peekBody(8192).string();
            if (body.toLowerCase(Locale.ROOT).contains(LONG_RUNNING)) {
              return RetryClassifier.Verdict.RETRY;
            }
          } catch (java.io.IOException e) {
            return RetryClassifier.Verdict.DEFAULT;
          }
        }
        return RetryClassifier.Verdict.DEFAULT;
      };

  static RemoteError decode(Response response, @Nullable String body) {
    if (body == null || body.isBlank()) {
      return RemoteError.NONE;
    }
    String trimmed = body.trim();
    if (trimmed.startsWith("{")) {
      try {
        Map<String, Object> m = JsonTree.parseObject(trimmed);
        if (response.code() == 422 || !m.containsKey("message")) {
          List<FieldError> errors = fieldErrors(m);
          if (!errors.isEmpty()) {
            return new RemoteError("validation", join(errors));
          }
        }
        String message = text(m.get("message"));
        String exception = text(m.get("exceptionMessage"));
        String type = text(m.get("exceptionType"));
        String full = message == null ? exception
            : exception == null || exception.equals(message) ? message : message + " " + exception;
        if (full == null) {
          full = text(m.get("error_description"));
          type = type == null ? text(m.get("error")) : type;
          if (full == null && type != null) {
            full = type;
          }
        }
        return new RemoteError(type, full);
      } catch (RuntimeException e) {
        // fall through to plain text
      }
    }
    String text = trimmed.replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    return new RemoteError(null, text.length() > 500 ? text.substring(0, 500) : text);
  }

  /** Every {@code error} of an echoed entity, record first, then fields and lines in order. */
  public static List<FieldError> fieldErrors(Map<String, Object> entity) {
    List<FieldError> out = new ArrayList<>();
    collect(entity, "", out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void collect(Map<String, Object> entity, String prefix, List<FieldError> out) {
    Object own = entity.get("error");
    if (own instanceof String && !((String) own).isBlank()) {
      out.add(new FieldError(prefix, (String) own));
    }
    for (Map.Entry<String, Object> e : entity.entrySet()) {
      String name = e.getKey();
      Object v = e.getValue();
      String path = prefix.isEmpty() ? name : prefix + "." + name;
      if (v instanceof Map) {
        Map<String, Object> inner = (Map<String, Object>) v;
        if (inner.containsKey("value") || (inner.containsKey("error") && inner.size() <= 2)) {
          Object err = inner.get("error");
          if (err instanceof String && !((String) err).isBlank()) {
            out.add(new FieldError(path, (String) err));
          }
        } else {
          collect(inner, path, out);
        }
      } else if (v instanceof List) {
        int i = 0;
        for (Object o : (List<?>) v) {
          i++;
          if (o instanceof Map) {
            collect((Map<String, Object>) o, path + "[" + i + "]", out);
          }
        }
      }
    }
  }

  /** The errors as one message. */
  public static String join(List<FieldError> errors) {
    StringBuilder sb = new StringBuilder();
    for (FieldError e : errors) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(e);
    }
    return sb.toString();
  }

  private static @Nullable String text(@Nullable Object o) {
    return o == null ? null : o.toString();
  }
}
