package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.InMemoryStateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A flow writes up to its parallelism records at once, never more, and the versions of one record
 * one after another in page order.
 */
class ParallelismTest {
  private static final int PARALLELISM = 3;

  /** One page of records in the given order, then nothing. */
  static final class OnePageSource implements PollSource<Item> {
    final List<Item> records;

    OnePageSource(List<Item> records) {
      this.records = List.copyOf(records);
    }

    @Override
    public ChangeDetection changeDetection() {
      return ChangeDetection.MONOTONIC_KEY;
    }

    @Override
    public SourcePage<Item> read(PollRequest request) {
      return request.after() == null
          ? new SourcePage<>(records, Checkpoint.of("1", ""), false)
          : SourcePage.empty();
    }

    @Override
    public Optional<Item> fetch(ExternalRef ref) {
      Item latest = null;
      for (Item item : records) {
        if (item.ref().equals(ref)) {
          latest = item;
        }
      }
      return Optional.ofNullable(latest);
    }
  }

  @Test
  void parallelismIsReachedButNeverExceededAndOneRecordsVersionsAreSerial() {
    List<Item> page = new ArrayList<>();
    for (String id : List.of("a", "b", "c")) {
      page.add(Item.of("acme", id, 1, id));
    }
    page.add(Item.of("acme", "dup", 1, "dup v1"));
    page.add(Item.of("acme", "d", 1, "d"));
    page.add(Item.of("acme", "dup", 2, "dup v2"));
    for (String id : List.of("e", "f", "g", "h")) {
      page.add(Item.of("acme", id, 1, id));
    }
    page.add(Item.of("acme", "dup", 3, "dup v3"));
    MemorySink sink = new MemorySink("acme");
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    Set<String> keysInFlight = ConcurrentHashMap.newKeySet();
    List<String> sameKeyOverlaps = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> dupOrder = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch allAtOnce = new CountDownLatch(PARALLELISM);
    AtomicBoolean reached = new AtomicBoolean();
    sink.plan = (call, context) -> {
      String key = context.source().key();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      if (!keysInFlight.add(key)) {
        sameKeyOverlaps.add(key);
      }
      if (context.source().id().equals("dup")) {
        dupOrder.add(call + " " + context.operationKey());
      }
      try {
        if (allAtOnce.getCount() > 0) {
          // the first calls wait until PARALLELISM of them are in the sink together
          allAtOnce.countDown();
          if (allAtOnce.await(10, TimeUnit.SECONDS)) {
            reached.set(true);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        keysInFlight.remove(key);
        inFlight.decrementAndGet();
      }
      return MemorySink.Fault.NONE;
    };
    SyncEngine engine = SyncEngine.builder()
        .store(new InMemoryStateStore())
        .nodeId("node-1")
        .addFlow(Flow.poll("invoices", Item.class, t -> new OnePageSource(page), Target.class,
                t -> sink)
            .mapper(Target::map)
            .parallelism(PARALLELISM)
            .build())
        .tenants(List.of("acme"))
        .build();
    try {
      RunReport report = engine.runOnce("acme", "invoices");

      assertThat(report.written()).isEqualTo(page.size());
      assertThat(reached).as("%s writes in flight together", PARALLELISM).isTrue();
      assertThat(maxInFlight.get()).isEqualTo(PARALLELISM);
      assertThat(sameKeyOverlaps).isEmpty();
      assertThat(dupOrder).extracting(s -> s.substring(0, s.indexOf(' ')))
          .containsExactly("create", "update", "update");
      ExternalRef dup = ExternalRef.of("erp", "acme", "invoice", "dup");
      assertThat(sink.copiesOf(dup)).isEqualTo(1);
      assertThat(sink.byStamp(dup).orElseThrow().record().payload()).isEqualTo("dup v3");
      assertThat(sink.byStamp(dup).orElseThrow().writes()).isEqualTo(3);
    } finally {
      engine.shutdown(Duration.ofSeconds(5));
    }
  }
}
