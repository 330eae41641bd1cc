package io.mlconnector.testkit.stripe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testkit.http.SimResponse;
import io.mlconnector.testkit.stripe.internal.IdempotencyStore.Verdict;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final IdempotencyStore store = new IdempotencyStore(now::get);

  @Test
  void aRepeatWhileTheFirstRunsIsRefusedThenReplayed() {
    assertThat(store.begin("sk", "k1", "POST /v1/invoices a=1").verdict()).isEqualTo(Verdict.RUN);
    assertThat(store.begin("sk", "k1", "POST /v1/invoices a=1").verdict()).isEqualTo(Verdict.IN_USE);
    SimResponse answer = SimResponse.json(200, "{\"id\":\"in_1\"}");
    store.complete("sk", "k1", answer);
    IdempotencyStore.Outcome replay = store.begin("sk", "k1", "POST /v1/invoices a=1");
    assertThat(replay.verdict()).isEqualTo(Verdict.REPLAY);
    assertThat(replay.stored()).isSameAs(answer);
    assertThat(store.begin("sk", "k1", "POST /v1/invoices a=2").verdict()).isEqualTo(Verdict.MISMATCH);
    assertThat(store.begin("sk_other", "k1", "POST /v1/invoices a=2").verdict()).isEqualTo(Verdict.RUN);
  }

  @Test
  void abandonedKeysAreFreeAndOldKeysArePrunedAfter24Hours() {
    store.begin("sk", "k2", "f1");
    store.abandon("sk", "k2");
    assertThat(store.begin("sk", "k2", "f2").verdict()).isEqualTo(Verdict.RUN);
    store.complete("sk", "k2", SimResponse.json(200, "{}"));
    now.addAndGet(IdempotencyStore.RETENTION_MILLIS);
    assertThat(store.begin("sk", "k2", "f3").verdict()).as("a pruned key starts afresh").isEqualTo(Verdict.RUN);
  }
}
