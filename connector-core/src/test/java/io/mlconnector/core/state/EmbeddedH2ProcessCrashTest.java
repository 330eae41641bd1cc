package io.mlconnector.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default survives a crash of the process: a child JVM records an intent and a webhook
 * event, then halts without closing anything (as {@code kill -9} would); the parent reopens the
 * database and finds both.
 */
class EmbeddedH2ProcessCrashTest {
  @TempDir Path dir;

  /** The child: writes, reports, halts. */
  public static void main(String[] args) {
    JdbcStateStore store = JdbcStateStore.embeddedH2(Path.of(args[0])).build();
    ExternalRef source = ExternalRef.of("syspro", "acme", "customer", "C1");
    store.begin(new OperationIntent("k1", "acme", "customers", source, "v1", "create"));
    store.receive(
        InboxEvent.received("acme", "stripe", "evt_1", "invoice.paid", "{}", Instant.now()));
    System.out.println("recorded");
    System.out.flush();
    Runtime.getRuntime().halt(137);
  }

  @Test
  void committedStateSurvivesAHaltedProcess() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedH2ProcessCrashTest.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output).contains("recorded");
    assertThat(child.exitValue()).isEqualTo(137);

    try (JdbcStateStore store = JdbcStateStore.embeddedH2(dir).build()) {
      assertThat(store.operation("acme", "k1").orElseThrow().status())
          .isEqualTo(OperationStatus.PENDING);
      List<InboxEvent> events = store.claimInbox("acme", "stripe", "w", Duration.ofMinutes(1), 10);
      assertThat(events).extracting(InboxEvent::eventId).containsExactly("evt_1");
    }
  }
}
