package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.Page;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.testkit.SimClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,000 records; every sink call may fail (connection reset, 5xx, 429) or commit and lose its
 * answer; the engine is killed at random points ten times and restarted on the same store. In the
 * end every record is in the sink exactly once, with its latest version, and in the audit.
 */
class ChaosTest {
  private static final String TENANT = "acme";
  private static final String FLOW = "invoices";
  private static final int RECORDS = 2000;
  private static final int CRASHES = 10;
  private static final long SEED = 20261121L;

  /** The simulated process death: thrown by every store and sink call once the engine is dead. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash", null, false, false);
    }
  }

  @Test
  void everyRecordLandsExactlyOnceOnTheInMemoryStore() {
    SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    run(new InMemoryStateStore(clock), clock);
  }

  @Test
  void everyRecordLandsExactlyOnceOnTheH2Store(@TempDir Path directory) {
    SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    try (JdbcStateStore store = JdbcStateStore.embeddedH2(directory).clock(clock).build()) {
      run(store, clock);
    }
  }

  static void run(io.mlconnector.core.state.spi.StateStoreSpi store, SimClock clock) {
    Random random = new Random(SEED);
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    for (int i = 0; i < RECORDS; i++) {
      // three records per timestamp: ties across page boundaries everywhere
      source.put(Item.of(TENANT, String.format("inv-%05d", i), i / 3, "v1-" + i));
    }
    MemorySink sink = new MemorySink(TENANT);
    Map<String, AtomicInteger> callsPerKey = new ConcurrentHashMap<>();
    sink.plan = (call, context) -> {
      int n = callsPerKey.computeIfAbsent(call + context.operationKey(), k -> new AtomicInteger())
          .incrementAndGet();
      double r = new SplittableRandom(SEED ^ (31L * context.operationKey().hashCode() + n)
          ^ call.hashCode()).nextDouble();
      if (r < 0.06) {
        return MemorySink.Fault.CONNECTION_RESET;
      } else if (r < 0.12) {
        return MemorySink.Fault.SERVER_ERROR;
      } else if (r < 0.18) {
        return MemorySink.Fault.RATE_LIMITED;
      } else if (r < 0.30) {
        return MemorySink.Fault.LOST_AFTER_COMMIT;
      }
      return MemorySink.Fault.NONE;
    };
    long nextModified = RECORDS;
    int crashes = 0;

    for (int generation = 0; generation <= CRASHES; generation++) {
      boolean last = generation == CRASHES;
      AtomicBoolean dead = new AtomicBoolean();
      long crashAfter = last ? Long.MAX_VALUE : 500 + random.nextInt(2500);
      AtomicLong storeCalls = new AtomicLong();
      StateStore mortal = StoreProxy.wrap(store, (method, args) -> {
        if (dead.get()) {
          throw new Crash();
        }
        if (storeCalls.incrementAndGet() == crashAfter) {
          dead.set(true);
          throw new Crash();
        }
      });
      Sink<Target> mortalSink = new DyingSink(sink, dead);
      SyncEngine engine = SyncEngine.builder()
          .store(mortal)
          .clock(clock)
          .nodeId("node-1")
          .pendingGracePeriod(Duration.ZERO)
          .leaseTtl(Duration.ofMinutes(1))
          .claimTtl(Duration.ofMinutes(1))
          .randomSeed(SEED + generation)
          .addFlow(Flow.poll(FLOW, Item.class, t -> source, Target.class, t -> mortalSink)
              .mapper(Target::map)
              .parallelism(8)
              .pageSize(50)
              .overlap(Duration.ofMillis(5))
              .retryPolicy(new RetryQueuePolicy(Duration.ZERO, Duration.ZERO, 1000))
              .build())
          .tenants(List.of(TENANT))
          .build();
      boolean crashed = false;
      int quietRuns = 0;
      for (int run = 0; run < 400 && quietRuns < 2; run++) {
        clock.advance(Duration.ofMillis(10));
        try {
          RunReport report = engine.runOnce(TENANT, FLOW);
          boolean quiet = report.status() == RunReport.Status.COMPLETED
              && report.written() == 0 && report.failed() == 0
              && store.pendingOperations(TENANT, FLOW, clock.instant().plus(Duration.ofDays(365)), 1).isEmpty();
          quietRuns = quiet ? quietRuns + 1 : 0;
        } catch (Crash crash) {
          crashed = true;
          break;
        }
      }
      // The dead engine cannot clean up (every store and sink call throws); wait for its threads.
      engine.shutdown(Duration.ofSeconds(10));
      if (crashed) {
        crashes++;
      }
      clock.advance(Duration.ofMinutes(2));
      if (!last) {
        // the source keeps changing between restarts: new versions must replace old ones
        for (int k = 0; k < 40; k++) {
          Item item = source.get(String.format("inv-%05d", random.nextInt(RECORDS)));
          source.put(item.withChange(nextModified++, "v" + (generation + 2) + "-" + item.ref().id()));
        }
      }
    }

    assertThat(crashes).as("crashes that hit a running engine").isGreaterThanOrEqualTo(CRASHES - 2);
    assertThat(sink.stored()).hasSize(RECORDS);
    Map<ExternalRef, List<AuditEntry>> audit = auditBySource(store);
    for (Item item : source.all()) {
      assertThat(sink.copiesOf(item.ref())).as("copies of %s", item.ref()).isEqualTo(1);
      MemorySink.Stored stored = sink.byStamp(item.ref()).orElseThrow();
      assertThat(stored.record().payload()).as("payload of %s", item.ref()).isEqualTo(item.payload());
      List<AuditEntry> entries = audit.getOrDefault(item.ref(), List.of());
      Optional<AuditEntry> succeeded = entries.stream()
          .filter(e -> e.outcome() == AuditEntry.Outcome.SUCCEEDED)
          .findFirst(); // newest first
      assertThat(succeeded).as("success audit of %s", item.ref()).isPresent();
      assertThat(succeeded.get().target().id()).isEqualTo(stored.id());
      assertThat(entries).allSatisfy(e -> {
        if (e.outcome() == AuditEntry.Outcome.FAILED) {
          assertThat(e.error()).isNotBlank();
        }
      });
    }
    // the faults and crashes really happened, and recovery really adopted lost writes
    Map<String, Long> actions = new HashMap<>();
    audit.values().stream().flatMap(List::stream)
        .forEach(e -> actions.merge(e.outcome() + ":" + e.action(), 1L, Long::sum));
    assertThat(actions.getOrDefault("SUCCEEDED:adopt", 0L)).isPositive();
    assertThat(actions.getOrDefault("SUCCEEDED:update", 0L)).isPositive();
    assertThat(actions.keySet()).anyMatch(k -> k.startsWith("FAILED:"));
    assertThat(store.deadLetters(DeadLetterQuery.all(TENANT)).items()).isEmpty();
    assertThat(store.pendingOperations(TENANT, FLOW, clock.instant().plus(Duration.ofDays(365)), 10)).isEmpty();
  }

  private static Map<ExternalRef, List<AuditEntry>> auditBySource(StateStore store) {
    Map<ExternalRef, List<AuditEntry>> bySource = new HashMap<>();
    String token = null;
    do {
      Page<AuditEntry> page =
          store.audit(AuditQuery.all(TENANT).withLimit(1000).withPageToken(token));
      for (AuditEntry entry : page.items()) {
        if (entry.source() != null) {
          bySource.computeIfAbsent(entry.source(), k -> new ArrayList<>()).add(entry);
        }
      }
      token = page.nextPageToken();
    } while (token != null);
    return bySource;
  }

  /** The sink as one engine generation sees it: dead with its engine. */
  private static final class DyingSink implements Sink<Target> {
    private final MemorySink sink;
    private final AtomicBoolean dead;

    DyingSink(MemorySink sink, AtomicBoolean dead) {
      this.sink = sink;
      this.dead = dead;
    }

    private void alive() {
      if (dead.get()) {
        throw new Crash();
      }
    }

    @Override
    public String system() {
      return sink.system();
    }

    @Override
    public WriteResult create(Target record, WriteContext context) {
      alive();
      return sink.create(record, context);
    }

    @Override
    public WriteResult update(ExternalRef target, Target record, WriteContext context) {
      alive();
      return sink.update(target, record, context);
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
      alive();
      return sink.findByStamp(source, context);
    }
  }
}
