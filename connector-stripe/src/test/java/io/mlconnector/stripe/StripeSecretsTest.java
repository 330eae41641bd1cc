package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StripeSecretsTest {
  private static final String KEY = "sk_test_secretKeyThatMustNeverLeak42";

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger root;
  private Logger ours;
  private Level previousRoot;
  private Level previousOurs;

  @BeforeEach
  void captureLogs() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ours = (Logger) LoggerFactory.getLogger("io.mlconnector");
    previousRoot = root.getLevel();
    previousOurs = ours.getLevel();
    root.setLevel(Level.DEBUG);
    ours.setLevel(Level.DEBUG);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void restore() {
    root.detachAppender(logs);
    root.setLevel(previousRoot);
    ours.setLevel(previousOurs);
  }

  private static String everything(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return t + "\n" + w;
  }

  @Test
  void aRejectedKeyNeverAppearsInTheExceptionItsCausesOrTheLogs() {
    try (StripeSimulator sim = StripeSimulator.builder().apiKey("sk_test_theRightOne").build()) {
      StripeConnector stripe = StripeConnector.create(Sim.config(sim).apiKey(KEY).build());

      Throwable t = catchThrowable(() -> stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:S", "v1", "S"), "op-s"));

      assertThat(t).isInstanceOf(AuthenticationException.class);
      ConnectorException e = (ConnectorException) t;
      assertThat(e.httpStatus()).isEqualTo(401);
      assertThat(e.requestId()).startsWith("req_");
      assertThat(e.system()).isEqualTo("stripe");
      assertThat(e.getMessage()).contains("Invalid API Key provided");
      assertThat(everything(t)).doesNotContain(KEY).doesNotContain("sk_test_secret");
      assertThat(stripe.toString()).doesNotContain(KEY);
      assertThat(stripe.config().toString()).doesNotContain(KEY).contains("apiKey=<redacted>");
    }
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      assertThat(event.getFormattedMessage()).doesNotContain(KEY);
      if (event.getThrowableProxy() != null) {
        assertThat(event.getThrowableProxy().getMessage()).doesNotContain(KEY);
      }
    }
  }

  @Test
  void aFullRunLogsNoKey() {
    try (StripeSimulator sim = StripeSimulator.builder().apiKey(KEY).build()) {
      StripeConnector stripe = Sim.connector(sim);
      StripeCustomer c = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:S", "v1", "S"), "op-s");
      stripe.findCustomerBySourceRef("syspro:customer:S");
      stripe.ping();
      sim.rateLimitStorm(2);
      stripe.retrieveCustomer(c.id());
    }
    for (ILoggingEvent event : logs.list) {
      assertThat(event.getFormattedMessage()).doesNotContain(KEY);
    }
  }
}
