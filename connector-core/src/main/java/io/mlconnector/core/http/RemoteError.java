package io.mlconnector.core.http;

import org.jspecify.annotations.Nullable;

/**
 * The remote's own error code and message, parsed by a connector from an error answer.
 *
 * @param code the remote error code ({@code resource_missing}, {@code 301}), or null
 * @param message the remote's message, or null; must never contain a secret
 */
public record RemoteError(@Nullable String code, @Nullable String message) {

  /** No remote code or message known. */
  public static final RemoteError NONE = new RemoteError(null, null);
}
