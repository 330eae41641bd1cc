package io.mlconnector.core.sync;

import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** One tenant, one poll flow "invoices" from a {@link MemoryPollSource} into a {@link MemorySink}. */
final class EngineFixture implements AutoCloseable {
  static final String TENANT = "acme";
  final SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  final InMemoryStateStore store = new InMemoryStateStore(clock);
  final MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
  final MemorySink sink = new MemorySink(TENANT);
  final SyncEngine engine;

  EngineFixture(UnaryOperator<Flow.Builder<Item, Target>> flow, UnaryOperator<SyncEngine.Builder> engineConfig) {
    this(s -> s, flow, engineConfig);
  }

  /** The flow reads {@link #source} through what {@code readVia} makes of it (e.g. an observing wrapper). */
  EngineFixture(
      Function<MemoryPollSource, PollSource<Item>> readVia,
      UnaryOperator<Flow.Builder<Item, Target>> flow,
      UnaryOperator<SyncEngine.Builder> engineConfig) {
    PollSource<Item> read = readVia.apply(source);
    Flow.Builder<Item, Target> builder =
        Flow.poll("invoices", Item.class, t -> read, Target.class, t -> sink)
            .mapper(Target::map)
            .retryPolicy(new RetryQueuePolicy(Duration.ZERO, Duration.ZERO, 3));
    engine = engineConfig.apply(SyncEngine.builder()
            .store(store)
            .clock(clock)
            .nodeId("node-1")
            .randomSeed(3)
            .addFlow(flow.apply(builder).build())
            .tenants(List.of(TENANT)))
        .build();
  }

  EngineFixture() {
    this(f -> f, e -> e);
  }

  /** One run, a second after the previous one. */
  RunReport run() {
    clock.advance(Duration.ofSeconds(1));
    return engine.runOnce(TENANT, "invoices");
  }

  @Override
  public void close() {
    engine.shutdown(Duration.ofSeconds(5));
  }
}
