package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Refunds and disputes become released GL batches on the tenant's accounts; a won dispute is reversed once. */
class RefundAndDisputeJournalTest {
  private final Fixture fx = new Fixture();
  private final AcumaticaLedger ledger = AcumaticaLedger.builder(fx.client()).payments("STRIPE", "10200")
      .accounts("10200", "40000", "60500").build();
  private final ExternalRef invoice = AcumaticaRefs.invoice("acme", "C001", "Invoice", "INV000001");

  @AfterEach
  void close() {
    fx.close();
  }

  private Dispute dispute(Dispute.Status status) {
    ExternalRef ref = ExternalRef.of("stripe", "acme", "dispute", "dp_1");
    return new Dispute(ref, status.name(), ExternalRef.of("stripe", "acme", "payment", "pi_1"), null, invoice, status,
        Dispute.Reason.FRAUDULENT, "fraudulent", Money.of("25.00", "USD"), LocalDate.of(2024, 7, 1), null, null);
  }

  private List<Map<String, Object>> lines(String account) {
    return fx.sim.records("JournalTransaction").stream()
        .flatMap(j -> ((List<?>) j.get("Details")).stream().map(l -> (Map<String, Object>) l))
        .filter(l -> account.equals(((Map<?, ?>) l.get("Account")).get("value"))).toList();
  }

  @Test
  void aRefundDebitsTheRefundAccountAndCreditsClearing() {
    ExternalRef ref = ExternalRef.of("stripe", "acme", "refund", "re_1");
    Refund r = new Refund(ref, "1", ExternalRef.of("stripe", "acme", "payment", "pi_1"), null, invoice,
        Refund.Status.SUCCEEDED, Money.of("12.50", "USD"), LocalDate.of(2024, 7, 2), "requested_by_customer", "re_1", null);
    WriteResult w = ledger.refunds().create(r, new WriteContext("acme", "stripe-refunds", "op-r", ref, "1"));

    assertThat(w.target().type()).isEqualTo(AcumaticaRefs.GL_BATCH);
    assertThat(lines("40000")).singleElement().satisfies(l -> assertThat(((Map<?, ?>) l.get("DebitAmount")).get("value").toString()).isEqualTo("12.50"));
    assertThat(lines("10200")).singleElement().satisfies(l -> assertThat(((Map<?, ?>) l.get("CreditAmount")).get("value").toString()).isEqualTo("12.50"));
    assertThat(fx.sim.records("JournalTransaction")).singleElement()
        .satisfies(j -> assertThat(((Map<?, ?>) j.get("Description")).get("value").toString())
            .startsWith("[" + AcumaticaRefs.stamp(ref) + "] Stripe refund re_1 of invoice INV000001"));
  }

  @Test
  void aWonDisputeIsReversedOnceHoweverOftenItIsUpdated() {
    Dispute open = dispute(Dispute.Status.NEEDS_RESPONSE);
    WriteContext ctx = new WriteContext("acme", "stripe-disputes", "op-d", open.ref(), "1");
    WriteResult w = ledger.disputes().create(open, ctx);
    ledger.disputes().update(w.target(), dispute(Dispute.Status.WON), ctx);
    ledger.disputes().update(w.target(), dispute(Dispute.Status.WON), ctx);

    assertThat(fx.sim.records("JournalTransaction")).hasSize(2);
    assertThat(lines("60500")).hasSize(2); // withdrawn, then reinstated
  }

  @Test
  void anInquiryMovesNoFundsAndIsRefused() {
    Dispute inquiry = dispute(Dispute.Status.INQUIRY);
    assertThatThrownBy(() -> ledger.disputes().create(inquiry,
        new WriteContext("acme", "stripe-disputes", "op-i", inquiry.ref(), "1")))
        .hasMessageContaining("no funds were withdrawn");
  }
}
