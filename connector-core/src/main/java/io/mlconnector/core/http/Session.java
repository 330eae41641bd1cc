package io.mlconnector.core.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A session or access token obtained by a {@link SessionAuthenticator}: the secret value the
 * remote expects on each call (a bearer token, a {@code B1SESSION} cookie value, a SYSPRO
 * {@code UserId}), when it expires, and further values the connector needs (a route cookie).
 *
 * <p>The transport never logs the token or the secret attributes: their values are masked
 * wherever they appear in logged text. {@link #toString()} shows neither.
 */
public final class Session {

  private final String token;
  private final Instant expiresAt;
  private final Duration idleTimeout;
  private final Map<String, String> attributes;
  private final Map<String, String> secretAttributes;

  private Session(Builder b) {
    this.token = b.token;
    this.expiresAt = b.expiresAt;
    this.idleTimeout = b.idleTimeout;
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    this.secretAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.secretAttributes));
  }

  /**
   * A builder for a session whose secret value is {@code token}.
   *
   * @param token the secret value sent with each call
   * @return a builder
   */
  public static Builder builder(String token) {
    return new Builder(token);
  }

  /** {@return the secret value to send with each call} Never log it. */
  public String token() {
    return token;
  }

  /** {@return the absolute expiry (an OAuth token's {@code expires_in}), if known} */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * {@return the idle timeout (SAP B1 {@code SessionTimeout}), after which an unused session
   * expires}
   */
  public Optional<Duration> idleTimeout() {
    return Optional.ofNullable(idleTimeout);
  }

  /**
   * A named value: a plain attribute first, else a secret one; null when absent.
   *
   * @param name the attribute's name
   * @return the value, or null when the session has no attribute of that name
   */
  public @Nullable String attribute(String name) {
    String plain = attributes.get(name);
    return plain != null ? plain : secretAttributes.get(name);
  }

  /** {@return every secret value of this session (token and secret attributes), for log masking} */
  public List<String> secretValues() {
    List<String> values = new ArrayList<>();
    values.add(token);
    values.addAll(secretAttributes.values());
    return Collections.unmodifiableList(values);
  }

  @Override
  public String toString() {
    return "Session{token=***, expiresAt=" + expiresAt + ", idleTimeout=" + idleTimeout
        + ", attributes=" + attributes + ", secretAttributes=" + secretAttributes.keySet() + '}';
  }

  /** Builds a {@link Session}. */
  public static final class Builder {
    private final String token;
    private Instant expiresAt;
    private Duration idleTimeout;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> secretAttributes = new LinkedHashMap<>();

    private Builder(String token) {
      if (token == null || token.isEmpty()) {
        throw new IllegalArgumentException("token must not be empty");
      }
      this.token = token;
    }

    /**
     * The absolute expiry.
     *
     * @param expiresAt when the session expires
     * @return this builder
     */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
      return this;
    }

    /**
     * The idle timeout, positive; each call through the transport restarts it.
     *
     * @param idleTimeout how long an unused session lives
     * @return this builder
     */
    public Builder idleTimeout(Duration idleTimeout) {
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
      }
      this.idleTimeout = idleTimeout;
      return this;
    }

    /**
     * A value that is not secret (shown in {@code toString}).
     *
     * @param name the attribute's name
     * @param value its value
     * @return this builder
     */
    public Builder attribute(String name, String value) {
      attributes.put(requireName(name), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * A secret value (masked in logs, hidden in {@code toString}).
     *
     * @param name the attribute's name
     * @param value its secret value
     * @return this builder
     */
    public Builder secretAttribute(String name, String value) {
      secretAttributes.put(requireName(name), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** {@return the immutable session} */
    public Session build() {
      return new Session(this);
    }

    private static String requireName(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("attribute name must not be blank");
      }
      return name;
    }
  }
}
