package io.mlconnector.core.sync;

import static io.mlconnector.core.sync.EngineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ListenerTest {

  /** Records each hook with the MDC it saw. */
  static final class Recorder implements SyncListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    private void add(String event) {
      events.add(event + " [" + MDC.get("tenant") + "/" + MDC.get("flow") + "/"
          + (MDC.get("run") != null) + "/" + MDC.get("record") + "]");
    }

    @Override
    public void leaseAcquired(String tenant, String flow, String node) {
      add("leaseAcquired " + node);
    }

    @Override
    public void runStarted(RunInfo run) {
      add("runStarted");
    }

    @Override
    public void recordRead(RunInfo run, ExternalRef source, String version) {
      add("read " + source.id() + "@" + version);
    }

    @Override
    public void recordMapped(RunInfo run, ExternalRef source, Object mapped) {
      add("mapped " + source.id());
    }

    @Override
    public void recordWritten(RunInfo run, ExternalRef source, ExternalRef target, String action) {
      add("written " + source.id() + " " + action);
    }

    @Override
    public void recordSkipped(RunInfo run, ExternalRef source, String reason) {
      add("skipped " + source.id() + " " + reason);
    }

    @Override
    public void recordParked(RunInfo run, ExternalRef source, String reason) {
      add("parked " + source.id());
    }

    @Override
    public void cursorAdvanced(RunInfo run, String stream, String checkpoint) {
      add("cursor " + stream);
    }

    @Override
    public void leaseReleased(String tenant, String flow, String node) {
      add("leaseReleased");
    }

    @Override
    public void runFinished(RunReport report) {
      add("runFinished " + report.status());
    }
  }

  @Test
  void everyStepReachesTheListenerWithTheMdcSet() {
    Recorder recorder = new Recorder();
    try (EngineFixture f = new EngineFixture(flow -> flow, e -> e.listener(recorder))) {
      f.source.put(Item.of(TENANT, "r1", 7, "p"));

      f.run();
      f.run();

      assertThat(recorder.events).containsExactly(
          "leaseAcquired node-1 [acme/invoices/true/null]",
          "runStarted [acme/invoices/true/null]",
          "read r1@7 [acme/invoices/true/erp:invoice:r1]",
          "mapped r1 [acme/invoices/true/erp:invoice:r1]",
          "written r1 create [acme/invoices/true/erp:invoice:r1]",
          "cursor records [acme/invoices/true/null]",
          "leaseReleased [acme/invoices/true/null]",
          "runFinished COMPLETED [acme/invoices/true/null]",
          "leaseAcquired node-1 [acme/invoices/true/null]",
          "runStarted [acme/invoices/true/null]",
          "read r1@7 [acme/invoices/true/erp:invoice:r1]",
          "skipped r1 already done [acme/invoices/true/erp:invoice:r1]",
          "cursor records [acme/invoices/true/null]",
          "leaseReleased [acme/invoices/true/null]",
          "runFinished COMPLETED [acme/invoices/true/null]");
      assertThat(MDC.get("tenant")).isNull();
    }
  }

  @Test
  void aFailingListenerDoesNotStopTheSync() {
    SyncListener broken = new SyncListener() {
      @Override
      public void recordWritten(RunInfo run, ExternalRef source, ExternalRef target, String action) {
        throw new IllegalStateException("metrics backend down");
      }
    };
    try (EngineFixture f = new EngineFixture(flow -> flow, e -> e.listener(broken))) {
      f.source.put(Item.of(TENANT, "r1", 1, "p"));
      f.source.put(Item.of(TENANT, "r2", 2, "p"));

      RunReport report = f.run();

      assertThat(report.status()).isEqualTo(RunReport.Status.COMPLETED);
      assertThat(report.written()).isEqualTo(2);
    }
  }

  @Test
  void recordsAreWrittenOnWorkerThreadsThatCarryTheMdc() {
    List<String> seen = new CopyOnWriteArrayList<>();
    SyncListener listener = new SyncListener() {
      @Override
      public void recordWritten(RunInfo run, ExternalRef source, ExternalRef target, String action) {
        seen.add(source.id() + " on " + Thread.currentThread().getName().replaceAll("-\\d+$", "")
            + " tenant=" + MDC.get("tenant") + " flow=" + MDC.get("flow")
            + " run=" + run.runId().equals(MDC.get("run")) + " record=" + MDC.get("record"));
      }
    };
    try (EngineFixture f =
        new EngineFixture(flow -> flow.parallelism(4), e -> e.listener(listener))) {
      for (int i = 1; i <= 6; i++) {
        f.source.put(Item.of(TENANT, "r" + i, i, "p"));
      }

      assertThat(f.run().written()).isEqualTo(6);

      assertThat(seen).containsExactlyInAnyOrder(
          "r1 on mlc-node-1-worker tenant=acme flow=invoices run=true record=erp:invoice:r1",
          "r2 on mlc-node-1-worker tenant=acme flow=invoices run=true record=erp:invoice:r2",
          "r3 on mlc-node-1-worker tenant=acme flow=invoices run=true record=erp:invoice:r3",
          "r4 on mlc-node-1-worker tenant=acme flow=invoices run=true record=erp:invoice:r4",
          "r5 on mlc-node-1-worker tenant=acme flow=invoices run=true record=erp:invoice:r5",
          "r6 on mlc-node-1-worker tenant=acme flow=invoices run=true record=erp:invoice:r6");
    }
  }

  @Test
  void failuresAndParkingReachTheListener() {
    List<String> seen = new CopyOnWriteArrayList<>();
    SyncListener listener = new SyncListener() {
      @Override
      public void recordFailed(
          RunInfo run, ExternalRef source, RuntimeException error, java.time.Instant retryAt) {
        seen.add("failed " + source.id() + " " + error.getClass().getSimpleName()
            + " retry=" + (retryAt != null));
      }

      @Override
      public void recordParked(RunInfo run, ExternalRef source, String reason) {
        seen.add("parked " + source.id() + " " + reason);
      }
    };
    try (EngineFixture f = new EngineFixture(flow -> flow, e -> e.listener(listener))) {
      f.source.put(Item.of(TENANT, "r1", 1, "p"));
      f.source.put(Item.of(TENANT, "r2", 2, "p"));
      f.sink.plan = (call, context) -> switch (context.source().id()) {
        case "r1" -> MemorySink.Fault.SERVER_ERROR;
        default -> MemorySink.Fault.REJECTED;
      };

      RunReport report = f.run();

      assertThat(report.failed()).isEqualTo(1);
      assertThat(report.parked()).isEqualTo(1);
      assertThat(seen).containsExactlyInAnyOrder(
          "failed r1 TransientException retry=true",
          "parked r2 RejectedException: crm create failed: HTTP 400, code invalid, bad amount");
    }
  }
}
