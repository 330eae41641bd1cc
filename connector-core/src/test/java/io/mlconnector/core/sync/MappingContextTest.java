package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.mapping.MapperRegistry;
import io.mlconnector.core.mapping.MappingContext;
import io.mlconnector.core.mapping.ReferenceTables;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.InMemoryStateStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Mappers read per-tenant reference tables and resolve refs of their own tenant only. */
class MappingContextTest {

  static Target feeMapper(Item item, MappingContext context) {
    String account = context.requireReference("gl-accounts", "stripe-fees");
    return new Target(item.payload() + " -> GL " + account, null);
  }

  @Test
  void eachTenantMapsWithItsOwnReferenceTablesAndOverrides() {
    InMemoryStateStore store = new InMemoryStateStore();
    Map<String, MemoryPollSource> sources = new ConcurrentHashMap<>();
    Map<String, MemorySink> sinks = new ConcurrentHashMap<>();
    for (String tenant : List.of("acme", "globex", "initech")) {
      MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
      source.put(Item.of(tenant, "fee-1", 1, "fee"));
      sources.put(tenant, source);
      sinks.put(tenant, new MemorySink(tenant));
    }
    MapperRegistry mappers = MapperRegistry.builder()
        .register(Item.class, Target.class, MappingContextTest::feeMapper)
        .override("initech", Item.class, Target.class,
            (item, context) -> new Target("initech's own mapping", null))
        .build();
    SyncEngine engine = SyncEngine.builder()
        .store(store)
        .mappers(mappers)
        .referenceTables(ReferenceTables.builder()
            .put("acme", "gl-accounts", "stripe-fees", "6100")
            .build())
        .addFlow(Flow.poll("fees", Item.class, sources::get, Target.class, sinks::get).build())
        .tenants(List.of("acme", "globex", "initech"))
        .build();

    engine.runOnce("acme", "fees");
    engine.runOnce("globex", "fees");
    engine.runOnce("initech", "fees");
    engine.shutdown(Duration.ofSeconds(5));

    assertThat(sinks.get("acme").stored()).singleElement()
        .satisfies(s -> assertThat(s.record().payload()).isEqualTo("fee -> GL 6100"));
    assertThat(sinks.get("globex").stored()).isEmpty();
    assertThat(store.deadLetters(DeadLetterQuery.all("globex")).items()).singleElement()
        .satisfies(i -> assertThat(i.lastError()).isEqualTo(
            "mapping refused: reference table 'gl-accounts' of tenant globex has no entry for 'stripe-fees'"));
    assertThat(sinks.get("initech").stored()).singleElement()
        .satisfies(s -> assertThat(s.record().payload()).isEqualTo("initech's own mapping"));
  }

  @Test
  void aMapperCannotResolveAnotherTenantsRecord() {
    InMemoryStateStore store = new InMemoryStateStore();
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    source.put(Item.of("acme", "r1", 1, "p"));
    MemorySink sink = new MemorySink("acme");
    SyncEngine engine = SyncEngine.builder()
        .store(store)
        .addFlow(Flow.poll("sneaky", Item.class, t -> source, Target.class, t -> sink)
            .mapper((item, context) -> new Target(
                context.resolve(ExternalRef.of("erp", "globex", "customer", "c1"), "crm")
                    .map(ExternalRef::id).orElse("none"), null))
            .build())
        .tenants(List.of("acme"))
        .build();

    RunReport report = engine.runOnce("acme", "sneaky");
    engine.shutdown(Duration.ofSeconds(5));

    assertThat(report.parked()).isEqualTo(1);
    assertThat(store.deadLetters(DeadLetterQuery.all("acme")).items()).singleElement()
        .satisfies(i -> assertThat(i.lastError()).isEqualTo(
            "mapper failed: IllegalArgumentException: ref globex/erp:customer:c1 belongs to another tenant than acme"));
  }
}
