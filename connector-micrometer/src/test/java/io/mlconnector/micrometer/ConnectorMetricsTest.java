package io.mlconnector.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.RetryQueuePolicy;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.http.SimResponse;
import io.mlconnector.testkit.http.SimServer;
import io.mlconnector.core.http.TenantClient;
import io.mlconnector.core.http.TenantConfig;
import okhttp3.Request;
import okhttp3.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectorMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ConnectorMetrics metrics = ConnectorMetrics.builder(registry).build();

  private static Customer customer(String id, String name) {
    return Customer.builder().ref(ExternalRef.of("erp", "acme", "customer", id)).version("1").name(name).build();
  }

  /** Three customers: one written, one failing once then written, one refused by its mapper. */
  @Test
  void recordsAreCountedByOutcomeAndDeadLettersAndRetriesAreGauged() {
    List<Customer> customers = List.of(customer("C1", "Ada"), customer("C2", "Flaky"), customer("C3", "Refused"));
    PollSource<Customer> source = new PollSource<>() {
      @Override
      public ChangeDetection changeDetection() {
        return ChangeDetection.FULL_SCAN;
      }

      @Override
      public SourcePage<Customer> read(PollRequest request) {
        return request.after() == null ? new SourcePage<>(customers, Checkpoint.of("3", "C3"), false)
            : new SourcePage<>(List.of(), request.after(), false);
      }

      @Override
      public Optional<Customer> fetch(ExternalRef ref) {
        return customers.stream().filter(c -> c.ref().equals(ref)).findFirst();
      }
    };
    AtomicInteger flaky = new AtomicInteger();
    Map<ExternalRef, ExternalRef> written = new ConcurrentHashMap<>();
    Sink<Customer> sink = new Sink<>() {
      @Override
      public String system() {
        return "crm";
      }

      @Override
      public WriteResult create(Customer c, WriteContext context) {
        if (c.name().equals("Flaky") && flaky.getAndIncrement() == 0) {
          throw new TransientException(ErrorDetails.of("crm", "create customer"));
        }
        ExternalRef target = ExternalRef.of("crm", "acme", "customer", "x" + c.ref().id());
        written.put(c.ref(), target);
        return WriteResult.of(target);
      }

      @Override
      public WriteResult update(ExternalRef target, Customer c, WriteContext context) {
        return WriteResult.of(target);
      }

      @Override
      public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
        return Optional.ofNullable(written.get(source)).map(WriteResult::of);
      }
    };
    try (InMemoryStateStore store = new InMemoryStateStore()) {
      SyncEngine engine = SyncEngine.builder().store(store).listener(metrics.syncListener())
          .mappers(io.mlconnector.core.mapping.MapperRegistry.builder().register(Customer.class, Customer.class,
              (c, ctx) -> {
                if (c.name().equals("Refused")) {
                  throw ctx.refuse("customer " + c.ref().id() + " has no billing address");
                }
                return c;
              }).build())
          .addFlow(Flow.poll("customers", Customer.class, t -> source, Customer.class, t -> sink)
              .retryPolicy(new RetryQueuePolicy(Duration.ZERO, Duration.ZERO, 5)).build())
          .tenants(List.of("acme")).build();
      metrics.bindDeadLetters(store, List.of("acme"));
      try (engine) {
        engine.runOnce("acme", "customers");
        assertThat(registry.get("mlc.retry.pending").gauge().value()).isEqualTo(1.0);
        engine.runOnce("acme", "customers");
      }
      assertThat(registry.get("mlc.records").tags("flow", "customers", "outcome", "read").counter().count()).isGreaterThanOrEqualTo(3);
      assertThat(registry.get("mlc.records").tags("flow", "customers", "outcome", "written").counter().count()).isEqualTo(2);
      assertThat(registry.get("mlc.records").tags("flow", "customers", "outcome", "failed").counter().count()).isEqualTo(1);
      assertThat(registry.get("mlc.records").tags("flow", "customers", "outcome", "parked").counter().count()).isEqualTo(1);
      assertThat(registry.get("mlc.sink.latency").tags("flow", "customers").timer().count()).isEqualTo(2);
      assertThat(registry.get("mlc.runs").tags("flow", "customers").counters()).isNotEmpty();
      assertThat(registry.get("mlc.retry.pending").gauge().value()).isZero();
      assertThat(registry.get("mlc.dead.letters").tags("tenant", "acme").gauge().value()).isEqualTo(1.0);
      assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTag("tenant") == null
          || m.getId().getName().equals("mlc.dead.letters")).as(m.getId().toString()).isTrue());
    }
  }

  @Test
  void remoteCallsAreTimedBySystemAndOutcome() throws Exception {
    FaultInjector faults = new FaultInjector();
    try (SimServer server = SimServer.start(r -> SimResponse.json(200, "{\"ok\":true}"), faults,
            e -> SimResponse.json(503, "{\"error\":\"busy\"}"), 2);
        HttpTransport transport = HttpTransport.builder().listener(metrics.transportListener()).sleeper(d -> {}).build()) {
      TenantClient client = transport.newClient(TenantConfig.builder("erp", "acme", "acme/erp")
          .baseUrl(server.baseUri().toString()).build());
      faults.failNext(1, Fault.SERVER_ERROR);
      try (Response r = client.execute(new Request.Builder().url(client.url("/ping")).get().build())) {
        assertThat(r.code()).isEqualTo(200);
      }
    }
    assertThat(registry.get("mlc.remote.calls").tags("system", "erp", "outcome", "2xx").timer().count()).isEqualTo(1);
    assertThat(registry.get("mlc.remote.retries").tags("system", "erp").counter().count()).isEqualTo(1);
  }
}
