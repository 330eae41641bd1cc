package io.mlconnector.core.sync.internal;

import io.mlconnector.core.mapping.MapperRegistry;
import io.mlconnector.core.mapping.MappingDeferredException;
import io.mlconnector.core.mapping.MappingRefusedException;
import io.mlconnector.core.mapping.ReferenceTables;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.state.spi.StateStoreSpi;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.Discrepancy;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.ReconciliationReport;
import io.mlconnector.core.sync.RemoteFile;
import io.mlconnector.core.sync.RunInfo;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.UnreadableRecord;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.core.sync.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** What every run of one engine shares: configuration, the tenant instances and the threads. */
public final class EngineCore {
  final StateStoreSpi store;
  final String node;
  final Clock clock;
  final SafeListener listener;
  final MapperRegistry mappers;
  final ReferenceTables referenceTables;
  final Duration leaseTtl;
  final Duration pendingGrace;
  final Duration claimTtl;
  final Map<String, Flow<?, ?>> flows;
  final ExecutorService workers;
  final ScheduledExecutorService leaseKeeper;
  final Random random;
  private static final Logger log = LoggerFactory.getLogger(EngineCore.class);
  private final Map<String, RemoteFile> looks = new ConcurrentHashMap<>();
  /** Failed reads of a stable file, by tenant, flow and content hash (see FileInput). */
  final Map<List<String>, Integer> unreadableLooks = new ConcurrentHashMap<>();
  private final Map<String, TenantFlow<?, ?>> tenantFlows = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Map<String, EventsBackstop> backstops = new ConcurrentHashMap<>();
  private final Set<FlowRun<?, ?>> activeRuns = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;
  private volatile InboxCommitter committer;
  private boolean intakeClosed;

  public EngineCore(
      StateStore store,
      String node,
      Clock clock,
      SafeListener listener,
      MapperRegistry mappers,
      ReferenceTables referenceTables,
      Duration leaseTtl,
      Duration pendingGrace,
      Duration claimTtl,
      Map<String, Flow<?, ?>> flows,
      ExecutorService workers,
      ScheduledExecutorService leaseKeeper,
      Random random) {
    this.store = StateStoreSpi.of(store);
    this.node = node;
    this.clock = clock;
    this.listener = listener;
    this.mappers = mappers;
    this.referenceTables = referenceTables;
    this.leaseTtl = leaseTtl;
    this.pendingGrace = pendingGrace;
    this.claimTtl = claimTtl;
    this.flows = Map.copyOf(flows);
    this.workers = workers;
    this.leaseKeeper = leaseKeeper;
    this.random = random;
  }

  /** The tenant's instances of {@code flow}, created on first use. */
  @SuppressWarnings("unchecked")
  public <S, T> TenantFlow<S, T> tenantFlow(String tenant, Flow<S, T> flow) {
    return (TenantFlow<S, T>)
        tenantFlows.computeIfAbsent(
            tenant + '\u0000' + flow.name(), k -> new TenantFlow<>(tenant, flow, mappers));
  }

  /** Forgets a tenant's instances (after the tenant was removed). */
  public void forgetTenant(String tenant) {
    tenantFlows.keySet().removeIf(k -> k.startsWith(tenant + '\u0000'));
    backstops.keySet().removeIf(k -> k.startsWith(tenant + '\u0000'));
  }

  /** The shared events backstop of {@code tenant}'s flows fed by {@code system}. */
  EventsBackstop backstop(String tenant, String system) {
    return backstops.computeIfAbsent(tenant + '\u0000' + system, k -> new EventsBackstop());
  }

  /** Runs {@code flow} once for {@code tenant} under its lease. */
  public <S, T> RunReport run(String tenant, Flow<S, T> flow) {
    return run(tenant, flow, false);
  }

  /**
   * Runs {@code flow} once for {@code tenant} under its lease; {@code scheduled} when the engine's
   * scheduler starts it (a webhook flow's run then skips the events read another flow of the tenant
   * made in the same pass, see {@link EventsBackstop}).
   */
  public <S, T> RunReport run(String tenant, Flow<S, T> flow, boolean scheduled) {
    String key = tenant + '\u0000' + flow.name();
    if (!running.add(key)) {
      // the lease cannot tell two runs of one node apart: a renewal by the same owner succeeds
      return new RunReport(
          new RunInfo(tenant, flow.name(), UUID.randomUUID().toString(), node),
          RunReport.Status.LEASE_UNAVAILABLE, 0, 0, 0, 0, 0, 0, List.of(),
          "already running on this node");
    }
    FlowRun<S, T> run = new FlowRun<>(this, tenantFlow(tenant, flow), null, scheduled);
    activeRuns.add(run);
    try {
      return run.execute();
    } finally {
      activeRuns.remove(run);
      running.remove(key);
    }
  }

  /** Asks every run to stop after its in-flight records. */
  public void stop() {
    stopping = true;
  }

  boolean stopping() {
    return stopping;
  }

  /** True while some run is active. */
  public boolean busy() {
    return !activeRuns.isEmpty();
  }

  /**
   * True when {@code file} is ready: it carries a ready marker, or this node saw it with the same
   * size and modification time on the previous look (an earlier run).
   */
  boolean stable(String tenant, String flow, RemoteFile file) {
    if (file.readyMarker()) {
      return true;
    }
    RemoteFile previous = looks.put(tenant + '\u0000' + flow + '\u0000' + file.name(), file);
    return previous != null
        && previous.size() == file.size()
        && previous.modifiedAt().equals(file.modifiedAt());
  }

  /** Forgets the last look at a file that left the folder. */
  void forgetLook(String tenant, String flow, String name) {
    looks.remove(tenant + '\u0000' + flow + '\u0000' + name);
  }

  /**
   * Verifies and stores one webhook request, with the tenant and flow in the MDC of the caller's
   * thread; see {@link io.mlconnector.core.sync.WebhookEndpoint}.
   */
  public <S, T> WebhookResponse receive(
      String tenant, Flow<S, T> flow, Map<String, List<String>> headers, byte[] rawBody) {
    String previousTenant = MDC.get("tenant");
    String previousFlow = MDC.get("flow");
    MDC.put("tenant", tenant);
    MDC.put("flow", flow.name());
    try {
      return receiveInMdc(tenant, flow, headers, rawBody);
    } finally {
      restore("tenant", previousTenant);
      restore("flow", previousFlow);
    }
  }

  private static void restore(String key, String previous) {
    if (previous == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, previous);
    }
  }

  private <S, T> WebhookResponse receiveInMdc(
      String tenant, Flow<S, T> flow, Map<String, List<String>> headers, byte[] rawBody) {
    return intakeInMdc(tenant, null, List.of(flow), headers, rawBody).join();
  }

  /**
   * Verifies one delivery once (with the first flow's verifier: the flows of one webhook URL share
   * its signing secret) and stores one inbox row for each flow whose source handles the event's
   * type ({@link WebhookSource#eventTypes}; a source that cannot say receives every event), all in
   * one group commit ({@link InboxCommitter}). The future completes after that commit is durable:
   * 200 {@code stored} or {@code duplicate}, 200 {@code ignored} when no flow handles the type
   * (nothing is stored), a 4xx for a refused request, 404 when no flow of the tenant is fed by
   * {@code system}, 503 when the store failed. Nothing else is done before the answer.
   */
  public java.util.concurrent.CompletableFuture<WebhookResponse> intake(
      String tenant, String system, List<Flow<?, ?>> flows, Map<String, List<String>> headers,
      byte[] rawBody) {
    String previousTenant = MDC.get("tenant");
    MDC.put("tenant", tenant);
    try {
      List<Flow<?, ?>> fed = new ArrayList<>(flows.size());
      for (Flow<?, ?> f : flows) {
        if (system.equals(((WebhookSource<?>) tenantFlow(tenant, f).source()).system())) {
          fed.add(f);
        }
      }
      if (fed.isEmpty()) {
        return java.util.concurrent.CompletableFuture.completedFuture(
            new WebhookResponse(404, "no webhook flow of " + system));
      }
      return intakeInMdc(tenant, system, fed, headers, rawBody);
    } finally {
      restore("tenant", previousTenant);
    }
  }

  /** {@code system} null: one flow's own endpoint, which stores every verified event. */
  private java.util.concurrent.CompletableFuture<WebhookResponse> intakeInMdc(
      String tenant, String system, List<Flow<?, ?>> flows, Map<String, List<String>> headers,
      byte[] rawBody) {
    boolean route = system != null;
    Flow<?, ?> first = flows.get(0);
    WebhookEvent event;
    try {
      event = tenantFlow(tenant, first).verifier().verify(headers, rawBody);
    } catch (WebhookVerificationException e) {
      for (Flow<?, ?> f : flows) {
        listener.webhookRejected(tenant, f.name(), e.status(), e.getMessage());
      }
      return java.util.concurrent.CompletableFuture.completedFuture(
          new WebhookResponse(e.status(), e.getMessage()));
    } catch (RuntimeException e) {
      log.warn("webhook verifier of flow {} failed", first.name(), e);
      for (Flow<?, ?> f : flows) {
        listener.webhookRejected(tenant, f.name(), 400, "unreadable event");
      }
      return java.util.concurrent.CompletableFuture.completedFuture(
          new WebhookResponse(400, "unreadable event"));
    }
    String payload = new String(rawBody, StandardCharsets.UTF_8);
    java.time.Instant now = clock.instant();
    List<InboxEvent> rows = new ArrayList<>(flows.size());
    List<Flow<?, ?>> routed = new ArrayList<>(flows.size());
    for (Flow<?, ?> f : flows) {
      WebhookSource<?> source = (WebhookSource<?>) tenantFlow(tenant, f).source();
      Set<String> types = source.eventTypes();
      if (route && !types.isEmpty() && !types.contains(event.type())) {
        continue;
      }
      rows.add(InboxEvent.received(
          tenant, inboxOf(source.system(), f.name()), event.eventId(), event.type(), payload, now));
      routed.add(f);
    }
    if (rows.isEmpty()) {
      log.debug("webhook event {} of type {}: no flow handles it; not stored", event.eventId(), event.type());
      return java.util.concurrent.CompletableFuture.completedFuture(new WebhookResponse(200, "ignored"));
    }
    String eventId = event.eventId();
    String flowName = flows.size() == 1 ? flows.get(0).name() : null;
    return committer().submit(rows).handle((fresh, failure) -> {
      if (failure != null) {
        // on the committer's thread: the delivery's tenant and flow in the MDC for this line
        String previousTenant = MDC.get("tenant");
        String previousFlow = MDC.get("flow");
        MDC.put("tenant", tenant);
        if (flowName != null) {
          MDC.put("flow", flowName);
        }
        try {
          log.error("webhook event {} could not be stored; answering 503", eventId, failure);
        } finally {
          restore("tenant", previousTenant);
          restore("flow", previousFlow);
        }
        return new WebhookResponse(503, "event not stored; retry later");
      }
      boolean any = false;
      for (int i = 0; i < routed.size(); i++) {
        listener.webhookReceived(tenant, routed.get(i).name(), eventId, !fresh.get(i));
        any |= fresh.get(i);
      }
      return new WebhookResponse(200, any ? "stored" : "duplicate");
    });
  }

  private InboxCommitter committer() {
    InboxCommitter c = committer;
    if (c == null) {
      synchronized (this) {
        if (committer == null) {
          if (intakeClosed) {
            // after shutdown: a committer that refuses every delivery (answered 503)
            InboxCommitter refusing = new InboxCommitter(store, 1, "mlc-" + node + "-intake-closed");
            refusing.close();
            return refusing;
          }
          committer = new InboxCommitter(store, InboxCommitter.committersFor(store), "mlc-" + node + "-intake");
        }
        c = committer;
      }
    }
    return c;
  }

  /** Stops the intake's committers (after the webhook server stopped delivering). */
  public void closeIntake() {
    InboxCommitter c;
    synchronized (this) {
      intakeClosed = true;
      c = committer;
      committer = null;
    }
    if (c != null) {
      c.close();
    }
  }

  /**
   * The inbox of a webhook flow: its sending system and its name. Each flow has its own inbox, so
   * two flows fed by one sender (payments and refunds from Stripe, say) never claim each other's
   * events; a delivery is stored once for each flow that handles its type.
   */
  public static String inboxOf(String system, String flowName) {
    return system + "/" + flowName;
  }

  /** Reports a request refused before verification. */
  public void receiveRejected(String tenant, Flow<?, ?> flow, int status, String reason) {
    listener.webhookRejected(tenant, flow.name(), status, reason);
  }

  /** Compares each source record with its mapped target. */
  public <S, T> ReconciliationReport reconcile(
      String tenant, Flow<S, T> flow, Collection<ExternalRef> sources) {
    TenantFlow<S, T> tf = tenantFlow(tenant, flow);
    List<ReconciliationReport.Entry> entries = new ArrayList<>();
    for (ExternalRef ref : sources) {
      Optional<S> record = tf.source().fetch(ref);
      if (record.isEmpty()) {
        ExternalRef target =
            store.mappingBySource(ref, tf.sink().system()).map(Mapping::target).orElse(null);
        entries.add(entry(ref, target, ReconciliationReport.Verdict.SOURCE_GONE, null));
        continue;
      }
      entries.add(compare(tf, ref, record.get()));
    }
    return new ReconciliationReport(tenant, flow.name(), entries);
  }

  /** Reads every record of a poll flow from the beginning and compares each with its target. */
  public <S, T> ReconciliationReport reconcileAll(String tenant, Flow<S, T> flow) {
    TenantFlow<S, T> tf = tenantFlow(tenant, flow);
    if (!(tf.source() instanceof PollSource<S> source)) {
      throw new IllegalArgumentException(
          "flow " + flow.name() + " is not a poll flow; pass the source refs to reconcile");
    }
    List<ReconciliationReport.Entry> entries = new ArrayList<>();
    Checkpoint after = null;
    while (true) {
      SourcePage<S> page = source.read(new PollRequest(after, Duration.ZERO, flow.pageSize()));
      for (UnreadableRecord bad : page.unreadable()) {
        entries.add(new ReconciliationReport.Entry(bad.ref(), null, ReconciliationReport.Verdict.UNCHECKED,
            List.of(), "the source record cannot be read: " + bad.reason()));
      }
      for (S record : page.records()) {
        entries.add(compare(tf, flow.identity().ref(record), record));
      }
      if (page.next() != null) {
        after = page.next();
      }
      if (!page.hasMore()) {
        return new ReconciliationReport(tenant, flow.name(), entries);
      }
    }
  }

  private <S, T> ReconciliationReport.Entry compare(TenantFlow<S, T> tf, ExternalRef ref, S record) {
    Optional<Mapping> mapping = store.mappingBySource(ref, tf.sink().system());
    if (mapping.isEmpty()) {
      return entry(ref, null, ReconciliationReport.Verdict.MISSING_TARGET, null);
    }
    ExternalRef target = mapping.get().target();
    T expected;
    try {
      expected =
          tf.mapper()
              .map(record, new MappingContextImpl(store, referenceTables, tf.tenant,
                  tf.flow.name(), tf.sink().system(), ref, true));
    } catch (MappingDeferredException | MappingRefusedException e) {
      return entry(ref, target, ReconciliationReport.Verdict.UNCHECKED,
          "mapping: " + e.getMessage());
    }
    Optional<T> actual;
    try {
      actual = tf.sink().read(target);
    } catch (UnsupportedOperationException e) {
      return entry(ref, target, ReconciliationReport.Verdict.UNCHECKED, e.getMessage());
    }
    if (actual.isEmpty()) {
      return entry(ref, target, ReconciliationReport.Verdict.TARGET_GONE, null);
    }
    List<Discrepancy> differences = tf.flow.comparator().compare(expected, actual.get());
    return new ReconciliationReport.Entry(
        ref,
        target,
        differences.isEmpty()
            ? ReconciliationReport.Verdict.MATCH
            : ReconciliationReport.Verdict.DIFFERENT,
        differences,
        null);
  }

  private static ReconciliationReport.Entry entry(
      ExternalRef source, ExternalRef target, ReconciliationReport.Verdict verdict, String note) {
    return new ReconciliationReport.Entry(source, target, verdict, List.of(), note);
  }

  /** The flow that syncs records like {@code ref}, if any. */
  Optional<Flow<?, ?>> flowHandling(ExternalRef ref) {
    return flows.values().stream().filter(f -> f.handles(ref)).findFirst();
  }
}
