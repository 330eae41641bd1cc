package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.model.Charge;
import com.stripe.model.Invoice;
import com.stripe.param.ChargeListParams;
import com.stripe.param.InvoiceListParams;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.core.ThrowingRunnable;

/**
 * The sample in a JVM of its own, for the tests that kill it (SIGKILL) or read everything it prints
 * (test helper): its config file, its master key in the environment, starting it, waiting until its
 * engine runs; and what the crash tests of the Stripe pairs do on the Stripe side (customers pay
 * what is open, the payments that succeeded).
 */
final class SampleProcess {
  private SampleProcess() {}

  /** Writes {@code values} as the sample's properties file {@code name} in {@code dir}. */
  static Path writeConfig(Path dir, String name, Map<String, String> values) throws IOException {
    Path config = dir.resolve(name);
    Properties p = new Properties();
    p.putAll(values);
    try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
    return config;
  }

  /** The environment that gives the sample a random master key named {@code crash}. */
  static Map<String, String> keyEnv(Random random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return Map.of("MLC_KEY_CURRENT", "crash", "MLC_KEY_CRASH", Base64.getEncoder().encodeToString(key));
  }

  /** The master key {@link #keyEnv} gave the sample, for opening its store in the test JVM. */
  static KeyProvider keyProvider(Map<String, String> env) {
    byte[] key = Base64.getDecoder().decode(env.get("MLC_KEY_CRASH"));
    return KeyProvider.of("crash", Map.of("crash", new SecretKeySpec(key, "AES")));
  }

  /**
   * The settings a crash test runs the sample with: polls every 0.3 s, short grace, claim and lease
   * times (a killed node's work is taken over in seconds), {@code parallelism} writes at once, and a
   * backstop that reaches back over the whole test (a webhook sent while no child was up, its
   * retries spent, is only found there).
   */
  static Map<String, String> crashSettings(Path dir, int webhookPort, int parallelism) {
    Map<String, String> extra = new HashMap<>();
    extra.put("data.dir", dir.resolve("data").toString());
    extra.put("webhook.host", "127.0.0.1");
    extra.put("webhook.port", String.valueOf(webhookPort));
    extra.put("poll.interval", "PT0.3S");
    extra.put("node.id", "crash-node");
    extra.put("engine.pending.grace", "PT1S");
    extra.put("engine.claim.ttl", "PT2S");
    extra.put("engine.lease.ttl", "PT3S");
    extra.put("engine.parallelism", String.valueOf(parallelism));
    extra.put("stripe.backstop.lookback", "PT1H");
    extra.put("stripe.requests.per.second", "300");
    extra.put("stripe.rate.limit.backoff", "PT0.05S");
    extra.put("stripe.rate.limit.backoff.max", "PT0.5S");
    return extra;
  }

  /** Starts {@code Main} with {@code args}, its output (both streams) to {@code log}. */
  static Process start(Map<String, String> env, Path log, List<String> jvmArgs, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-Dsun.net.httpserver.nodelay=true"));
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  /** Starts {@code run --config config}: the sample running until it is stopped or killed. */
  static Process startRun(Path config, Map<String, String> env, Path log) throws IOException {
    return start(env, log, List.of(), "run", "--config", config.toString());
  }

  /**
   * Runs {@code Main args} to its end (at most 180 s: a liveness bound only, for a loaded machine),
   * its output to {@code log}; returns {@code log}.
   */
  static Path runToEnd(Map<String, String> env, Path log, List<String> jvmArgs, String... args) throws Exception {
    Process p = start(env, log, jvmArgs, args);
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(log.getFileName() + " did not finish; see " + log);
    }
    return log;
  }

  /** Waits (bounded: a liveness bound only) until the child says its engine is running. */
  static void awaitRunning(Process child, Path log) {
    awaitWhileAlive(child, log, Duration.ofSeconds(120), Duration.ofMillis(100),
        "the sample did not start within 120 s",
        () -> Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("running"), NOTHING);
  }

  /** Something a test does while it waits (customers paying in Stripe, say). */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  /** A step that does nothing: a plain wait. */
  static final Step NOTHING = () -> {};

  /**
   * Waits (bounded: a liveness bound only) until {@code progress} moves past where it stood when
   * called, or reaches {@code done}, doing {@code meanwhile} every 200 ms: a kill then lands while
   * the child is working, however long a loaded machine takes to start it.
   */
  static void awaitProgress(Process child, Path log, java.util.function.LongSupplier progress, long done,
      Step meanwhile) {
    long before = progress.getAsLong();
    awaitWhileAlive(child, log, Duration.ofSeconds(300), Duration.ofMillis(200), "no progress within 300 s",
        () -> progress.getAsLong() != before || progress.getAsLong() >= done, meanwhile);
  }

  /**
   * Waits until {@code done} holds, checking every {@code every} and doing {@code meanwhile} after each
   * check that fails; fails at once when {@code child} stops, and after {@code atMost} (a liveness bound
   * only) with {@code what} and the place of the child's logs, {@code log}.
   */
  static void awaitWhileAlive(Process child, Path log, Duration atMost, Duration every, String what,
      Callable<Boolean> done, Step meanwhile) {
    await(what + "; see " + log).atMost(atMost).pollInterval(every).pollInSameThread()
        .failFast("the sample stopped; see " + log, () -> !child.isAlive())
        .until(() -> {
          if (done.call()) {
            return true;
          }
          meanwhile.run();
          return false;
        });
  }

  /**
   * Waits until {@code assertion} holds, checking every {@code every}; fails at once when {@code
   * child} stops, and after {@code atMost} (a liveness bound only) with what the assertion says.
   */
  static void awaitAssertedWhileAlive(Process child, Path log, Duration atMost, Duration every,
      ThrowingRunnable assertion) {
    await().atMost(atMost).pollInterval(every).pollInSameThread()
        .failFast("the sample stopped; see " + log, () -> !child.isAlive())
        .untilAsserted(assertion);
  }

  /**
   * Does {@code step} every {@code every}, at least once, until {@code duration} has passed:
   * customers keep paying until the moment a test kills the child.
   */
  static void keepDoing(Duration duration, Duration every, Step step) throws Exception {
    long until = System.nanoTime() + duration.toNanos();
    do {
      step.run();
      Harness.pause(every.toMillis());
    } while (System.nanoTime() < until);
  }

  /** Kills the child (SIGKILL) and waits until it is gone. */
  static void kill(Process child) throws InterruptedException {
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the killed sample is gone").isTrue();
  }

  /** A free port on the loopback interface, for the child's webhook server. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A stripe-java client of the simulator. */
  static StripeClient stripeClient(StripeSimulator stripe) {
    return StripeClient.builder().setApiKey(stripe.apiKey()).setApiBase(stripe.baseUrl()).build();
  }

  /**
   * Customers pay what is open in Stripe: about a third of the open invoices each call, most in
   * full, every fourth first-time payment in part; {@code paid} collects the invoices paid.
   */
  static void payOpenInvoices(StripeClient stripe, StripeSimulator sim, Set<String> paid, Random random)
      throws Exception {
    for (Invoice inv : stripe.v1().invoices().list(
        InvoiceListParams.builder().setStatus(InvoiceListParams.Status.OPEN).setLimit(100L).build()).getData()) {
      if (random.nextInt(3) != 0) {
        continue;
      }
      if (paid.add(inv.getId()) && random.nextInt(4) == 0 && inv.getAmountRemaining() > 100) {
        sim.payInvoice(inv.getId(), inv.getAmountRemaining() / 2);
      } else {
        sim.payInvoice(inv.getId());
      }
    }
  }

  /** Whether at least {@code count} invoices are issued (open or paid) in Stripe. */
  static boolean allIssued(StripeSimulator sim, int count) {
    return sim.count("invoice", i -> "open".equals(i.get("status")) || "paid".equals(i.get("status"))) >= count;
  }

  /** The payment intents of every succeeded charge in Stripe. */
  static Set<String> succeededPaymentIntents(StripeClient stripe) throws Exception {
    Set<String> out = new HashSet<>();
    for (Charge c : stripe.v1().charges().list(ChargeListParams.builder().setLimit(100L).build()).autoPagingIterable()) {
      if ("succeeded".equals(c.getStatus()) && c.getPaymentIntent() != null) {
        out.add(c.getPaymentIntent());
      }
    }
    return out;
  }
}
