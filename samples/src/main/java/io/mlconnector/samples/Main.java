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

  /** Runs a command; exits with its status. */
  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int status;
    try {
      status = run(args, System.out, System.err);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      status = 2;
    }
    System.exit(status);
  }

  /** Runs a command and returns its exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0) {
      usage(err);
      return 2;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    switch (args[0]) {
      case "demo":
        return demo(rest, out);
      case "run":
        return runApp(config(rest), rest.contains("--once"), out);
      case "ping":
        return ping(config(rest), out);
      default:
        usage(err);
        return 2;
    }
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

  static int runApp(SampleConfig config, boolean once, PrintStream out) throws InterruptedException {
    Pair pair = Pairs.named(config.pair());
    try (PairApp app = pair.open(config, KeyProvider.fromEnvironment())) {
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

  static int ping(SampleConfig config, PrintStream out) {
    Pair pair = Pairs.named(config.pair());
    CredentialStore credentials =
        CredentialStore.builder(KeyProvider.fromEnvironment())
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
      throw new IllegalArgumentException("not a number: '" + v + "'");
    }
    if (n < 1) {
      throw new IllegalArgumentException("must be positive: " + v);
    }
    return n;
  }
}
