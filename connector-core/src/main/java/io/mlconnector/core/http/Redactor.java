package io.mlconnector.core.http;

import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * Masks secrets in text that is about to be logged: header values, URL query parameters, JSON,
 * form and XML body fields, and known secret values wherever they appear. Immutable; start from
 * {@link #defaults()} or {@link #builder()} and add the names a system uses.
 *
 * <p>A name is sensitive when, ignoring case, it equals one of the configured names or contains
 * one of the configured fragments. The defaults mask {@code Authorization}, {@code
 * Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, {@code X-API-Key}, and any header,
 * parameter or field whose name contains {@code password}, {@code passwd}, {@code secret}, {@code
 * token}, {@code apikey}, {@code api_key}, {@code api-key} or {@code sessionid} (so {@code
 * CompanyPassword}, SAP {@code SessionId}, {@code
 * client_secret}, {@code access_token} are covered).
 *
 * <p>Secrets the host holds as {@link Secret}s (an API key, a password, an operator's
 * credentials) can be given to {@link Builder#secrets(Secret...)}: their values are then masked
 * wherever they appear in logged text, whatever the name around them, by {@link #scrubSecrets}.
 * The redactor keeps the {@code Secret} objects, never copies of their values, and skips a secret
 * that has been wiped.
 */
public final class Redactor {

  /** What a masked value is replaced with. */
  public static final String MASK = "***";

  private static final Set<String> DEFAULT_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key");
  private static final Set<String> DEFAULT_FRAGMENTS =
      Set.of(
          "password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "sessionid");

  private static final Pattern JSON_MEMBER =
      Pattern.compile(
          "\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,{}\\[\\]\\s\"]+)");
  private static final Pattern XML_ELEMENT =
      Pattern.compile("<([A-Za-z_][\\w.:-]*)(\\s[^<>]*)?>([^<]*)</\\1\\s*>");
  private static final Pattern FORM = Pattern.compile("(^|&)([^=&]*)=([^&]*)");

  private static final Redactor DEFAULTS = new Builder().build();

  private final Set<String> headerNames;
  private final Set<String> fieldNames;
  private final Set<String> fragments;
  private final List<Secret> secrets;

  private Redactor(Builder b) {
    this.secrets = List.copyOf(b.secrets);
    this.headerNames = Collections.unmodifiableSet(new LinkedHashSet<>(b.headerNames));
    this.fieldNames = Collections.unmodifiableSet(new LinkedHashSet<>(b.fieldNames));
    this.fragments = Collections.unmodifiableSet(new LinkedHashSet<>(b.fragments));
  }

  /** {@return the default redactor} */
  public static Redactor defaults() {
    return DEFAULTS;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether the header {@code name} holds a secret.
   *
   * @param name the header name, in any case
   * @return true when its value must be masked
   */
  public boolean isSensitiveHeader(String name) {
    String lower = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
    return headerNames.contains(lower) || fieldNames.contains(lower) || containsFragment(lower);
  }

  /**
   * Whether a query parameter or body field called {@code name} holds a secret.
   *
   * @param name the parameter or field name, in any case
   * @return true when its value must be masked
   */
  public boolean isSensitiveField(String name) {
    String lower = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
    return fieldNames.contains(lower) || containsFragment(lower);
  }

  /**
   * The value to log for header {@code name}: {@link #MASK} when sensitive.
   *
   * @param name the header name
   * @param value the header value
   * @return {@link #MASK} when the header is sensitive, else {@code value}
   */
  public String header(String name, String value) {
    return isSensitiveHeader(name) ? MASK : value;
  }

  /**
   * The URL to log: user info dropped, sensitive query parameter values masked.
   *
   * @param url the request URL
   * @return the URL as text, safe to log
   */
  public String url(HttpUrl url) {
    Objects.requireNonNull(url, "url");
    HttpUrl.Builder b = url.newBuilder().username("").password("");
    if (url.querySize() > 0) {
      b.query(null);
      for (int i = 0; i < url.querySize(); i++) {
        String name = url.queryParameterName(i);
        String value = url.queryParameterValue(i);
        b.addQueryParameter(name, value != null && isSensitiveField(name) ? MASK : value);
      }
    }
    return b.build().toString();
  }

  /**
   * The body to log, sensitive fields masked. JSON members, form fields and XML elements are
   * recognised by the media type; without one, all three forms are masked.
   *
   * @param body the body text; null or empty is returned as it is
   * @param type the body's media type, or null when unknown
   * @return the body with sensitive values masked
   */
  public String body(String body, MediaType type) {
    if (body == null || body.isEmpty()) {
      return body;
    }
    String subtype = type == null ? "" : type.subtype().toLowerCase(Locale.ROOT);
    if (subtype.contains("json")) {
      return json(body);
    }
    if (subtype.equals("x-www-form-urlencoded")) {
      return form(body);
    }
    if (subtype.contains("xml")) {
      return xml(body);
    }
    // unknown type: mask every form it could be in
    String masked = xml(json(body));
    boolean looksLikeForm = masked.indexOf('=') >= 0 && masked.indexOf(' ') < 0;
    return looksLikeForm ? form(masked) : masked;
  }

  /**
   * Replaces every occurrence of each secret value in {@code text} with {@link #MASK}, longest
   * value first. Values shorter than 4 characters are ignored (they would mask ordinary text).
   * Use it with the values a host holds as secrets (API keys, passwords, session tokens).
   *
   * @param text the text to scrub; null or empty is returned as it is
   * @param secretValues the secret values; null or empty leaves {@code text} unchanged
   * @return the text with every such value masked
   */
  public static String scrub(String text, Collection<? extends CharSequence> secretValues) {
    if (text == null || text.isEmpty() || secretValues == null || secretValues.isEmpty()) {
      return text;
    }
    List<String> values = new ArrayList<>();
    for (CharSequence value : secretValues) {
      if (value != null && value.length() >= 4) {
        values.add(value.toString());
      }
    }
    values.sort(Comparator.comparingInt(String::length).reversed());
    String result = text;
    for (String value : values) {
      result = result.replace(value, MASK);
    }
    return result;
  }

  /**
   * Replaces every occurrence of {@code secrets}' values in {@code text} with {@link #MASK}, like
   * {@link #scrub(String, Collection)}; wiped secrets are skipped.
   *
   * @param text the text to scrub; null or empty is returned as it is
   * @param secrets the secrets whose values are masked
   * @return the text with every such value masked
   */
  public static String scrub(String text, Secret... secrets) {
    Objects.requireNonNull(secrets, "secrets");
    return scrub(text, revealed(Arrays.asList(secrets)));
  }

  /**
   * Masks the values of the secrets given to {@link Builder#secrets(Secret...)} wherever they
   * appear in {@code text}; the transport applies it to every logged line.
   *
   * @param text the text to scrub
   * @return the text with every registered secret's value masked
   */
  public String scrubSecrets(String text) {
    return secrets.isEmpty() ? text : scrub(text, revealed(secrets));
  }

  /** {@return how many {@link Secret}s this redactor masks by value} */
  public int secretCount() {
    return secrets.size();
  }

  private static List<String> revealed(List<Secret> secrets) {
    List<String> values = new ArrayList<>(secrets.size());
    for (Secret secret : secrets) {
      if (secret != null && !secret.isWiped()) {
        try {
          values.add(secret.reveal());
        } catch (IllegalStateException wipedMeanwhile) {
          // wiped between the check and the read: nothing left to mask
        }
      }
    }
    return values;
  }

  private boolean containsFragment(String lower) {
    for (String f : fragments) {
      if (lower.contains(f)) {
        return true;
      }
    }
    return false;
  }

  private String json(String body) {
    Matcher m = JSON_MEMBER.matcher(body);
    StringBuilder out = new StringBuilder(body.length());
    while (m.find()) {
      String replacement =
          isSensitiveField(m.group(1))
              ? "\"" + m.group(1) + "\"" + m.group(2) + "\"" + MASK + "\""
              : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String form(String body) {
    Matcher m = FORM.matcher(body);
    StringBuilder out = new StringBuilder(body.length());
    while (m.find()) {
      String name = decode(m.group(2));
      String replacement =
          isSensitiveField(name) ? m.group(1) + m.group(2) + "=" + MASK : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String xml(String body) {
    Matcher m = XML_ELEMENT.matcher(body);
    StringBuilder out = new StringBuilder(body.length());
    while (m.find()) {
      String name = m.group(1);
      int colon = name.lastIndexOf(':');
      String local = colon >= 0 ? name.substring(colon + 1) : name;
      String replacement =
          isSensitiveField(local)
              ? "<" + name + (m.group(2) == null ? "" : m.group(2)) + ">" + MASK + "</" + name + ">"
              : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decode(String s) {
    try {
      return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  @Override
  public String toString() {
    return "Redactor{headers=" + headerNames + ", fields=" + fieldNames + ", fragments=" + fragments
        + ", secrets=" + secrets.size() + '}';
  }

  /** Builds a {@link Redactor}; names are matched ignoring case. */
  public static final class Builder {
    private final Set<String> headerNames = new LinkedHashSet<>(DEFAULT_HEADERS);
    private final Set<String> fieldNames = new LinkedHashSet<>();
    private final Set<String> fragments = new LinkedHashSet<>(DEFAULT_FRAGMENTS);
    private final List<Secret> secrets = new ArrayList<>();

    private Builder() {}

    /**
     * Adds secrets whose values are masked wherever they appear in logged text (values shorter
     * than 4 bytes are not masked, see {@link Redactor#scrub(String, Collection)}). The redactor
     * holds the {@code Secret} objects themselves; one wiped later is no longer masked.
     *
     * @param values the secrets to mask
     * @return this builder
     */
    public Builder secrets(Secret... values) {
      Objects.requireNonNull(values, "secrets");
      for (Secret value : values) {
        secrets.add(Objects.requireNonNull(value, "secret"));
      }
      return this;
    }

    /**
     * Adds every field of {@code credentials} as in {@link #secrets(Secret...)}.
     *
     * @param credentials the credentials whose fields are masked
     * @return this builder
     */
    public Builder secrets(Credentials credentials) {
      Objects.requireNonNull(credentials, "credentials");
      secrets.addAll(credentials.fields().values());
      return this;
    }

    /**
     * Adds header names whose values are masked (for example {@code X-Session}).
     *
     * @param names the header names, in any case
     * @return this builder
     */
    public Builder headers(String... names) {
      addAll(headerNames, names, "header name");
      return this;
    }

    /**
     * Adds exact query parameter / body field names that are masked (SYSPRO {@code UserId}).
     *
     * @param names the parameter or field names, in any case
     * @return this builder
     */
    public Builder fields(String... names) {
      addAll(fieldNames, names, "field name");
      return this;
    }

    /**
     * Adds name fragments: any header, parameter or field containing one is masked.
     *
     * @param fragments the name fragments, for example {@code token}
     * @return this builder
     */
    public Builder fragments(String... fragments) {
      addAll(this.fragments, fragments, "fragment");
      return this;
    }

    /** {@return the immutable redactor} */
    public Redactor build() {
      return new Redactor(this);
    }

    private static void addAll(Set<String> target, String[] names, String what) {
      Objects.requireNonNull(names, what + "s");
      for (String n : Arrays.asList(names)) {
        if (n == null || n.isBlank()) {
          throw new IllegalArgumentException(what + " must not be blank");
        }
        target.add(n.trim().toLowerCase(Locale.ROOT));
      }
    }
  }
}
