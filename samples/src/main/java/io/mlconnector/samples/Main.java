package io.mlconnector.samples;

import io.mlconnector.core.credential.CredentialStorage;
import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.samples.pairs.Pair;
import io.mlconnector.samples.pairs.PairApp;
import io.mlconnector.samples.pairs.Pairs;
import io.mlconnector.samples.systems.PingLine;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The sample's command line.
 *
 * <pre>
 * java -jar mlc-samples.jar demo [PAIR] [--data-dir DIR] [--invoices N]
 * java -jar mlc-samples.jar run --config FILE [--once]
 * java -jar mlc-samples.jar ping --config FILE
 * </pre>
 *
 * <p>{@code demo} with no pair runs every pair in {@link Pairs}, each on its own simulators, and
 * ends with one line per pair ({@code <pair>: everything reconciles} or {@code <pair>: <n> of <m>
 * do not reconcile}); it exits 1 when any pair fails. {@code run} and {@code ping} take the pair
 * from the settings ({@code pair=}, default {@value SampleConfig#DEFAULT_PAIR}).
 */
public final class Main {
  private Main() {}

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);

  /** Runs a command; exits with its status. */
  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    System.exit(run(args, System.out, System.err, System::getenv));
  }

  /** Runs a command and returns its exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    return run(args, out, err, System::getenv);
  }

  /**
   * Runs a command with the credential store's key read from {@code environment}, and returns its
   * exit status. A bad setting, key, data directory or store ends the command before anything is
   * written, with one line on {@code err} naming the setting, its value and what is allowed, and
   * status 2; the stack trace goes to the log at DEBUG.
   */
  public static int run(
      String[] args, PrintStream out, PrintStream err, java.util.function.Function<String, String> environment)
      throws Exception {
    if (args.length == 0) {
      usage(err);
      return 2;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      switch (args[0]) {
        case "demo":
          return demo(rest, out);
        case "run": {
          SampleConfig config = config(rest);
          return runApp(config, keys(config, environment), rest.contains("--once"), out);
        }
        case "ping": {
          SampleConfig config = config(rest);
          return ping(config, keys(config, environment), out);
        }
        default:
          usage(err);
          return 2;
      }
    } catch (IllegalArgumentException | io.mlconnector.core.credential.CredentialException
        | io.mlconnector.core.state.StateStoreException e) {
      log.debug("{} refused to start", args[0], e);
      err.println("error: " + e.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " "));
      return 2;
    }
  }

  /**
   * The credential store's key from {@code environment}, checked before anything is written: the
   * current key must be there, base64, 32 bytes, and open the credentials the store already holds.
   */
  static KeyProvider keys(SampleConfig config, java.util.function.Function<String, String> environment) {
    KeyProvider keys;
    String current = environment.apply("MLC_KEY_CURRENT");
    try {
      keys = KeyProvider.fromEnvironment(environment);
    } catch (io.mlconnector.core.credential.CredentialException e) {
      String variable = current == null || current.isBlank() ? "MLC_KEY_CURRENT"
          : "MLC_KEY_" + current.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
      String value = current == null || current.isBlank() || variable.equals("MLC_KEY_CURRENT")
          ? String.valueOf(current) : "(not shown)";
      throw new IllegalArgumentException(SettingChecks.problem(variable, value,
          "the base64 of a 32-byte key, with MLC_KEY_CURRENT naming its id (" + e.getMessage() + ")"), e);
    }
    Path dir = config.dataDir().resolve("credentials");
    if (Files.isDirectory(dir)) {
      CredentialStore store = CredentialStore.builder(keys).storage(CredentialStorage.directory(dir)).build();
      java.util.Set<String> systems = new java.util.TreeSet<>(Arrays.asList(config.pair().split("-")));
      for (String system : systems) {
        try {
          store.get(config.tenant(), system);
        } catch (io.mlconnector.core.credential.CredentialException e) {
          throw new IllegalArgumentException(SettingChecks.problem("MLC_KEY_CURRENT", current,
              "the key the credentials under " + dir + " were stored with (" + e.getMessage() + ")"), e);
        }
      }
    }
    return keys;
  }

  private static int demo(List<String> args, PrintStream out) throws Exception {
    List<Pair> pairs = new ArrayList<>();
    if (!args.isEmpty() && !args.get(0).startsWith("--")) {
      pairs.add(Pairs.named(args.get(0)));
    } else {
      pairs.addAll(Pairs.all());
    }
    int invoices = option(args, "--invoices").map(Main::positive).orElse(24);
    Path base = option(args, "--data-dir").map(Path::of).orElse(null);
    List<Pair.DemoResult> results = new ArrayList<>();
    for (Pair pair : pairs) {
      Path dir = base == null ? Files.createTempDirectory("mlc-demo-" + pair.name())
          : base.resolve("demo-" + pair.name() + "-" + System.currentTimeMillis());
      out.println("== " + pair.name() + " (simulators, embedded H2 at " + dir + ")");
      Pair.DemoResult r;
      try {
        r = pair.demo(out, dir, invoices);
      } catch (RuntimeException e) {
        out.println("the demo of " + pair.name() + " failed: " + e);
        r = new Pair.DemoResult(pair.name(), 1, 1, "failed: " + e.getMessage());
      }
      results.add(r);
      out.println();
    }
    boolean ok = true;
    for (Pair.DemoResult r : results) {
      out.println(r.closingLine());
      ok &= r.ok();
    }
    return ok ? 0 : 1;
  }

  private static void usage(PrintStream err) {
    err.println("usage: java -jar mlc-samples.jar demo [PAIR] [--data-dir DIR] [--invoices N]");
    err.println("       java -jar mlc-samples.jar run --config FILE [--once]");
    err.println("       java -jar mlc-samples.jar ping --config FILE");
    err.println("pairs: " + String.join(", ", Pairs.all().stream().map(Pair::name).toList()));
  }

  private static SampleConfig config(List<String> args) {
    Path file = option(args, "--config").map(Path::of)
        .orElseThrow(() -> new IllegalArgumentException("--config FILE is required"));
    return SampleConfig.load(file);
  }

  static int runApp(SampleConfig config, KeyProvider keys, boolean once, PrintStream out) throws InterruptedException {
    Pair pair = Pairs.named(config.pair());
    try (PairApp app = pair.open(config, keys)) {
      if (app.webhookUrl() != null) {
        out.println("webhooks for tenant " + app.tenant() + " at " + app.webhookUrl());
      }
      if (once) {
        Map<String, RunReport> reports = app.runOnce();
        boolean ok = true;
        for (Map.Entry<String, RunReport> e : reports.entrySet()) {
          RunReport r = e.getValue();
          out.printf(Locale.ROOT, "%-18s %-10s read %d, written %d, deferred %d, failed %d, parked %d%n",
              e.getKey(), r.status(), r.read(), r.written(), r.deferred(), r.failed(), r.parked());
          ok &= r.status() == RunReport.Status.COMPLETED;
        }
        return ok ? 0 : 1;
      }
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "mlc-shutdown"));
      app.start();
      out.println("running " + pair.name() + "; stop with Ctrl-C");
      stop.await();
      return 0;
    }
  }

  static int ping(SampleConfig config, KeyProvider keys, PrintStream out) {
    Pair pair = Pairs.named(config.pair());
    CredentialStore credentials =
        CredentialStore.builder(keys)
            .storage(CredentialStorage.directory(config.dataDir().resolve("credentials")))
            .build();
    if (config.hasSecrets()) {
      config.storeSecrets(credentials);
    }
    try (HttpTransport transport = HttpTransport.builder().build()) {
      boolean ok = true;
      for (PingLine c : pair.ping(config, credentials, transport)) {
        out.printf(Locale.ROOT, "%-10s %-22s %-4s %6d ms  %s%n", c.system(), c.check(), c.ok() ? "ok" : "FAIL",
            c.latency().toMillis(), c.detail());
        ok &= c.ok();
      }
      out.println(ok ? "both systems fit" : "some checks failed");
      return ok ? 0 : 1;
    }
  }

  private static Optional<String> option(List<String> args, String name) {
    int i = args.indexOf(name);
    if (i < 0) {
      return Optional.empty();
    }
    if (i + 1 >= args.size()) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return Optional.of(args.get(i + 1));
  }

  private static int positive(String v) {
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(SettingChecks.problem("--invoices", v, "a whole number above 0"));
    }
    if (n < 1) {
      throw new IllegalArgumentException(SettingChecks.problem("--invoices", v, "a whole number above 0"));
    }
    return n;
  }
}
