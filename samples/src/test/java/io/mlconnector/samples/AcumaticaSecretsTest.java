package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.samples.systems.AcumaticaSimulation;
import io.mlconnector.samples.systems.StripeSimulation;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acumatica-stripe sample runs in its own JVM with DEBUG logging and known credentials: a sync
 * through licence 429s and expired tokens, a ping, then a run and a ping with a wrong Acumatica
 * password. No secret (the API user's password, the connected application's secret, Stripe's key,
 * the webhook secret, the wrong password) reaches the logs, the audit trail, the dead letters or a
 * file at rest.
 */
class AcumaticaSecretsTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tempDir; // kept when the test fails, for its logs

  private static final String PASSWORD = "KnownAcuPassword8812";
  private static final String CLIENT_SECRET = "KnownAcuClientSecret2291";
  private static final String STRIPE_KEY = "sk_test_KnownAcuStripeKey7733";
  private static final String WEBHOOK_SECRET = "whsec_KnownAcuWebhookSecret6604";
  private static final String WRONG_PW = "WrongAcuPassword5150";

  @Test
  void noSecretReachesLogsAuditRowsErrorsOrFilesAtRest() throws Exception {
    try (AcumaticaSimulation acu = AcumaticaSimulation.builder().secrets(PASSWORD, CLIENT_SECRET).start();
        StripeSimulation stripe = StripeSimulation.builder().apiKey(STRIPE_KEY).webhookSecret(WEBHOOK_SECRET).start()) {
      acu.seed("acme", 2, 4, 9);
      Path logback = tempDir.resolve("logback-debug.xml");
      Files.writeString(logback, """
          <configuration>
            <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
              <encoder><pattern>%-5level %logger - %msg%n%ex</pattern></encoder>
            </appender>
            <root level="DEBUG"><appender-ref ref="OUT"/></root>
          </configuration>
          """);
      Map<String, String> props = new HashMap<>();
      props.put("pair", "acumatica-stripe");
      props.put("tenant", "acme");
      props.putAll(acu.properties("acme"));
      props.putAll(stripe.properties("acme"));
      props.put("data.dir", tempDir.resolve("data").toString());
      props.put("webhook.host", "127.0.0.1");
      props.put("webhook.port", "0");
      props.put("engine.pending.grace", "PT0S");
      Path config = writeConfig(props);
      Map<String, String> env = Map.of("MLC_KEY_CURRENT", "k1",
          "MLC_KEY_K1", Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
      List<Path> logs = new ArrayList<>();

      // 1: sync through licence 429s
      acu.simulator().declineNext(3);
      logs.add(run(logback, env, config, "run-1.log", "run", "--config", config.toString(), "--once"));
      // 2: tokens expired, a Stripe payment posted back (found by the backstop: the sample was not running)
      acu.simulator().expireAccessTokens();
      stripe.simulator().payInvoice(firstOpenInvoice(stripe));
      logs.add(run(logback, env, config, "run-2.log", "run", "--config", config.toString(), "--once"));
      logs.add(run(logback, env, config, "ping.log", "ping", "--config", config.toString()));
      // 3: a wrong Acumatica password is given (and stored): every sign-in fails
      Map<String, String> wrong = new HashMap<>(props);
      wrong.put("acumatica.password", WRONG_PW);
      Path wrongConfig = writeConfig(wrong);
      logs.add(run(logback, env, wrongConfig, "run-3.log", "run", "--config", wrongConfig.toString(), "--once"));
      logs.add(run(logback, env, wrongConfig, "ping-wrong.log", "ping", "--config", wrongConfig.toString()));

      List<String> secrets = List.of(PASSWORD, CLIENT_SECRET, STRIPE_KEY, WEBHOOK_SECRET, WRONG_PW,
          "KnownAcuStripeKey7733", "KnownAcuWebhookSecret6604");
      StringBuilder all = new StringBuilder();
      for (Path log : logs) {
        all.append(Files.readString(log));
      }
      assertThat(all.toString()).contains("DEBUG").contains("identity/connect/token").containsIgnoringCase("fail");
      assertThat(all.toString()).as("child output").doesNotContain(secrets);
      assertThat(acu.simulator().records("Payment")).isNotEmpty();

      try (StateStore store = JdbcStateStore.embeddedH2(tempDir.resolve("data").resolve("state")).build()) {
        List<AuditEntry> audit = store.audit(new AuditQuery("acme", null, null, null, null, null, null, 1000, null)).items();
        assertThat(audit).isNotEmpty();
        for (AuditEntry a : audit) {
          assertThat(String.valueOf(a)).doesNotContain(secrets);
        }
        for (RetryItem r : store.deadLetters(DeadLetterQuery.all("acme")).items()) {
          assertThat(String.valueOf(r)).doesNotContain(secrets);
        }
      }
      try (Stream<Path> files = Files.walk(tempDir.resolve("data"))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
          assertThat(content).as(f.toString()).doesNotContain(secrets);
        }
      }
    }
  }

  private static String firstOpenInvoice(StripeSimulation stripe) throws Exception {
    com.stripe.StripeClient c = com.stripe.StripeClient.builder().setApiKey(STRIPE_KEY)
        .setApiBase(stripe.simulator().baseUrl()).build();
    return c.v1().invoices().list(com.stripe.param.InvoiceListParams.builder()
        .setStatus(com.stripe.param.InvoiceListParams.Status.OPEN).build()).getData().get(0).getId();
  }

  private Path writeConfig(Map<String, String> values) throws IOException {
    Path config = Files.createTempFile(tempDir, "sample", ".properties");
    Properties p = new Properties();
    p.putAll(values);
    try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
    return config;
  }

  private Path run(Path logback, Map<String, String> env, Path config, String logName, String... args)
      throws Exception {
    Path log = tempDir.resolve(logName);
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dlogback.configurationFile=" + logback, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) { // liveness bound only (loaded machine)
      p.destroyForcibly();
      throw new AssertionError(logName + " did not finish; see " + log);
    }
    return log;
  }
}
