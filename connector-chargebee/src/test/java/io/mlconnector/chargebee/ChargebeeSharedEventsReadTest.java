package io.mlconnector.chargebee;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncListener;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One read of Chargebee's event list per tenant and pass serves the payments, refunds and
 * cancellations flows (as the SYSPRO -> Chargebee integration wires them), paged by Chargebee's
 * offset, against the simulator, whose clock stands still: every event occurs in the same second,
 * so only the offset tells the pages apart.
 */
class ChargebeeSharedEventsReadTest {
  private static final String TENANT = "acme";
  private static final Set<String> ALL_TYPES = Set.of("payment_succeeded", "payment_failed", "payment_refunded",
      "subscription_cancelled");

  /** A ledger side that records each write, by source ref. */
  static final class Recorder<T> implements Sink<T> {
    final Map<ExternalRef, AtomicInteger> writes = new ConcurrentHashMap<>();

    @Override
    public String system() {
      return "erp";
    }

    @Override
    public WriteResult create(T record, WriteContext context) {
      writes.computeIfAbsent(context.source(), k -> new AtomicInteger()).incrementAndGet();
      return WriteResult.of(ExternalRef.of("erp", TENANT, "posting", context.operationKey()));
    }

    @Override
    public WriteResult update(ExternalRef target, T record, WriteContext context) {
      return create(record, context);
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
      return Optional.empty();
    }
  }

  private final Recorder<Payment> payments = new Recorder<>();
  private final Recorder<Refund> refunds = new Recorder<>();
  private final Recorder<SubscriptionCancellation> cancellations = new Recorder<>();

  /** A customer, {@code paid} paid invoices, one declined payment, refunds of the first {@code refunded}. */
  private static List<String> account(SimFixture f, ChargebeeCollector cb, int paid, int refunded) {
    f.client.post("customers", ChargebeeForm.create().put("id", "C100").put("company", "Acme"), null);
    List<String> invoices = new ArrayList<>();
    for (int i = 0; i < paid + 1; i++) {
      invoices.add(f.client.post("invoices/create_for_charge_items_and_charges", ChargebeeForm.create()
          .put("customer_id", "C100").put("currency_code", "USD").put("po_number", "INV" + i)
          .putList("charges", 0, "amount", 1000L + i).putList("charges", 0, "description", "Line"), null)
          .get("invoice").id());
    }
    for (int i = 0; i < paid; i++) {
      f.sim.pay(invoices.get(i), null);
    }
    f.sim.failPayment(invoices.get(paid));
    for (int i = 0; i < refunded; i++) {
      f.sim.refund(invoices.get(i), 100L);
    }
    // a subscription, cancelled
    f.client.post("items", ChargebeeForm.create().put("id", "support").put("name", "Support").put("type", "plan"), null);
    f.client.post("item_prices", ChargebeeForm.create().put("id", "support-USD").put("item_id", "support")
        .put("name", "Support monthly").put("price", 9900).put("currency_code", "USD").put("period", 1)
        .put("period_unit", "month"), null);
    ChargebeeCollector subscriptions = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults()
        .withBillingModel(ChargebeeCollectorOptions.BillingModel.SUBSCRIPTION_ITEMS));
    subscriptions.invoices().create(new ChargebeeInvoiceRequest("C100", "USD", LocalDate.of(2026, 11, 1), "S1", null,
            List.of(), List.of(new ChargebeeInvoiceRequest.RecurringItem("support-USD", 1, 9900)), false),
        new WriteContext(TENANT, "invoices", "op-s1", ExternalRef.of("syspro", TENANT, "ar-invoice", "S1"), "v1"));
    f.client.post("subscriptions/C100-erp/cancel_for_items", ChargebeeForm.create().put("cancel_reason_code", "not_paid"),
        null);
    return invoices;
  }

  /** The ids of the simulator's events of {@code types}, in the order they occurred. */
  private static List<String> eventIds(SimFixture f, Set<String> types) {
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> e : f.sim.events()) {
      if (types.contains((String) e.get("event_type"))) {
        ids.add((String) e.get("id"));
      }
    }
    return ids;
  }

  private SyncEngine engine(InMemoryStateStore store, ChargebeeCollector cb, SyncListener listener) {
    return SyncEngine.builder().store(store).nodeId("node-1").listener(listener)
        .addFlow(Flow.webhook("payments", Payment.class, t -> cb.payments(null), t -> cb.webhookVerifier(),
                Payment.class, t -> payments)
            .mapper((p, context) -> p).schedule(Duration.ofHours(1), Duration.ZERO).build())
        .addFlow(Flow.webhook("refunds", Refund.class, t -> cb.refunds(null), t -> cb.webhookVerifier(),
                Refund.class, t -> refunds)
            .mapper((r, context) -> r).schedule(Duration.ofHours(1), Duration.ZERO).build())
        .addFlow(Flow.webhook("cancellations", SubscriptionCancellation.class, t -> cb.subscriptionCancellations(null),
                t -> cb.webhookVerifier(), SubscriptionCancellation.class, t -> cancellations)
            .mapper((c, context) -> c).schedule(Duration.ofHours(1), Duration.ZERO).build())
        .tenants(List.of(TENANT))
        .build();
  }

  @Test
  void oneReadPerPassServesThePaymentsRefundsAndCancellationsFlows() throws Exception {
    try (SimFixture f = new SimFixture()) {
      ChargebeeCollector cb = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults());
      account(f, cb, 130, 3);
      InMemoryStateStore store = new InMemoryStateStore();
      CountDownLatch finished = new CountDownLatch(3);
      SyncEngine engine = engine(store, cb, new SyncListener() {
        @Override
        public void runFinished(RunReport report) {
          finished.countDown();
        }
      });
      int before = f.eventListReads.get();

      engine.start();
      assertThat(finished.await(60, TimeUnit.SECONDS)).isTrue();
      engine.shutdown(Duration.ofSeconds(10));

      // 135 events of the four types in one second: two pages of one read, not one read per flow
      assertThat(eventIds(f, ALL_TYPES)).hasSize(135);
      assertThat(f.eventListReads.get() - before).isEqualTo(2);
      // 130 paid and 1 declined transaction, 3 refunds, 1 cancellation: each written once
      assertThat(payments.writes).hasSize(131);
      assertThat(refunds.writes).hasSize(3);
      assertThat(cancellations.writes).hasSize(1);
      for (Recorder<?> r : List.of(payments, refunds, cancellations)) {
        assertThat(r.writes.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
      }
      // one cursor for the three flows, between reads: the latest occurred_at
      assertThat(store.cursor(TENANT, "backstop/chargebee", "events"))
          .contains(Long.toString(SimFixture.T0.getEpochSecond()));
      assertThat(store.cursor(TENANT, "payments", "events")).isEmpty();
    }
  }

  @Test
  void pagesReadInOnePassNeitherLoseNorRepeatAnEventAndTheCursorResumesAfterARestart() {
    try (SimFixture f = new SimFixture()) {
      ChargebeeCollector cb = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults());
      account(f, cb, 250, 0);
      List<String> expected = eventIds(f, ALL_TYPES);
      assertThat(expected).hasSize(252);

      // the first page, then "a restart": a new collector, with only the cursor the engine saved
      EventPage first = cb.payments(null).eventsSince(null, ALL_TYPES);
      assertThat(first.hasMore()).isTrue();
      assertThat(first.events()).hasSize(100);
      ChargebeeCollector restarted = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults());
      List<String> read = new ArrayList<>(ids(first));
      String cursor = first.nextCursor();
      EventPage page;
      int pages = 1;
      do {
        page = restarted.refunds(null).eventsSince(cursor, ALL_TYPES);
        read.addAll(ids(page));
        cursor = page.nextCursor();
        pages++;
      } while (page.hasMore());

      assertThat(pages).isEqualTo(3);
      assertThat(read).containsExactlyElementsOf(expected);
      assertThat(cursor).isEqualTo(Long.toString(SimFixture.T0.getEpochSecond()));
      // the next pass reads again from the read overlap before the watermark: the inbox drops those
      f.advance(Duration.ofMinutes(5));
      assertThat(restarted.payments(null).eventsSince(cursor, ALL_TYPES).events()).hasSize(100);
    }
  }

  @Test
  void aCursorOfAnotherSetOfTypesOrARefusedOffsetStartsTheReadAgainFromItsStart() {
    try (SimFixture f = new SimFixture()) {
      ChargebeeCollector cb = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults());
      account(f, cb, 150, 0);
      EventPage first = cb.payments(null).eventsSince(null, ALL_TYPES);
      EventCursor saved = EventCursor.parse(first.nextCursor());
      assertThat(saved.inProgress()).isTrue();

      // the host dropped the cancellations flow: the offset of the old query is not used
      Set<String> fewer = Set.of("payment_succeeded", "payment_failed", "payment_refunded");
      EventPage other = cb.payments(null).eventsSince(first.nextCursor(), fewer);
      assertThat(ids(other)).isEqualTo(eventIds(f, fewer).subList(0, 100));

      // Chargebee refuses an offset (one saved long ago, say): the read starts over, nothing is lost
      String stale = new EventCursor(saved.watermark(), saved.after(), saved.query(), "[\"x\"]").toString();
      EventPage again = cb.payments(null).eventsSince(stale, ALL_TYPES);
      assertThat(ids(again)).isEqualTo(ids(first));
      assertThat(again.hasMore()).isTrue();
    }
  }

  @Test
  void aReadResumedAfterItsOffsetExpiredStartsOverAndLosesNothing() {
    // the simulator refuses offsets older than an hour (Chargebee documents no lifetime)
    try (SimFixture f = new SimFixture(b -> b.requestsPerMinute(0).eventOffsetLifetime(Duration.ofHours(1)), b -> b)) {
      ChargebeeCollector cb = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults());
      account(f, cb, 150, 0);
      List<String> expected = eventIds(f, ALL_TYPES);
      EventPage first = cb.payments(null).eventsSince(null, ALL_TYPES);

      f.advance(Duration.ofHours(2)); // the process was down
      Set<String> read = new HashSet<>(ids(first));
      String cursor = first.nextCursor();
      EventPage page;
      do {
        page = cb.payments(null).eventsSince(cursor, ALL_TYPES);
        read.addAll(ids(page));
        cursor = page.nextCursor();
      } while (page.hasMore());

      assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
      // the refused offset cost one list request more: the read started over at its first page
      assertThat(f.eventListReads.get()).isEqualTo(1 + 1 + 2);
    }
  }

  @Test
  void eachSourceSaysTheTypesItHandlesSoTheInboxSettlesTheOthersInBulk() {
    try (SimFixture f = new SimFixture()) {
      ChargebeeCollector cb = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults());
      assertThat(cb.payments(null).eventTypes()).isEqualTo(ChargebeeCollector.PAYMENT_EVENTS);
      assertThat(cb.refunds(null).eventTypes()).isEqualTo(ChargebeeCollector.REFUND_EVENTS);
      assertThat(cb.subscriptionCancellations(null).eventTypes())
          .isEqualTo(ChargebeeCollector.SUBSCRIPTION_CANCELLED_EVENTS);
      WebhookSource<Payment> source = cb.payments(null);
      assertThat(source.listsEventsOfAnyType()).isTrue();
      // read alone, a source asks for its own types only
      account(f, cb, 2, 1);
      assertThat(source.eventsSince(null).events()).extracting(WebhookEvent::type)
          .containsOnly("payment_succeeded", "payment_failed").hasSize(3);
    }
  }

  private static List<String> ids(EventPage page) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (WebhookEvent e : page.events()) {
      assertThat(seen.add(e.eventId())).isTrue();
      out.add(e.eventId());
    }
    return out;
  }
}
