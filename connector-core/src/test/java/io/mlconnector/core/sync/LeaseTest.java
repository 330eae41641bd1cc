package io.mlconnector.core.sync;

import static io.mlconnector.core.sync.EngineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeaseTest {

  @Test
  void aRunSkipsWhileAnotherNodeHoldsTheLease() {
    try (EngineFixture f = new EngineFixture()) {
      f.source.put(Item.of(TENANT, "r1", 1, "p"));
      f.store.tryAcquireLease(TENANT, "invoices", "node-2", Duration.ofMinutes(1));

      RunReport report = f.run();

      assertThat(report.status()).isEqualTo(RunReport.Status.LEASE_UNAVAILABLE);
      assertThat(report.read()).isZero();
      assertThat(f.store.lease(TENANT, "invoices")).hasValueSatisfying(
          l -> assertThat(l.owner()).isEqualTo("node-2"));
    }
  }

  @Test
  void aLostLeaseStopsTheRunBeforeItsNextCheckpointAndIsNotReleased() {
    AtomicInteger pages = new AtomicInteger();
    AtomicBoolean lostSeen = new AtomicBoolean();
    EngineFixture[] holder = new EngineFixture[1];
    SyncListener thief = new SyncListener() {
      @Override
      public void cursorAdvanced(RunInfo run, String stream, String checkpoint) {
        if (pages.incrementAndGet() == 1) {
          // another node takes over after our lease lapsed (a long pause, say)
          holder[0].store.releaseLease(TENANT, "invoices", "node-1");
          holder[0].store.tryAcquireLease(TENANT, "invoices", "node-2", Duration.ofMinutes(1));
        }
      }

      @Override
      public void leaseLost(String tenant, String flow, String node) {
        lostSeen.set(true);
      }
    };
    try (EngineFixture f = new EngineFixture(flow -> flow.pageSize(2), e -> e.listener(thief))) {
      holder[0] = f;
      for (int i = 0; i < 6; i++) {
        f.source.put(Item.of(TENANT, "r" + i, i, "p"));
      }

      RunReport report = f.run();

      assertThat(report.status()).isEqualTo(RunReport.Status.LEASE_LOST);
      assertThat(lostSeen).isTrue();
      assertThat(f.store.cursor(TENANT, "invoices", "records"))
          .contains(Checkpoint.of(MemoryPollSource.pad(1), "r1").encode());
      assertThat(f.store.lease(TENANT, "invoices")).hasValueSatisfying(
          l -> assertThat(l.owner()).isEqualTo("node-2"));
      assertThat(f.sink.stored()).hasSizeLessThanOrEqualTo(4);
    }
  }
}
