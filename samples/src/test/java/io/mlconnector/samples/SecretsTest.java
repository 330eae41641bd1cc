package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.samples.systems.AcumaticaSimulation;
import io.mlconnector.samples.systems.SapB1Simulation;
import io.mlconnector.samples.systems.StripeSimulation;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.syspro.ArInvoice;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the sample (its own JVM, DEBUG logging) with known credentials, through failures (429s,
 * 5xx, a wrong ERP password), and looks for every secret in its output, the audit rows, the dead
 * letters and the files it keeps at rest: the syspro-stripe, sap-b1-stripe and acumatica-stripe
 * pairs.
 */
class SecretsTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tempDir; // kept when the test fails, for its logs

  private static final String OPERATOR_PW = "KnownOperatorPw8251";
  private static final String ODATA_PW = "KnownODataPw7731";
  private static final String WEBHOOK_SECRET = "whsec_KnownWebhookSecret4417";
  private static final String STRIPE_KEY = "sk_test_KnownStripeKey55123";
  private static final String WRONG_PW = "WrongOperatorPw3319";
  private static final String B1_PW = "KnownB1Password6620";
  private static final String ACUMATICA_PW = "KnownAcuPassword8812";
  private static final String ACUMATICA_CLIENT_SECRET = "KnownAcuClientSecret2291";
  /** The sample's master key, in its environment. */
  private static final Map<String, String> ENV = Map.of("MLC_KEY_CURRENT", "k1",
      "MLC_KEY_K1", Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));

  @Test
  void noSecretReachesLogsAuditRowsErrorsOrFilesAtRest() throws Exception {
    try (SimulatedSystems sims = SimulatedSystems.builder()
        .secrets(OPERATOR_PW, ODATA_PW, WEBHOOK_SECRET).stripeApiKey(STRIPE_KEY).start()) {
      List<ArInvoice> invoices = DemoCompany.seed(sims.syspro(), 3, 4, 5);
      Path dir = tempDir;
      Path logback = debugLogback(dir);
      Map<String, String> extra = runSettings(dir);
      extra.put("stripe.rate.limit.backoff", "PT0.02S");
      extra.put("stripe.rate.limit.backoff.max", "PT0.1S");
      Path config = writeConfig(dir, sims.properties("acme", extra));
      List<Path> logs = new ArrayList<>();

      // 1: sync through 429s and 5xx answers
      sims.stripe().rateLimitStorm(6).failNextWith(2, 500, null, null);
      logs.add(run(dir, logback, config, "run-1.log", "run", "--config", config.toString(), "--once"));
      // 2: customers pay, webhooks missed (the sample is not running), the backstop posts them
      String id = firstInvoiceId(sims);
      sims.stripe().payInvoice(id);
      logs.add(run(dir, logback, config, "run-2.log", "run", "--config", config.toString(), "--once"));
      logs.add(run(dir, logback, config, "ping.log", "ping", "--config", config.toString()));
      // 3: a wrong SYSPRO password is given (and stored), every SYSPRO call fails
      Map<String, String> wrong = new HashMap<>(sims.properties("acme", extra));
      wrong.put("syspro.operator.password", WRONG_PW);
      Path wrongConfig = writeConfig(dir, wrong);
      sims.stripe().payInvoice(firstOpenInvoiceId(sims, id));
      logs.add(run(dir, logback, wrongConfig, "run-3.log", "run", "--config", wrongConfig.toString(), "--once"));
      logs.add(run(dir, logback, wrongConfig, "ping-wrong.log", "ping", "--config", wrongConfig.toString()));

      List<String> secrets = List.of(OPERATOR_PW, ODATA_PW, WEBHOOK_SECRET, STRIPE_KEY, WRONG_PW,
          "KnownWebhookSecret4417", "KnownStripeKey55123");
      assertNoSecret(dir, logs, secrets, "ARSTPY", true);
      assertThat(invoices).isNotEmpty();
    }
  }

  @Test
  void theSapB1StripePairKeepsEverySecretOutOfLogsAuditRowsErrorsAndFilesAtRest() throws Exception {
    try (SapB1Simulation erp = SapB1Simulation.builder().password(B1_PW).start();
        StripeSimulation stripe = StripeSimulation.builder().apiKey(STRIPE_KEY).webhookSecret(WEBHOOK_SECRET).start()) {
      erp.seed("acme", 3, 4, 5);
      Path dir = tempDir;
      Path logback = debugLogback(dir);
      Map<String, String> props = pairSettings("sap-b1-stripe", dir, erp.properties("acme"), stripe.properties("acme"));
      props.put("stripe.rate.limit.backoff", "PT0.02S");
      props.put("stripe.rate.limit.backoff.max", "PT0.1S");
      Path config = writeConfig(dir, props);
      List<Path> logs = new ArrayList<>();

      // 1: sync through Stripe's 429s and 5xx and the Service Layer's proxy errors
      stripe.simulator().rateLimitStorm(6).failNextWith(2, 500, null, null);
      erp.simulator().faults().failNext(3, Fault.SERVER_ERROR);
      logs.add(run(dir, logback, config, "b1-run-1.log", "run", "--config", config.toString(), "--once"));
      // 2: a customer pays, the webhook is missed (the sample is not running), the backstop posts it
      String id = firstOpenInvoiceId(stripe.simulator().baseUrl(), null);
      stripe.simulator().payInvoice(id);
      logs.add(run(dir, logback, config, "b1-run-2.log", "run", "--config", config.toString(), "--once"));
      logs.add(run(dir, logback, config, "b1-ping.log", "ping", "--config", config.toString()));
      // 3: a wrong SAP B1 password is given (and stored), every login fails
      Map<String, String> wrong = new HashMap<>(props);
      wrong.put("sap-b1.password", WRONG_PW);
      Path wrongConfig = writeConfig(dir, wrong);
      stripe.simulator().payInvoice(firstOpenInvoiceId(stripe.simulator().baseUrl(), id));
      logs.add(run(dir, logback, wrongConfig, "b1-run-3.log", "run", "--config", wrongConfig.toString(), "--once"));
      logs.add(run(dir, logback, wrongConfig, "b1-ping-wrong.log", "ping", "--config", wrongConfig.toString()));

      assertThat(erp.simulator().all("IncomingPayments")).hasSize(1); // the run with the right password posted it
      assertNoSecret(dir, logs, List.of(B1_PW, WEBHOOK_SECRET, STRIPE_KEY, WRONG_PW, "KnownWebhookSecret4417",
          "KnownStripeKey55123"), "IncomingPayments", true);
    }
  }

  @Test
  void theAcumaticaStripePairKeepsEverySecretOutOfLogsAuditRowsErrorsAndFilesAtRest() throws Exception {
    try (AcumaticaSimulation erp = AcumaticaSimulation.builder().secrets(ACUMATICA_PW, ACUMATICA_CLIENT_SECRET).start();
        StripeSimulation stripe = StripeSimulation.builder().apiKey(STRIPE_KEY).webhookSecret(WEBHOOK_SECRET).start()) {
      erp.seed("acme", 2, 4, 9);
      Path dir = tempDir;
      Path logback = debugLogback(dir);
      Map<String, String> props =
          pairSettings("acumatica-stripe", dir, erp.properties("acme"), stripe.properties("acme"));
      Path config = writeConfig(dir, props);
      List<Path> logs = new ArrayList<>();

      // 1: sync through licence 429s
      erp.simulator().declineNext(3);
      logs.add(run(dir, logback, config, "acu-run-1.log", "run", "--config", config.toString(), "--once"));
      // 2: tokens expired, a Stripe payment posted back (found by the backstop: the sample was not running)
      erp.simulator().expireAccessTokens();
      stripe.simulator().payInvoice(firstOpenInvoiceId(stripe.simulator().baseUrl(), null));
      logs.add(run(dir, logback, config, "acu-run-2.log", "run", "--config", config.toString(), "--once"));
      logs.add(run(dir, logback, config, "acu-ping.log", "ping", "--config", config.toString()));
      // 3: a wrong Acumatica password is given (and stored): every sign-in fails
      Map<String, String> wrong = new HashMap<>(props);
      wrong.put("acumatica.password", WRONG_PW);
      Path wrongConfig = writeConfig(dir, wrong);
      logs.add(run(dir, logback, wrongConfig, "acu-run-3.log", "run", "--config", wrongConfig.toString(), "--once"));
      logs.add(run(dir, logback, wrongConfig, "acu-ping-wrong.log", "ping", "--config", wrongConfig.toString()));

      assertThat(erp.simulator().records("Payment")).isNotEmpty();
      assertNoSecret(dir, logs, List.of(ACUMATICA_PW, ACUMATICA_CLIENT_SECRET, STRIPE_KEY, WEBHOOK_SECRET, WRONG_PW,
          "KnownStripeKey55123", "KnownWebhookSecret4417"), "identity/connect/token", false);
    }
  }

  /**
   * The children's output (DEBUG, with failures, naming {@code ledgerWord}), the audit rows (one at
   * least with an error when {@code failureAudited}), the dead letters and every file under {@code
   * dir/data} hold none of {@code secrets}.
   */
  private static void assertNoSecret(Path dir, List<Path> logs, List<String> secrets, String ledgerWord,
      boolean failureAudited) throws IOException {
    String allLogs = "";
    for (Path log : logs) {
      allLogs += Files.readString(log);
    }
    assertThat(allLogs).contains("DEBUG").contains(ledgerWord).containsIgnoringCase("fail");
    assertThat(allLogs).as("child output").doesNotContain(secrets);

    try (StateStore store = JdbcStateStore.embeddedH2(dir.resolve("data").resolve("state")).build()) {
      List<AuditEntry> audit = store.audit(new AuditQuery("acme", null, null, null, null, null, null, 1000, null)).items();
      assertThat(audit).isNotEmpty();
      if (failureAudited) {
        assertThat(audit).anyMatch(a -> a.error() != null);
      }
      for (AuditEntry a : audit) {
        assertThat(String.valueOf(a)).doesNotContain(secrets);
      }
      for (RetryItem r : store.deadLetters(DeadLetterQuery.all("acme")).items()) {
        assertThat(String.valueOf(r)).doesNotContain(secrets);
      }
    }
    try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(content).as(f.toString()).doesNotContain(secrets);
      }
    }
  }

  /** Where the sample keeps its data ({@code dir/data}), its webhook port (any free one), no grace. */
  private static Map<String, String> runSettings(Path dir) {
    Map<String, String> settings = new HashMap<>();
    settings.put("data.dir", dir.resolve("data").toString());
    settings.put("webhook.host", "127.0.0.1");
    settings.put("webhook.port", "0");
    settings.put("engine.pending.grace", "PT0S");
    return settings;
  }

  /** The settings of {@code pair} for tenant acme: the two simulators' and the {@link #runSettings}. */
  private static Map<String, String> pairSettings(String pair, Path dir, Map<String, String> erp,
      Map<String, String> collector) {
    Map<String, String> props = new HashMap<>();
    props.put("pair", pair);
    props.put("tenant", "acme");
    props.putAll(erp);
    props.putAll(collector);
    props.putAll(runSettings(dir));
    return props;
  }

  private static Path debugLogback(Path dir) throws IOException {
    Path logback = dir.resolve("logback-debug.xml");
    Files.writeString(logback, """
        <configuration>
          <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%-5level %logger - %msg%n%ex</pattern></encoder>
          </appender>
          <root level="DEBUG"><appender-ref ref="OUT"/></root>
        </configuration>
        """);
    return logback;
  }

  private static Path writeConfig(Path dir, Map<String, String> values) throws IOException {
    Path config = Files.createTempFile(dir, "sample", ".properties");
    Properties p = new Properties();
    p.putAll(values);
    try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
    return config;
  }

  private static String firstInvoiceId(SimulatedSystems sims) throws Exception {
    return firstOpenInvoiceId(sims, null);
  }

  private static String firstOpenInvoiceId(SimulatedSystems sims, String except) throws Exception {
    return firstOpenInvoiceId(sims.stripe().baseUrl(), except);
  }

  private static String firstOpenInvoiceId(String stripeBase, String except) throws Exception {
    com.stripe.StripeClient c = com.stripe.StripeClient.builder().setApiKey(STRIPE_KEY).setApiBase(stripeBase).build();
    for (com.stripe.model.Invoice i : c.v1().invoices().list(com.stripe.param.InvoiceListParams.builder()
        .setStatus(com.stripe.param.InvoiceListParams.Status.OPEN).build()).getData()) {
      if (!i.getId().equals(except)) {
        return i.getId();
      }
    }
    throw new AssertionError("no open invoice in Stripe");
  }

  private static Path run(Path dir, Path logback, Path config, String logName, String... args) throws Exception {
    return SampleProcess.runToEnd(ENV, dir.resolve(logName), List.of("-Dlogback.configurationFile=" + logback), args);
  }
}
