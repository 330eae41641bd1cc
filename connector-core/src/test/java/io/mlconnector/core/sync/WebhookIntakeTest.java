package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.spi.StateStoreSpi;
import io.mlconnector.testkit.SimClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One webhook URL per system: each delivery verified once, stored once for each flow that handles
 * its type, deliveries that arrive together stored in one group commit, each answered only after
 * the commit.
 */
class WebhookIntakeTest {
  private static final String TENANT = "acme";

  private final SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<Integer> commits = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch hold;
  private final AtomicInteger held = new AtomicInteger();
  /** Counts the commits held: both committer threads busy once it reaches zero. */
  private final CountDownLatch holding = new CountDownLatch(2);
  private final CountDownLatch firstHeld = new CountDownLatch(1);
  /** Records each group commit; can hold the first two until released. */
  private final StateStoreSpi store = (StateStoreSpi) StoreProxy.wrap(new InMemoryStateStore(clock), (method, args) -> {
    if (!method.getName().equals("receiveAll")) {
      return;
    }
    CountDownLatch h = hold;
    if (h != null && held.incrementAndGet() <= 2) {
      holding.countDown();
      firstHeld.countDown();
      try {
        h.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    commits.add(((List<?>) args[0]).size());
  });
  private final AtomicInteger verifications = new AtomicInteger();
  private SyncEngine engine;

  /** A source of one system that handles the given event types. */
  record Typed(String system, Set<String> eventTypes) implements WebhookSource<Item> {
    @Override
    public Optional<ExternalRef> objectOf(WebhookEvent event) {
      return Optional.of(ExternalRef.of(system, TENANT, "item", event.eventId()));
    }

    @Override
    public Optional<Item> fetch(ExternalRef ref) {
      return Optional.empty();
    }
  }

  /** Accepts a body {@code <id> <type>} signed {@code ok}; counts its calls. */
  final class CountingVerifier implements WebhookVerifier {
    @Override
    public WebhookEvent verify(Map<String, List<String>> headers, byte[] rawBody) {
      verifications.incrementAndGet();
      if (!List.of("ok").equals(headers.get("x-signature"))) {
        throw new WebhookVerificationException(401, "signature does not match");
      }
      String[] parts = new String(rawBody, StandardCharsets.UTF_8).split(" ");
      return new WebhookEvent(parts[0], parts[1], new String(rawBody, StandardCharsets.UTF_8));
    }
  }

  private Flow<Item, Target> flow(String name, String system, Set<String> types) {
    return Flow.webhook(name, Item.class, t -> new Typed(system, types), t -> new CountingVerifier(),
            Target.class, t -> new MemorySink(t))
        .mapper(Target::map)
        .build();
  }

  private void engine() {
    engine = SyncEngine.builder()
        .store(store)
        .clock(clock)
        .addFlow(flow("payments", "pay", Set.of("payment.succeeded", "charge.succeeded")))
        .addFlow(flow("fees", "pay", Set.of("charge.succeeded")))
        .addFlow(flow("refunds", "pay", Set.of("refund.created")))
        .addFlow(flow("other", "elsewhere", Set.of("payment.succeeded")))
        .tenants(List.of(TENANT))
        .build();
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  private static Map<String, List<String>> signed() {
    return Map.of("x-signature", List.of("ok"));
  }

  private static byte[] body(String id, String type) {
    return (id + " " + type).getBytes(StandardCharsets.UTF_8);
  }

  private List<InboxEvent> inbox(String flow) {
    return store.claimInbox(TENANT, "pay/" + flow, "test", Duration.ofMinutes(1), 100);
  }

  @Test
  void aDeliveryIsVerifiedOnceAndStoredOnlyForTheFlowsThatHandleItsType() {
    engine();
    WebhookIntake intake = engine.webhookIntake("pay");

    WebhookResponse paid = intake.handle(TENANT, signed(), body("evt_1", "payment.succeeded"));
    WebhookResponse charged = intake.handle(TENANT, signed(), body("evt_2", "charge.succeeded"));
    WebhookResponse unknown = intake.handle(TENANT, signed(), body("evt_3", "customer.updated"));

    assertThat(paid).isEqualTo(new WebhookResponse(200, "stored"));
    assertThat(charged).isEqualTo(new WebhookResponse(200, "stored"));
    assertThat(unknown).isEqualTo(new WebhookResponse(200, "ignored"));
    assertThat(verifications).hasValue(3);
    assertThat(inbox("payments")).extracting(InboxEvent::eventId).containsExactly("evt_1", "evt_2");
    assertThat(inbox("fees")).extracting(InboxEvent::eventId).containsExactly("evt_2");
    assertThat(inbox("refunds")).isEmpty();
    // the flow fed by another system never sees this system's deliveries
    assertThat(store.claimInbox(TENANT, "elsewhere/other", "test", Duration.ofMinutes(1), 100)).isEmpty();
    // one commit per delivery here (they came one at a time), one row per handling flow
    assertThat(commits).containsExactly(1, 2);
  }

  @Test
  void duplicatesAreAnsweredOkAndRefusedRequestsStoreNothing() {
    engine();
    WebhookIntake intake = engine.webhookIntake("pay");

    assertThat(intake.handle(TENANT, signed(), body("evt_1", "refund.created")).body()).isEqualTo("stored");
    assertThat(intake.handle(TENANT, signed(), body("evt_1", "refund.created")))
        .isEqualTo(new WebhookResponse(200, "duplicate"));
    assertThat(intake.handle(TENANT, Map.of("x-signature", List.of("forged")), body("evt_9", "refund.created"))
        .status()).isEqualTo(401);
    assertThat(intake.handle("nobody", signed(), body("evt_8", "refund.created")).status()).isEqualTo(404);
    assertThat(intake.handle(TENANT, signed(), new byte[0]).status()).isEqualTo(400);

    assertThat(inbox("refunds")).extracting(InboxEvent::eventId).containsExactly("evt_1");
  }

  @Test
  void deliveriesArrivingTogetherShareOneCommitAndAreAnsweredOnlyAfterIt() throws Exception {
    engine();
    WebhookIntake intake = engine.webhookIntake("pay");
    CountDownLatch release = new CountDownLatch(1);
    hold = release;

    List<CompletableFuture<WebhookResponse>> answers = new ArrayList<>();
    // the first two deliveries occupy both committer threads, whose commits are held
    answers.add(intake.handleAsync(TENANT, signed(), body("evt_0", "refund.created")));
    assertThat(firstHeld.await(30, TimeUnit.SECONDS)).isTrue();
    answers.add(intake.handleAsync(TENANT, signed(), body("evt_1", "refund.created")));
    assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
    for (int i = 2; i <= 20; i++) {
      answers.add(intake.handleAsync(TENANT, signed(), body("evt_" + i, "refund.created")));
    }
    // nothing is answered before its commit
    assertThat(answers).noneMatch(CompletableFuture::isDone);
    release.countDown();

    for (CompletableFuture<WebhookResponse> a : answers) {
      assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(new WebhookResponse(200, "stored"));
    }
    assertThat(commits.stream().mapToInt(Integer::intValue).sum()).isEqualTo(21);
    // the 19 that waited went to disk in at most two commits (one per committer thread)
    assertThat(commits.size()).isBetween(3, 4);
    assertThat(commits.stream().mapToInt(Integer::intValue).max().orElseThrow()).isGreaterThanOrEqualTo(10);
    assertThat(inbox("refunds")).hasSize(21);
  }

  @Test
  void aFailedCommitIsAnswered503AndNothingIsClaimedLater() {
    StateStoreSpi failing = (StateStoreSpi) StoreProxy.wrap(new InMemoryStateStore(clock), (method, args) -> {
      if (method.getName().equals("receiveAll")) {
        throw new io.mlconnector.core.state.StateStoreException("disk full", null);
      }
    });
    engine = SyncEngine.builder()
        .store(failing)
        .clock(clock)
        .addFlow(flow("refunds", "pay", Set.of("refund.created")))
        .tenants(List.of(TENANT))
        .build();

    WebhookResponse r = engine.webhookIntake("pay").handle(TENANT, signed(), body("evt_1", "refund.created"));

    assertThat(r.status()).isEqualTo(503);
    assertThat(failing.claimInbox(TENANT, "pay/refunds", "test", Duration.ofMinutes(1), 10)).isEmpty();
  }

  @Test
  void anIdleStartedEngineShutsDownCleanlyWithoutWaitingForItsNextRuns() {
    engine = SyncEngine.builder()
        .store(store)
        .addFlow(Flow.webhook("refunds", Item.class, t -> new Typed("pay", Set.of("refund.created")),
                t -> new CountingVerifier(), Target.class, t -> new MemorySink(t))
            .mapper(Target::map)
            .schedule(Duration.ofDays(1), Duration.ZERO)
            .build())
        .tenants(List.of(TENANT))
        .build();
    engine.start();
    engine.webhookIntake("pay").handle(TENANT, signed(), body("evt_1", "refund.created"));

    // the runs scheduled a day ahead are dropped, not awaited: a clean stop within the timeout
    assertThat(engine.shutdown(Duration.ofSeconds(20))).isTrue();
    assertThat(engine.webhookIntake("pay").handle(TENANT, signed(), body("evt_2", "refund.created")).status())
        .isEqualTo(503);
  }
}
