package io.mlconnector.chargebee;

import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a tenant's Chargebee site needs: the API key (HTTP Basic username, empty password) and the
 * Basic credentials the site's webhook endpoint is configured with (Chargebee signs nothing; these
 * are the only proof a delivery came from Chargebee). Never printed: {@link #toString()} shows
 * neither secret.
 */
public final class ChargebeeCredentials {
  /** The field holding the API key in a stored {@link Credentials}. */
  public static final String API_KEY = "apiKey";
  /** The field holding the webhook Basic username. */
  public static final String WEBHOOK_USERNAME = "webhookUsername";
  /** The field holding the webhook Basic password. */
  public static final String WEBHOOK_PASSWORD = "webhookPassword";

  private final Secret apiKey;
  private final @Nullable String webhookUsername;
  private final @Nullable Secret webhookPassword;

  private ChargebeeCredentials(Secret apiKey, @Nullable String webhookUsername, @Nullable Secret webhookPassword) {
    this.apiKey = apiKey;
    this.webhookUsername = webhookUsername;
    this.webhookPassword = webhookPassword;
  }

  /**
   * Credentials with an API key and the webhook endpoint's Basic credentials.
   *
   * @param apiKey the site's API key
   * @param webhookUsername the endpoint's Basic username, or null when no webhooks are received
   * @param webhookPassword the endpoint's Basic password, or null with a null username
   * @return the credentials
   * @throws IllegalArgumentException if only one of username and password is given, or the username
   *     is empty or contains {@code :}
   */
  public static ChargebeeCredentials of(Secret apiKey, @Nullable String webhookUsername, @Nullable Secret webhookPassword) {
    Objects.requireNonNull(apiKey, "apiKey");
    if ((webhookUsername == null) != (webhookPassword == null)) {
      throw new IllegalArgumentException("webhookUsername and webhookPassword go together");
    }
    if (webhookUsername != null && (webhookUsername.isEmpty() || webhookUsername.contains(":"))) {
      throw new IllegalArgumentException("webhookUsername must be non-empty and contain no ':'");
    }
    return new ChargebeeCredentials(apiKey, webhookUsername, webhookPassword);
  }

  /**
   * Credentials with an API key only (no webhooks accepted).
   *
   * @param apiKey the site's API key
   * @return the credentials
   */
  public static ChargebeeCredentials of(Secret apiKey) {
    return of(apiKey, null, null);
  }

  /**
   * Reads {@link #API_KEY}, {@link #WEBHOOK_USERNAME} and {@link #WEBHOOK_PASSWORD} from stored
   *     credentials.
   *
   * @param credentials the stored credentials; the webhook fields are optional
   * @return the credentials
   * @throws IllegalArgumentException if only one of the webhook fields is stored
   */
  public static ChargebeeCredentials from(Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    Secret key = credentials.get(API_KEY);
    String user = credentials.find(WEBHOOK_USERNAME).map(Secret::reveal).orElse(null);
    Secret pass = credentials.find(WEBHOOK_PASSWORD).orElse(null);
    return of(key, user, pass);
  }

  /**
   * The API key.
   *
   * @return the site's API key
   */
  public Secret apiKey() {
    return apiKey;
  }

  /**
   * The webhook Basic username, or null.
   *
   * @return the username, or null when no webhooks are accepted
   */
  public @Nullable String webhookUsername() {
    return webhookUsername;
  }

  /**
   * The webhook Basic password, or null.
   *
   * @return the password, or null when no webhooks are accepted
   */
  public @Nullable Secret webhookPassword() {
    return webhookPassword;
  }

  @Override
  public String toString() {
    return "ChargebeeCredentials{apiKey=***, webhook=" + (webhookUsername == null ? "none" : "basic ***") + "}";
  }
}
