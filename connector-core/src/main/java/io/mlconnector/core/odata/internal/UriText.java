package io.mlconnector.core.odata.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Percent-encoding and link resolution for OData URLs. */
public final class UriText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriText() {}

  /**
   * Percent-encodes a query parameter value: every byte of its UTF-8 form except the RFC 3986
   * unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}; a space becomes
   * {@code %20}, never {@code +}.
   */
  public static String encodeQueryValue(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * Makes a link as a server sent it into valid URI text: characters that may not appear in a URI
   * (space, quote, braces, non-ASCII ...) are percent-encoded; existing escapes are kept.
   */
  public static String sanitize(String link) {
    StringBuilder out = new StringBuilder(link.length() + 16);
    for (int i = 0; i < link.length(); i++) {
      char c = link.charAt(i);
      if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
        out.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < link.length() ? i + 2 : i + 1;
        for (byte b : link.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b & 0xff) >> 4]).append(HEX[b & 0xf]);
        }
        i = end - 1;
      }
    }
    return out.toString();
  }

  /** Resolves {@code link} (absolute or relative) against {@code base}. */
  public static String resolve(String base, String link) {
    try {
      URI baseUri = new URI(sanitize(base));
      URI linkUri = new URI(sanitize(link));
      if (linkUri.isAbsolute()) {
        return linkUri.toString();
      }
      if (!baseUri.isAbsolute()) {
        throw new IllegalArgumentException("cannot resolve a relative link against a relative URL: " + strip(base));
      }
      return baseUri.resolve(linkUri).toString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + e.getMessage(), e);
    }
  }

  /** The decoded names of the query parameters of {@code url}, lower-cased. */
  public static Set<String> queryNames(String url) {
    Set<String> names = new LinkedHashSet<>();
    int q = url.indexOf('?');
    if (q < 0) {
      return names;
    }
    int hash = url.indexOf('#', q);
    String query = url.substring(q + 1, hash < 0 ? url.length() : hash);
    for (String part : query.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      names.add(decode(name).toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /** Appends an encoded {@code name=value} pair to {@code url}. */
  public static String appendQuery(String url, String encodedPair) {
    int hash = url.indexOf('#');
    String fragment = hash < 0 ? "" : url.substring(hash);
    String head = hash < 0 ? url : url.substring(0, hash);
    char sep = head.indexOf('?') < 0 ? '?' : (head.endsWith("?") || head.endsWith("&") ? 0 : '&');
    return sep == 0 ? head + encodedPair + fragment : head + sep + encodedPair + fragment;
  }

  /** The URL without user info, for error messages. */
  public static String strip(String url) {
    int scheme = url.indexOf("://");
    int at = url.indexOf('@');
    int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    if (scheme >= 0 && at > scheme && (slash < 0 || at < slash)) {
      return url.substring(0, scheme + 3) + url.substring(at + 1);
    }
    return url;
  }

  private static String decode(String s) {
    try {
      return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
