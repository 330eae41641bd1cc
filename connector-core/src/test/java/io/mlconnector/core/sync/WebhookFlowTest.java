package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.state.StateStoreException;
import io.mlconnector.testkit.SimClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookFlowTest {
  private static final String TENANT = "acme";
  private static final Map<String, String> SECRETS = Map.of("acme", "whsec_acme", "globex", "whsec_globex");
  private static final Pattern EVENT =
      Pattern.compile("\\{\"id\":\"([^\"]+)\",\"type\":\"([^\"]+)\",\"object\":\"([^\"]+)\"}");

  private final SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryStateStore store = new InMemoryStateStore(clock);
  private final Map<String, Objects> systems = new ConcurrentHashMap<>();
  private final Map<String, MemorySink> sinks = new ConcurrentHashMap<>();
  private SyncEngine engine;

  /** The source system of one tenant: current objects and the event list. */
  static class Objects implements WebhookSource<Item> {
    final String tenant;
    final Map<String, Item> current = new ConcurrentHashMap<>();
    final List<WebhookEvent> eventList = new ArrayList<>();
    int fetches;

    Objects(String tenant) {
      this.tenant = tenant;
    }

    @Override
    public String system() {
      return "erp";
    }

    @Override
    public Optional<ExternalRef> objectOf(WebhookEvent event) {
      Matcher m = EVENT.matcher(event.payload());
      if (!m.matches()) {
        throw new IllegalArgumentException("not an event: " + event.payload());
      }
      if (!event.type().startsWith("invoice.")) {
        return Optional.empty();
      }
      return Optional.of(ExternalRef.of("erp", tenant, "invoice", m.group(3)));
    }

    @Override
    public synchronized Optional<Item> fetch(ExternalRef ref) {
      fetches++;
      return Optional.ofNullable(current.get(ref.id()));
    }

    @Override
    public synchronized EventPage eventsSince(String cursor) {
      int from = cursor == null ? 0 : Integer.parseInt(cursor);
      List<WebhookEvent> page = eventList.subList(from, eventList.size());
      return new EventPage(page, Integer.toString(eventList.size()), false);
    }
  }

  /** Verifies an HMAC-SHA256 hex signature of the body in {@code X-Signature}. */
  static final class HmacVerifier implements WebhookVerifier {
    private final byte[] secret;

    HmacVerifier(String secret) {
      this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public WebhookEvent verify(Map<String, List<String>> headers, byte[] rawBody) {
      String signature = headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase("X-Signature"))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElseThrow(() -> new WebhookVerificationException(401, "missing X-Signature"));
      byte[] expected = hmac(secret, rawBody);
      byte[] given;
      try {
        given = HexFormat.of().parseHex(signature);
      } catch (IllegalArgumentException e) {
        throw new WebhookVerificationException(401, "malformed X-Signature");
      }
      if (!MessageDigest.isEqual(expected, given)) {
        throw new WebhookVerificationException(401, "signature does not match");
      }
      String body = new String(rawBody, StandardCharsets.UTF_8);
      Matcher m = EVENT.matcher(body);
      if (!m.matches()) {
        throw new WebhookVerificationException(400, "body is not an event");
      }
      return new WebhookEvent(m.group(1), m.group(2), body);
    }
  }

  static byte[] hmac(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.shutdown(Duration.ofSeconds(5));
    }
  }

  private SyncEngine engine(StateStore state) {
    engine = SyncEngine.builder()
        .store(state)
        .clock(clock)
        .nodeId("node-1")
        .addFlow(Flow.webhook("erp-events", Item.class,
                t -> systems.computeIfAbsent(t, Objects::new),
                t -> new HmacVerifier(SECRETS.get(t)),
                Target.class, t -> sinks.computeIfAbsent(t, MemorySink::new))
            .mapper(Target::map)
            .build())
        .tenants(List.of("acme", "globex"))
        .build();
    return engine;
  }

  private Objects system(String tenant) {
    return systems.computeIfAbsent(tenant, Objects::new);
  }

  private static String event(String id, String type, String object) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"object\":\"" + object + "\"}";
  }

  private static WebhookResponse deliver(
      WebhookEndpoint endpoint, String tenant, String body, String secret) {
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    String signature = HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), raw));
    return endpoint.handle(tenant, Map.of("x-signature", List.of(signature)), raw);
  }

  /** One run, a second after the previous one. */
  private RunReport run(String tenant) {
    clock.advance(Duration.ofSeconds(1));
    return engine.runOnce(tenant, "erp-events");
  }

  @Test
  void duplicateDeliveriesAreAcceptedAndWrittenOnce() {
    WebhookEndpoint endpoint = engine(store).webhookEndpoint("erp-events");
    system(TENANT).current.put("inv-1", Item.of(TENANT, "inv-1", 1, "first"));
    String body = event("evt_1", "invoice.updated", "inv-1");

    List<WebhookResponse> answers = List.of(
        deliver(endpoint, TENANT, body, "whsec_acme"),
        deliver(endpoint, TENANT, body, "whsec_acme"),
        deliver(endpoint, TENANT, body, "whsec_acme"));
    RunReport report = run(TENANT);

    assertThat(answers).extracting(WebhookResponse::status).containsOnly(200);
    assertThat(answers).extracting(WebhookResponse::body)
        .containsExactly("stored", "duplicate", "duplicate");
    assertThat(report.written()).isEqualTo(1);
    assertThat(sinks.computeIfAbsent(TENANT, MemorySink::new).stored()).hasSize(1);
  }

  @Test
  void outOfOrderDeliveryEndsWithTheCurrentState() {
    WebhookEndpoint endpoint = engine(store).webhookEndpoint("erp-events");
    Objects erp = system(TENANT);
    erp.current.put("inv-1", Item.of(TENANT, "inv-1", 2, "second"));

    // the newer event arrives first and is processed; the older one comes later
    deliver(endpoint, TENANT, event("evt_2", "invoice.updated", "inv-1"), "whsec_acme");
    run(TENANT);
    deliver(endpoint, TENANT, event("evt_1", "invoice.created", "inv-1"), "whsec_acme");
    RunReport late = run(TENANT);

    assertThat(late.written()).isZero();
    assertThat(late.skipped()).isEqualTo(1);
    MemorySink sink = sinks.computeIfAbsent(TENANT, MemorySink::new);
    assertThat(sink.stored()).singleElement()
        .satisfies(s -> assertThat(s.record().payload()).isEqualTo("second"));
  }

  @Test
  void anEventWhoseObjectChangedSinceWritesTheRefetchedState() {
    WebhookEndpoint endpoint = engine(store).webhookEndpoint("erp-events");
    Objects erp = system(TENANT);
    erp.current.put("inv-7", Item.of(TENANT, "inv-7", 1, "as sent in the event"));
    deliver(endpoint, TENANT, event("evt_7", "invoice.updated", "inv-7"), "whsec_acme");
    erp.current.put("inv-7", Item.of(TENANT, "inv-7", 5, "changed since"));

    run(TENANT);

    assertThat(sinks.computeIfAbsent(TENANT, MemorySink::new).stored()).singleElement()
        .satisfies(s -> assertThat(s.record().payload()).isEqualTo("changed since"));
  }

  @Test
  void aForgedSignatureIsRefusedAndNothingIsStored() {
    WebhookEndpoint endpoint = engine(store).webhookEndpoint("erp-events");
    system(TENANT).current.put("inv-1", Item.of(TENANT, "inv-1", 1, "x"));
    String body = event("evt_9", "invoice.updated", "inv-1");

    WebhookResponse forged = deliver(endpoint, TENANT, body, "whsec_attacker");
    // a valid signature of another tenant does not open this tenant's endpoint either
    WebhookResponse crossTenant = deliver(endpoint, TENANT, body, "whsec_globex");
    WebhookResponse unsigned = endpoint.handle(TENANT, Map.of(), body.getBytes(StandardCharsets.UTF_8));

    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.body()).isEqualTo("signature does not match");
    assertThat(crossTenant.status()).isEqualTo(401);
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(unsigned.body()).isEqualTo("missing X-Signature");
    assertThat(store.claimInbox(TENANT, "erp/erp-events", "probe", Duration.ofMinutes(1), 10)).isEmpty();
    assertThat(run(TENANT).read()).isZero();
    assertThat(sinks.computeIfAbsent(TENANT, MemorySink::new).stored()).isEmpty();
  }

  @Test
  void badBodiesAndUnknownTenantsAreRefused() {
    WebhookEndpoint endpoint = engine(store).webhookEndpoint("erp-events");

    WebhookResponse notAnEvent = deliver(endpoint, TENANT, "hello", "whsec_acme");
    WebhookResponse empty = endpoint.handle(TENANT, Map.of(), new byte[0]);
    WebhookResponse stranger = deliver(endpoint, "initech", event("e", "invoice.x", "i"), "whsec_acme");

    assertThat(notAnEvent.status()).isEqualTo(400);
    assertThat(notAnEvent.body()).isEqualTo("body is not an event");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(store.claimInbox(TENANT, "erp/erp-events", "probe", Duration.ofMinutes(1), 10)).isEmpty();
  }

  @Test
  void theSenderGets503WhenTheEventCannotBeStored() {
    StateStore down = StoreProxy.wrap(store, (method, args) -> {
      if (method.getName().startsWith("receive")) { // receive, or receiveAll (the intake's group commit)
        throw new StateStoreException("database down", null);
      }
    });
    WebhookEndpoint endpoint = engine(down).webhookEndpoint("erp-events");

    WebhookResponse answer =
        deliver(endpoint, TENANT, event("evt_1", "invoice.updated", "inv-1"), "whsec_acme");

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.accepted()).isFalse();
  }

  @Test
  void whatTheEndpointLogsCarriesTheTenantAndFlowInTheMdc() {
    ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger)
        org.slf4j.LoggerFactory.getLogger(io.mlconnector.core.sync.internal.EngineCore.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
        new ch.qos.logback.core.read.ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      StateStore down = StoreProxy.wrap(store, (method, args) -> {
        if (method.getName().startsWith("receive")) { // receive, or receiveAll (the intake's group commit)
          throw new StateStoreException("database down", null);
        }
      });
      WebhookEndpoint endpoint = engine(down).webhookEndpoint("erp-events");
      org.slf4j.MDC.put("tenant", "the host's own");

      assertThat(deliver(endpoint, TENANT, event("evt_1", "invoice.updated", "inv-1"), "whsec_acme")
          .status()).isEqualTo(503);

      assertThat(appender.list).singleElement().satisfies(e -> {
        assertThat(e.getFormattedMessage()).contains("evt_1 could not be stored");
        assertThat(e.getMDCPropertyMap())
            .containsEntry("tenant", TENANT)
            .containsEntry("flow", "erp-events");
      });
      assertThat(org.slf4j.MDC.get("tenant")).isEqualTo("the host's own");
      assertThat(org.slf4j.MDC.get("flow")).isNull();
    } finally {
      org.slf4j.MDC.clear();
      logger.detachAppender(appender);
    }
  }

  @Test
  void ignoredTypesAndDeletedObjectsAreFinishedWithoutWriting() {
    WebhookEndpoint endpoint = engine(store).webhookEndpoint("erp-events");
    deliver(endpoint, TENANT, event("evt_c", "customer.updated", "cus-1"), "whsec_acme");
    deliver(endpoint, TENANT, event("evt_d", "invoice.deleted", "inv-gone"), "whsec_acme");

    RunReport report = run(TENANT);

    assertThat(report.skipped()).isEqualTo(2);
    assertThat(report.written()).isZero();
    assertThat(store.claimInbox(TENANT, "erp/erp-events", "probe", Duration.ofMinutes(1), 10)).isEmpty();
  }

  @Test
  void theBackstopPicksUpEventsTheWebhooksMissed() {
    engine(store);
    Objects erp = system(TENANT);
    erp.current.put("inv-3", Item.of(TENANT, "inv-3", 1, "missed"));
    erp.eventList.add(new WebhookEvent("evt_3", "invoice.created", event("evt_3", "invoice.created", "inv-3")));

    RunReport first = run(TENANT);
    RunReport second = run(TENANT);

    assertThat(first.written()).isEqualTo(1);
    assertThat(second.read()).isZero();
    assertThat(store.cursor(TENANT, "erp-events", "events")).contains("1");
    assertThat(sinks.computeIfAbsent(TENANT, MemorySink::new).stored()).hasSize(1);
  }

  @Test
  void eventsOfOneTenantNeverReachAnotherTenantsSink() {
    WebhookEndpoint endpoint = engine(store).webhookEndpoint("erp-events");
    system("acme").current.put("inv-1", Item.of("acme", "inv-1", 1, "acme's"));
    system("globex").current.put("inv-1", Item.of("globex", "inv-1", 1, "globex's"));
    deliver(endpoint, "acme", event("evt_1", "invoice.updated", "inv-1"), "whsec_acme");
    deliver(endpoint, "globex", event("evt_1", "invoice.updated", "inv-1"), "whsec_globex");

    run("acme");
    run("globex");

    assertThat(sinks.computeIfAbsent("acme", MemorySink::new).stored()).singleElement()
        .satisfies(s -> assertThat(s.record().payload()).isEqualTo("acme's"));
    assertThat(sinks.computeIfAbsent("globex", MemorySink::new).stored()).singleElement()
        .satisfies(s -> assertThat(s.record().payload()).isEqualTo("globex's"));
  }

  @Test
  void anEventWhoseObjectCannotBeFetchedNowIsTriedAgainByALaterRun() {
    WebhookEndpoint endpoint = engine(store).webhookEndpoint("erp-events");
    Objects erp = new Objects(TENANT);
    erp.current.put("inv-1", Item.of(TENANT, "inv-1", 1, "p"));
    Objects flaky = new Objects(TENANT) {
      @Override
      public synchronized Optional<Item> fetch(ExternalRef ref) {
        fetches++;
        if (fetches == 1) {
          throw new io.mlconnector.core.error.TransientException(
              io.mlconnector.core.error.ErrorDetails.of("erp", "GET /invoices/inv-1").withHttpStatus(503));
        }
        return erp.fetch(ref);
      }
    };
    systems.put(TENANT, flaky);
    deliver(endpoint, TENANT, event("evt_1", "invoice.updated", "inv-1"), "whsec_acme");

    RunReport first = run(TENANT);
    RunReport second = run(TENANT);

    assertThat(flaky.fetches).isEqualTo(2);
    assertThat(first.failed()).isEqualTo(1);
    assertThat(first.written()).isZero();
    assertThat(second.written()).isEqualTo(1);
  }

  @Test
  void twoFlowsFedByOneSenderKeepTheirOwnInboxes() {
    Map<String, MemorySink> auditSinks = new ConcurrentHashMap<>();
    engine = SyncEngine.builder()
        .store(store)
        .clock(clock)
        .nodeId("node-1")
        .addFlow(Flow.webhook("erp-events", Item.class,
                t -> systems.computeIfAbsent(t, Objects::new),
                t -> new HmacVerifier(SECRETS.get(t)),
                Target.class, t -> sinks.computeIfAbsent(t, MemorySink::new))
            .mapper(Target::map)
            .build())
        .addFlow(Flow.webhook("erp-copies", Item.class,
                t -> systems.computeIfAbsent(t, Objects::new),
                t -> new HmacVerifier(SECRETS.get(t)),
                Target.class, t -> auditSinks.computeIfAbsent(t, x -> new MemorySink(x, "archive")))
            .mapper(Target::map)
            .build())
        .tenants(List.of("acme"))
        .build();
    system(TENANT).current.put("inv-1", Item.of(TENANT, "inv-1", 1, "first"));
    system(TENANT).current.put("inv-2", Item.of(TENANT, "inv-2", 1, "second"));
    WebhookEndpoint events = engine.webhookEndpoint("erp-events");
    WebhookEndpoint copies = engine.webhookEndpoint("erp-copies");

    // one event only for the first flow, one delivered to both
    deliver(events, TENANT, event("evt_1", "invoice.updated", "inv-1"), "whsec_acme");
    String shared = event("evt_2", "invoice.updated", "inv-2");
    WebhookResponse toEvents = deliver(events, TENANT, shared, "whsec_acme");
    WebhookResponse toCopies = deliver(copies, TENANT, shared, "whsec_acme");
    clock.advance(Duration.ofSeconds(1));
    RunReport copiesRun = engine.runOnce(TENANT, "erp-copies");
    RunReport eventsRun = engine.runOnce(TENANT, "erp-events");

    assertThat(toEvents.body()).isEqualTo("stored");
    assertThat(toCopies.body()).isEqualTo("stored");
    assertThat(copiesRun.written()).isEqualTo(1);
    assertThat(eventsRun.written()).isEqualTo(2);
    assertThat(auditSinks.get(TENANT).stored()).hasSize(1);
    assertThat(sinks.get(TENANT).stored()).hasSize(2);
  }
}
