package io.mlconnector.samples;

import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.credential.CredentialStorage;
import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.stripe.PingCheck;
import io.mlconnector.stripe.StripePing;
import io.mlconnector.syspro.PingReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The sample's command line.
 *
 * <pre>
 * java -jar mlc-samples.jar demo [--data-dir DIR] [--invoices N]
 * java -jar mlc-samples.jar run --config FILE [--once]
 * java -jar mlc-samples.jar ping --config FILE
 * java -jar mlc-samples.jar baseline [--invoices N] [--latency-ms 50] [--rate 25]
 * </pre>
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
      case "demo": {
        Path dir = option(rest, "--data-dir").map(Path::of).orElse(null);
        if (dir == null) {
          dir = Files.createTempDirectory("mlc-demo");
        } else {
          dir = dir.resolve("demo-" + System.currentTimeMillis());
        }
        int invoices = option(rest, "--invoices").map(Main::positive).orElse(24);
        out.println("ml-connector SYSPRO <-> Stripe demo (simulators, embedded H2 at " + dir + ")");
        return new Demo(out, dir, DemoCompany.customerCount(), invoices).run();
      }
      case "run":
        return runApp(config(rest), rest.contains("--once"), out);
      case "ping":
        return ping(config(rest), out);
      case "baseline": {
        int invoices = option(rest, "--invoices").map(Main::positive).orElse(200);
        int latency = option(rest, "--latency-ms").map(Integer::parseInt).orElse(50);
        int rate = option(rest, "--rate").map(Main::positive).orElse(25);
        SerialBaseline.Result r = SerialBaseline.measure(invoices, Duration.ofMillis(latency), rate);
        out.println(r);
        return 0;
      }
      default:
        usage(err);
        return 2;
    }
  }

  private static void usage(PrintStream err) {
    err.println("usage: java -jar mlc-samples.jar demo [--data-dir DIR] [--invoices N]");
    err.println("       java -jar mlc-samples.jar run --config FILE [--once]");
    err.println("       java -jar mlc-samples.jar ping --config FILE");
    err.println("       java -jar mlc-samples.jar baseline [--invoices N] [--latency-ms 50] [--rate 25]");
  }

  private static SampleConfig config(List<String> args) {
    Path file = option(args, "--config").map(Path::of)
        .orElseThrow(() -> new IllegalArgumentException("--config FILE is required"));
    return SampleConfig.load(file);
  }

  static int runApp(SampleConfig config, boolean once, PrintStream out) throws InterruptedException {
    try (SampleApp app = SampleApp.open(config, KeyProvider.fromEnvironment())) {
      out.println("webhooks for tenant " + app.tenant() + " at " + app.webhooks().url(app.tenant()));
      if (once) {
        Map<String, RunReport> reports = app.sync().runOnce(app.tenant());
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
      app.sync().engine().start();
      out.println("running; stop with Ctrl-C");
      stop.await();
      return 0;
    }
  }

  static int ping(SampleConfig config, PrintStream out) {
    CredentialStore credentials =
        CredentialStore.builder(KeyProvider.fromEnvironment())
            .storage(CredentialStorage.directory(config.dataDir().resolve("credentials")))
            .build();
    if (config.hasSecrets()) {
      config.storeSecrets(credentials);
    }
    try (HttpTransport transport = HttpTransport.builder().build()) {
      Systems systems = config.systems(credentials, transport);
      boolean ok = true;
      try {
        PingReport syspro = systems.syspro().ping();
        for (PingReport.Check c : syspro.checks()) {
          out.printf(Locale.ROOT, "SYSPRO  %-22s %-4s %6d ms  %s%n", c.name(), c.ok() ? "ok" : "FAIL",
              c.latency().toMillis(), c.detail());
        }
        ok &= syspro.ok();
      } finally {
        systems.syspro().close();
      }
      StripePing stripe = systems.stripe().ping();
      for (PingCheck c : stripe.checks()) {
        out.printf(Locale.ROOT, "Stripe  %-22s %-4s %6d ms  %s%n", c.name(), c.ok() ? "ok" : "FAIL",
            c.latency().toMillis(), c.detail());
      }
      ok &= stripe.ok();
      out.println(ok ? "both systems fit" : "some checks failed");
      return ok ? 0 : 1;
    }
  }

  private static java.util.Optional<String> option(List<String> args, String name) {
    int i = args.indexOf(name);
    if (i < 0) {
      return java.util.Optional.empty();
    }
    if (i + 1 >= args.size()) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return java.util.Optional.of(args.get(i + 1));
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
