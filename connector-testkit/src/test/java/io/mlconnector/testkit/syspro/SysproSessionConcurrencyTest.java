package io.mlconnector.testkit.syspro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SysproSessionConcurrencyTest {
  private SysproSimulator sim;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void close() {
    pool.shutdownNow();
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void underSerialiseASecondCallWaitsForTheFirstThenRuns() throws Exception {
    sim = Enet.builder().busyPolicy(BusyPolicy.SERIALISE).start();
    Enet enet = new Enet(sim);
    String id = enet.logon();
    sim.pauseCalls();
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(() -> enet.get("/GetLogonProfile", "UserId", id), pool);
    assertThat(sim.awaitPausedCalls(1, Duration.ofSeconds(5))).isTrue();
    CompletableFuture<String> second =
        CompletableFuture.supplyAsync(() -> enet.get("/GetLogonProfile", "UserId", id), pool);
    // the second call reaches the session lock
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2))
        .untilAsserted(() -> assertThat(sim.callsWaitingForSession()).isEqualTo(1));
    assertThat(second).isNotDone();
    sim.resumeCalls();
    assertThat(first.get(5, TimeUnit.SECONDS)).contains("<OperatorCode>ADMIN</OperatorCode>");
    assertThat(second.get(5, TimeUnit.SECONDS)).contains("<OperatorCode>ADMIN</OperatorCode>");
  }

  @Test
  void underRejectASecondCallOnABusySessionFailsAtOnce() throws Exception {
    sim = Enet.builder().busyPolicy(BusyPolicy.REJECT).start();
    Enet enet = new Enet(sim);
    String id = enet.logon();
    sim.pauseCalls();
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(() -> enet.get("/GetLogonProfile", "UserId", id), pool);
    assertThat(sim.awaitPausedCalls(1, Duration.ofSeconds(5))).isTrue();
    assertThat(enet.get("/GetLogonProfile", "UserId", id))
        .isEqualTo("ERROR: The UserID is currently processing another request");
    sim.resumeCalls();
    assertThat(first.get(5, TimeUnit.SECONDS)).contains("<OperatorCode>ADMIN</OperatorCode>");
    assertThat(enet.get("/GetLogonProfile", "UserId", id))
        .contains("<OperatorCode>ADMIN</OperatorCode>");
  }

  @Test
  void callsOnDifferentSessionsDoNotBlockEachOther() throws Exception {
    sim =
        SysproSimulator.builder()
            .operator(Operator.of("A", "a"))
            .operator(Operator.of("B", "b"))
            .busyPolicy(BusyPolicy.REJECT)
            .start();
    Enet enet = new Enet(sim);
    String a = enet.logon("A", "a");
    String b = enet.logon("B", "b");
    sim.pauseCalls();
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(() -> enet.get("/GetLogonProfile", "UserId", a), pool);
    CompletableFuture<String> second =
        CompletableFuture.supplyAsync(() -> enet.get("/GetLogonProfile", "UserId", b), pool);
    assertThat(sim.awaitPausedCalls(2, Duration.ofSeconds(5)))
        .as("both calls inside at once")
        .isTrue();
    sim.resumeCalls();
    assertThat(first.get(5, TimeUnit.SECONDS)).contains("<OperatorCode>A</OperatorCode>");
    assertThat(second.get(5, TimeUnit.SECONDS)).contains("<OperatorCode>B</OperatorCode>");
  }
}
