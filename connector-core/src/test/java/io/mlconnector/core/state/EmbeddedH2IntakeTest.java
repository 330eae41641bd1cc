package io.mlconnector.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's webhook intake: groups committed from many threads at once are each stored
 * once, the connection the inbox keeps for itself never takes the pool's only connection, and what
 * was received is there after a reopen.
 */
class EmbeddedH2IntakeTest {
  private static final Instant T0 = Instant.parse("2026-12-08T00:00:00Z");
  @TempDir Path dir;

  private static InboxEvent event(String id) {
    return InboxEvent.received("acme", "stripe/payments", id, "payment_intent.succeeded", "{\"id\":\"" + id + "\"}", T0);
  }

  @Test
  void concurrentGroupsAreEachStoredOnceAndAPoolOfOneStaysFree() throws Exception {
    try (JdbcStateStore store = JdbcStateStore.embeddedH2(dir).maxConnections(1).build()) {
      ExecutorService callers = Executors.newFixedThreadPool(4);
      List<Future<List<Boolean>>> results = new ArrayList<>();
      for (int g = 0; g < 20; g++) {
        int group = g;
        results.add(callers.submit(() -> store.receiveAll(List.of(
            event("evt_" + group + "_a"), event("evt_" + group + "_b"), event("evt_" + (group % 5) + "_shared")))));
      }
      int fresh = 0;
      for (Future<List<Boolean>> r : results) {
        for (boolean b : r.get(60, TimeUnit.SECONDS)) {
          fresh += b ? 1 : 0;
        }
      }
      callers.shutdown();
      // 40 distinct events plus 5 shared ones, each stored once whichever group came first
      assertThat(fresh).isEqualTo(45);

      // the pool's one connection is still there for everything else
      ExternalRef source = ExternalRef.of("syspro", "acme", "customer", "C1");
      store.begin(new OperationIntent("k1", "acme", "customers", source, "v1", "create"));
      assertThat(store.operation("acme", "k1")).isPresent();
      assertThat(store.claimInbox("acme", "stripe/payments", "w", Duration.ofMinutes(1), 100)).hasSize(45);
    }
    try (JdbcStateStore reopened = JdbcStateStore.embeddedH2(dir).build()) {
      assertThat(reopened.receiveAll(List.of(event("evt_0_a"), event("evt_new")))).containsExactly(false, true);
    }
  }
}
