package io.mlconnector.samples;

import io.mlconnector.samples.pairs.Pair;
import io.mlconnector.samples.pairs.Pairs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Checks every setting the sample knows before anything is opened or written, and says what is
 * wrong as {@code key='value': what is allowed}, one problem per setting.
 */
final class SettingChecks {
  private static final String DURATION = "an ISO-8601 duration above zero, such as PT30S or PT2M";

  /** Settings by kind: a check returns what is allowed when the value is not, else null. */
  private static final Map<String, Function<String, String>> KNOWN = new TreeMap<>();

  static {
    KNOWN.put("engine.pending.grace", SettingChecks::nonNegativeDuration);
    for (String key : List.of("poll.interval", "engine.claim.ttl", "engine.lease.ttl",
        "backstop.lookback", "stripe.backstop.lookback", "stripe.rate.limit.backoff",
        "stripe.rate.limit.backoff.max")) {
      KNOWN.put(key, SettingChecks::positiveDuration);
    }
    KNOWN.put("engine.parallelism", v -> wholeNumber(v, 1, 256));
    KNOWN.put("store.pool.size", v -> wholeNumber(v, 1, 1000));
    KNOWN.put("stripe.burst", v -> wholeNumber(v, 1, 1000));
    KNOWN.put("webhook.port", v -> wholeNumber(v, 0, 65535));
    KNOWN.put("stripe.requests.per.second", v -> decimal(v, 0, false, 10_000));
    KNOWN.put("stripe.rate.decrease", v -> decimal(v, 0, false, 1));
    KNOWN.put("stripe.send.finalizes.drafts", SettingChecks::bool);
    KNOWN.put("store", v -> v.equals("h2") || v.equals("postgresql") ? null : "h2 or postgresql");
    KNOWN.put("store.jdbc.url", v -> v.startsWith("jdbc:postgresql://") ? null
        : "a PostgreSQL JDBC URL, such as jdbc:postgresql://db:5432/mlc");
    for (String key : List.of("syspro.rest.url", "syspro.odata.url", "stripe.api.base")) {
      KNOWN.put(key, SettingChecks::httpUrl);
    }
    KNOWN.put("pair", v -> Pairs.all().stream().anyMatch(p -> p.name().equals(v)) ? null
        : "one of " + String.join(", ", Pairs.all().stream().map(Pair::name).toList()));
    KNOWN.put("tenant", v -> v.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}") ? null
        : "letters, digits, '.', '_' or '-', at most 100");
  }

  private SettingChecks() {}

  /** What is wrong with {@code config}'s settings, each as {@code key='value': what is allowed}. */
  static List<String> problems(SampleConfig config) {
    List<String> problems = new ArrayList<>();
    for (String key : config.keys()) {
      Function<String, String> check = KNOWN.get(key);
      if (check == null && key.endsWith(".backstop.lookback")) {
        check = SettingChecks::positiveDuration;
      }
      Optional<String> value = config.value(key);
      if (check != null && value.isPresent()) {
        String allowed = check.apply(value.get());
        if (allowed != null) {
          problems.add(problem(key, value.get(), allowed));
        }
      }
    }
    if ("postgresql".equals(config.value("store").orElse("h2")) && config.value("store.jdbc.url").isEmpty()) {
      problems.add("store.jdbc.url is missing: store=postgresql needs a PostgreSQL JDBC URL");
    }
    String dir = config.value("data.dir").orElse("data");
    String dataDirProblem = dataDirectory(Path.of(dir));
    if (dataDirProblem != null) {
      problems.add(problem("data.dir", dir, dataDirProblem));
    }
    return problems;
  }

  static String problem(String key, String value, String allowed) {
    return key + "='" + value + "': " + allowed;
  }

  private static String positiveDuration(String v) {
    try {
      Duration d = Duration.parse(v);
      return d.isNegative() || d.isZero() ? DURATION : null;
    } catch (DateTimeParseException e) {
      return DURATION;
    }
  }

  private static String nonNegativeDuration(String v) {
    String allowed = "an ISO-8601 duration of zero or more, such as PT0S or PT2M";
    try {
      return Duration.parse(v).isNegative() ? allowed : null;
    } catch (DateTimeParseException e) {
      return allowed;
    }
  }

  private static String wholeNumber(String v, long min, long max) {
    String allowed = "a whole number from " + min + " to " + max;
    try {
      long n = Long.parseLong(v);
      return n < min || n > max ? allowed : null;
    } catch (NumberFormatException e) {
      return allowed;
    }
  }

  private static String decimal(String v, double above, boolean inclusive, double max) {
    String allowed = "a number above " + (long) above + (max < Double.MAX_VALUE ? " and at most " + (long) max : "");
    try {
      double d = Double.parseDouble(v);
      boolean low = inclusive ? d < above : d <= above;
      return Double.isNaN(d) || low || d > max ? allowed : null;
    } catch (NumberFormatException e) {
      return allowed;
    }
  }

  private static String bool(String v) {
    return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? null : "true or false";
  }

  private static String httpUrl(String v) {
    return okhttp3.HttpUrl.parse(v) == null ? "an http(s) URL" : null;
  }

  /** Null when {@code dir} can hold the store and credentials (it may not exist yet). */
  private static String dataDirectory(Path dir) {
    Path p = dir.toAbsolutePath();
    if (Files.exists(p)) {
      if (!Files.isDirectory(p)) {
        return "a directory, but this is a file";
      }
      if (!Files.isReadable(p) || !Files.isWritable(p) || !Files.isExecutable(p)) {
        return "a directory this process can read and write";
      }
      return null;
    }
    Path parent = p.getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent != null && (!Files.isDirectory(parent) || !Files.isWritable(parent))) {
      return "a directory this process can create (" + parent + " is not writable)";
    }
    return null;
  }
}
