package io.mlconnector.sapb1;

import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@code Login} takes: the company database, user name, password and optional language code.
 * The password is a {@link Secret}, revealed only to build the Login body (which the transport
 * never logs); {@link #toString()} shows the company and user only.
 */
public final class SapB1Credentials {

  /** Field name of the company database in stored {@link Credentials}. */
  public static final String COMPANY_DB = "companyDb";

  /** Field name of the user name. */
  public static final String USER_NAME = "userName";

  /** Field name of the password. */
  public static final String PASSWORD = "password";

  /** Field name of the optional language code. */
  public static final String LANGUAGE = "language";

  private final String companyDb;
  private final String userName;
  private final Secret password;
  private final @Nullable Integer language;

  private SapB1Credentials(String companyDb, String userName, Secret password, @Nullable Integer language) {
    this.companyDb = companyDb;
    this.userName = userName;
    this.password = password;
    this.language = language;
  }

  /**
   * Login values without a language.
   *
   * @throws IllegalArgumentException when the company or user is blank
   * @param companyDb the company database, e.g. {@code SBODEMOUS}
   * @param userName the B1 user
   * @param password the user's password
   * @return the credentials
   */
  public static SapB1Credentials of(String companyDb, String userName, Secret password) {
    return of(companyDb, userName, password, null);
  }

  /**
   * Login values with a B1 language code (for example 23 for English (US)), or null for the user's.
   *
   * @throws IllegalArgumentException when the company or user is blank
   * @param companyDb the company database, e.g. {@code SBODEMOUS}
   * @param userName the B1 user
   * @param password the user's password
   * @param language the B1 language code, or null
   * @return the credentials
   */
  public static SapB1Credentials of(String companyDb, String userName, Secret password, @Nullable Integer language) {
    if (companyDb == null || companyDb.isBlank()) {
      throw new IllegalArgumentException("companyDb must not be blank");
    }
    if (userName == null || userName.isBlank()) {
      throw new IllegalArgumentException("userName must not be blank");
    }
    return new SapB1Credentials(companyDb, userName, Objects.requireNonNull(password, "password"), language);
  }

  /**
   * Reads stored credentials: fields {@value #COMPANY_DB}, {@value #USER_NAME}, {@value #PASSWORD}
   * and optionally {@value #LANGUAGE}.
   *
   * @throws IllegalArgumentException naming the missing or malformed field
   * @param credentials the stored credentials
   * @return the Login values
   */
  public static SapB1Credentials from(Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    Integer language = null;
    if (credentials.find(LANGUAGE).isPresent()) {
      String text = credentials.get(LANGUAGE).reveal().trim();
      try {
        language = Integer.valueOf(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("credential field " + LANGUAGE + " must be a number");
      }
    }
    return of(credentials.get(COMPANY_DB).reveal(), credentials.get(USER_NAME).reveal(),
        credentials.get(PASSWORD), language);
  }

  /**
   * The company database.
   *
   * @return the company database name
   */
  public String companyDb() {
    return companyDb;
  }

  /**
   * The user name.
   *
   * @return the user name
   */
  public String userName() {
    return userName;
  }

  /**
   * The password; reveal it only to build the Login body.
   *
   * @return the password
   */
  public Secret password() {
    return password;
  }

  /**
   * The language code, or null.
   *
   * @return the B1 language code, or null for the user's own
   */
  public @Nullable Integer language() {
    return language;
  }

  @Override
  public String toString() {
    return "SapB1Credentials{companyDb=" + companyDb + ", userName=" + userName + ", password=***}";
  }
}
