package io.mlconnector.core.state.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A keyset page token: the (time, id) of the last row of a page. Opaque to callers; a token that
 * does not decode is refused with a message naming {@code pageToken}.
 *
 * @param at the last row's time
 * @param id the last row's id
 */
public record PageToken(Instant at, long id) {
  private static final String VERSION = "k1";

  /** The token text. */
  public String encode() {
    String raw = VERSION + ':' + at.getEpochSecond() + ':' + at.getNano() + ':' + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a token, or returns null for a null token. */
  public static @Nullable PageToken decode(@Nullable String token) {
    if (token == null) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = raw.split(":", -1);
      if (parts.length != 4 || !parts[0].equals(VERSION)) {
        throw new IllegalArgumentException("pageToken is not a token this store issued");
      }
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
      return new PageToken(at, Long.parseLong(parts[3]));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("pageToken is not a token this store issued", e);
    }
  }
}
