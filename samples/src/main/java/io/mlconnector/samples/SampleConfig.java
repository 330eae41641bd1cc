package io.mlconnector.samples;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The sample's settings, read from a properties file. Each system's keys start with its name
 * ({@code syspro.}, {@code stripe.} ...; every key is described in that system's class in {@code
 * io.mlconnector.samples.systems}). Secrets (keys ending in {@code .password}, {@code .secret},
 * {@code .api.key}, {@code .passphrase}) may be given once in the file: {@link #storeSecrets}
 * moves them into the {@link CredentialStore} (encrypted at rest, under the system their key starts
 * with), after which they can be deleted from the file.
 *
 * <table>
 *   <caption>properties shared by every pair</caption>
 *   <tr><th>key</th><th>meaning</th></tr>
 *   <tr><td>{@code pair}</td><td>which pair runs (default {@code syspro-stripe}; see {@link
 *       io.mlconnector.samples.pairs.Pairs})</td></tr>
 *   <tr><td>{@code tenant}</td><td>tenant name (default {@code default})</td></tr>
 *   <tr><td>{@code engine.claim.ttl}, {@code engine.lease.ttl}</td><td>how long a webhook-event claim and a
 *       flow lease last when their node dies (engine defaults 5 min and 30 s)</td></tr>
 *   <tr><td>{@code engine.parallelism}, {@code engine.pending.grace}, {@code node.id}</td><td>records
 *       written at once; age of an open write before recovery looks it up by stamp (default {@code
 *       PT2M}); this node's id (keep it across restarts to take leases back at once)</td></tr>
 *   <tr><td>{@code backstop.lookback}</td><td>how far back the collector's events backstop reads on its
 *       first run (ISO-8601; default the collector's own, 3 days for Stripe; {@code
 *       stripe.backstop.lookback} is read too)</td></tr>
 *   <tr><td>{@code gl.accounts.fees}, {@code gl.accounts.clearing}, {@code gl.accounts.bank} (and per
 *       currency, {@code gl.accounts.bank.EUR})</td><td>the GL accounts of processing-fee and payout
 *       journals; when {@code gl.accounts.fees} is set, the fee and payout flows run (the ledger must
 *       take journals)</td></tr>
 *   <tr><td>{@code data.dir}</td><td>store and credential directory (default {@code ./data})</td></tr>
 *   <tr><td>{@code store}</td><td>{@code h2} (default) or {@code postgresql}</td></tr>
 *   <tr><td>{@code store.jdbc.url}, {@code store.jdbc.user}, {@code store.jdbc.password}, {@code
 *       store.table.prefix}</td><td>PostgreSQL (table prefix default {@code mlc_})</td></tr>
 *   <tr><td>{@code webhook.host}, {@code webhook.port}</td><td>where the collector's webhooks are received
 *       (default {@code 0.0.0.0:8080}), at {@code /webhooks/<collector>/<tenant>}</td></tr>
 *   <tr><td>{@code poll.interval}</td><td>ISO-8601 duration between polls (default {@code PT1M})</td></tr>
 * </table>
 *
 * <p>The credential store's key comes from the environment ({@code MLC_KEY_CURRENT} names the key
 * id, {@code MLC_KEY_<ID>} holds the base64 of a 32-byte key).
 */
public final class SampleConfig {
  /** The pair run when the settings name none. */
  public static final String DEFAULT_PAIR = "syspro-stripe";
  private static final List<String> SECRET_SUFFIXES =
      List.of(".password", ".secret", ".api.key", ".passphrase");

  private final Map<String, String> values;
  private final Map<String, Secret> secrets;

  private SampleConfig(Map<String, String> values, Map<String, Secret> secrets) {
    this.values = Map.copyOf(values);
    this.secrets = Map.copyOf(secrets);
  }

  /**
   * Reads and checks a properties file: every setting the sample knows is checked before anything
   * is written (see {@link SettingChecks}); a problem is reported as {@code key='value': what is
   * allowed}.
   *
   * @throws IllegalArgumentException naming the file and the key when a value is missing or wrong
   */
  public static SampleConfig load(Path file) {
    Objects.requireNonNull(file, "file");
    Properties p = new Properties();
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("config file " + file + " not found");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("config file " + file + " is not a readable file");
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> map = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      map.put(k, p.getProperty(k).trim());
    }
    return of(map, file.toString());
  }

  /** Settings from a map of the same keys ({@code where} names it in error messages). */
  public static SampleConfig of(Map<String, String> properties, String where) {
    Map<String, String> values = new TreeMap<>();
    Map<String, Secret> secrets = new TreeMap<>();
    for (Map.Entry<String, String> e : properties.entrySet()) {
      if (isSecret(e.getKey())) {
        secrets.put(e.getKey(), Secret.of(e.getValue()));
      } else {
        values.put(e.getKey(), e.getValue());
      }
    }
    SampleConfig c = new SampleConfig(values, secrets);
    List<String> problems = SettingChecks.problems(c);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("config " + where + ": " + String.join("; ", problems));
    }
    return c;
  }

  private static boolean isSecret(String key) {
    // store.jdbc.password stays a plain setting: the store opens before the credential store is read
    return key.indexOf('.') > 0 && !key.startsWith("store.") && SECRET_SUFFIXES.stream().anyMatch(key::endsWith);
  }

  /** The plain (non-secret) settings whose keys start with {@code prefix}, by the rest of the key. */
  public java.util.SortedMap<String, String> withPrefix(String prefix) {
    java.util.SortedMap<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(prefix) && k.length() > prefix.length() && !v.isEmpty()) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  /** A plain (non-secret) value. */
  public Optional<String> value(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
  }

  /**
   * A plain value that must be there.
   *
   * @throws IllegalArgumentException naming the key when it is missing
   */
  public String require(String key) {
    return value(key).orElseThrow(() -> new IllegalArgumentException(key + " is missing"));
  }

  /**
   * Checks that every one of {@code keys} is set, so that a missing setting is reported together
   * with every other one at once, not one per start.
   *
   * @param keys the plain settings that must be there
   * @throws IllegalArgumentException naming every key that is missing ({@code a is missing; b is
   *     missing})
   */
  public void requireAll(Collection<String> keys) {
    List<String> missing = new ArrayList<>();
    for (String key : keys) {
      if (value(key).isEmpty()) {
        missing.add(key + " is missing");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", missing));
    }
  }

  /**
   * A duration (ISO-8601, e.g. {@code PT30S}), if set.
   *
   * @throws IllegalArgumentException naming the key and the value when it is not a duration
   */
  public Optional<Duration> duration(String key) {
    return value(key).map(v -> {
      try {
        return Duration.parse(v);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(key + " is not an ISO-8601 duration (e.g. PT30S): '" + v + "'");
      }
    });
  }

  /**
   * A boolean ({@code true} or {@code false}), if set.
   *
   * @throws IllegalArgumentException naming the key and the value otherwise
   */
  public Optional<Boolean> bool(String key) {
    return value(key).map(v -> {
      if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(v);
      }
      throw new IllegalArgumentException(key + " must be true or false, was '" + v + "'");
    });
  }

  /** Every plain key set (for the checks). */
  java.util.Set<String> keys() {
    return values.keySet();
  }

  /** The pair to run. */
  public String pair() {
    return value("pair").orElse(DEFAULT_PAIR);
  }

  /** The tenant. */
  public String tenant() {
    return value("tenant").orElse("default");
  }

  /** The data directory. */
  public Path dataDir() {
    return Path.of(value("data.dir").orElse("data"));
  }

  /** The poll interval. */
  public Duration pollInterval() {
    return Duration.parse(value("poll.interval").orElse("PT1M"));
  }

  /** The webhook port. */
  public int webhookPort() {
    int port = Integer.parseInt(value("webhook.port").orElse("8080"));
    if (port < 0 || port > 65535) {
      throw new NumberFormatException("out of range");
    }
    return port;
  }

  /** True when the file carries secrets (to be moved into the credential store). */
  public boolean hasSecrets() {
    return !secrets.isEmpty();
  }

  /**
   * Encrypts the secrets given in the file into {@code store} (merged with what it holds), each
   * under the system its key starts with and the field named by the rest of the key in camel case
   * ({@code syspro.operator.password} becomes {@code syspro}/{@code operatorPassword}), and
   * returns how many were stored.
   */
  public int storeSecrets(CredentialStore store) {
    Objects.requireNonNull(store, "store");
    Map<String, Map<String, Secret>> bySystem = new TreeMap<>();
    for (Map.Entry<String, Secret> e : secrets.entrySet()) {
      String key = e.getKey();
      int dot = key.indexOf('.');
      bySystem.computeIfAbsent(key.substring(0, dot), k -> new TreeMap<>()).put(field(key.substring(dot + 1)), e.getValue());
    }
    int n = 0;
    for (Map.Entry<String, Map<String, Secret>> e : bySystem.entrySet()) {
      Map<String, Secret> fields = new TreeMap<>();
      store.get(tenant(), e.getKey()).ifPresent(h -> fields.putAll(h.fields()));
      fields.putAll(e.getValue());
      n += e.getValue().size();
      Credentials.Builder b = Credentials.builder();
      fields.forEach(b::put);
      store.put(tenant(), e.getKey(), b.build());
    }
    return n;
  }

  /**
   * The secrets of {@code system} in {@code store}.
   *
   * @throws IllegalArgumentException naming the keys to give once when none are stored
   */
  public Credentials credentials(CredentialStore store, String system, String keysToGive) {
    return store.get(tenant(), system).orElseThrow(() -> new IllegalArgumentException("no " + system
        + " credentials stored for tenant " + tenant() + "; put " + keysToGive + " in the config file once"));
  }

  /** The field a secret key's tail names: {@code operator.password} is {@code operatorPassword}. */
  static String field(String tail) {
    StringBuilder s = new StringBuilder();
    boolean upper = false;
    for (char ch : tail.toCharArray()) {
      if (ch == '.' || ch == '-' || ch == '_') {
        upper = true;
      } else {
        s.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return "SampleConfig{" + values + ", secrets given for " + secrets.keySet() + "}";
  }
}
