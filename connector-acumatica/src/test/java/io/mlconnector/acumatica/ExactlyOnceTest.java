package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.JournalLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.testkit.http.Fault;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Without an idempotency key, exactly-once rests on the engine's PENDING intent and find-by-stamp:
 * whatever answer is lost after Acumatica committed (the PUT, the release), find-by-stamp finds the
 * record, finishes its release, hands back the operation key, and the money is posted once.
 */
class ExactlyOnceTest {
  private final Fixture fx = new Fixture();
  private final AcumaticaClient client = fx.client();
  private final AcumaticaLedger ledger = AcumaticaLedger.builder(client).payments("STRIPE", "10200")
      .accounts("10200", "40000", "40000").build();

  @AfterEach
  void close() {
    fx.close();
  }

  private Payment payment(String id, String invoice, String amount) {
    Money m = Money.of(amount, "USD");
    return Payment.builder().ref(ExternalRef.of("stripe", "acme", "payment", id)).version("1")
        .direction(Payment.Direction.RECEIVED).status(Payment.Status.SUCCEEDED).method(Payment.Method.CARD)
        .amount(m).date(LocalDate.of(2024, 6, 30)).reference(id)
        .apply(AcumaticaRefs.invoice("acme", "C001", "Invoice", invoice), m).build();
  }

  private void loseNext(String method, String pathEnd) {
    fx.sim.faults().exempt(r -> !(r.method().equals(method) && r.path().endsWith(pathEnd)));
    fx.sim.faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);
  }

  @Test
  void aLostAnswerToThePutIsResolvedByReleasingThePaymentFoundByItsStamp() {
    fx.sim.addCustomer("C001", "Acme", "USD");
    String inv = fx.sim.addReleasedInvoice("C001", "Work", new BigDecimal("100.00"));
    Payment p = payment("pi_put", inv, "100.00");
    WriteContext ctx = new WriteContext("acme", "stripe-payments", "op-1", p.ref(), "1");
    loseNext("PUT", "/Payment");

    assertThatThrownBy(() -> ledger.payments().create(p, ctx)).isInstanceOf(ConnectorException.class)
        .satisfies(e -> assertThat(((ConnectorException) e).mayHaveLanded()).isTrue());
    assertThat(fx.sim.balance("SalesInvoice", "Invoice", inv)).as("not released yet").isEqualByComparingTo("100.00");

    Optional<WriteResult> found = ledger.payments().findByStamp(p.ref(), ctx);

    assertThat(found).isPresent();
    assertThat(found.get().operationKey()).isEqualTo("op-1");
    assertThat(fx.sim.records("Payment")).hasSize(1);
    assertThat(fx.sim.balance("SalesInvoice", "Invoice", inv)).isEqualByComparingTo("0");
  }

  @Test
  void aLostAnswerToTheReleaseLeavesOnePaymentReleasedOnce() {
    fx.sim.addCustomer("C001", "Acme", "USD");
    String inv = fx.sim.addReleasedInvoice("C001", "Work", new BigDecimal("100.00"));
    Payment p = payment("pi_rel", inv, "60.00");
    WriteContext ctx = new WriteContext("acme", "stripe-payments", "op-2", p.ref(), "1");
    loseNext("POST", "/Payment/ReleasePayment");

    assertThatThrownBy(() -> ledger.payments().create(p, ctx)).isInstanceOf(ConnectorException.class);
    Optional<WriteResult> found = ledger.payments().findByStamp(p.ref(), ctx);

    assertThat(found).isPresent();
    assertThat(fx.sim.records("Payment")).hasSize(1);
    assertThat(fx.sim.balance("SalesInvoice", "Invoice", inv)).isEqualByComparingTo("40.00");
  }

  @Test
  void aLostAnswerToAJournalIsAdoptedAndTheJournalPostedOnce() {
    ExternalRef fee = ExternalRef.of("stripe", "acme", "balance_transaction", "txn_1");
    JournalEntry j = new JournalEntry(fee, "1", LocalDate.of(2024, 6, 30), Money.currency("USD"), "card fee",
        "txn_1", fee, List.of(
            JournalLine.debit(ExternalRef.of("acumatica", "acme", "gl-account", "60500"), Money.of("3.20", "USD")),
            JournalLine.credit(ExternalRef.of("acumatica", "acme", "gl-account", "10200"), Money.of("3.20", "USD"))),
        null);
    WriteContext ctx = new WriteContext("acme", "stripe-fees", "op-3", fee, "1");
    loseNext("PUT", "/JournalTransaction");

    assertThatThrownBy(() -> ledger.journals().orElseThrow().create(j, ctx)).isInstanceOf(ConnectorException.class);
    Optional<WriteResult> found = ledger.journals().orElseThrow().findByStamp(fee, ctx);

    assertThat(found).isPresent();
    assertThat(found.get().operationKey()).isEqualTo("op-3");
    List<Map<String, Object>> journals = fx.sim.records("JournalTransaction");
    assertThat(journals).singleElement()
        .satisfies(r -> assertThat(((Map<?, ?>) r.get("Status")).get("value")).isEqualTo("Posted"));
  }

  @Test
  void anAmountWithMoreDecimalsThanItsCurrencyIsRefusedNotRounded() {
    fx.sim.addCustomer("C001", "Acme", "USD");
    String inv = fx.sim.addReleasedInvoice("C001", "Work", new BigDecimal("100.00"));
    Payment p = payment("pi_dec", inv, "10.005");
    WriteContext ctx = new WriteContext("acme", "stripe-payments", "op-4", p.ref(), "1");

    assertThatThrownBy(() -> ledger.payments().create(p, ctx))
        .hasMessageContaining("10.005 USD has more decimals than USD takes (2)");
    assertThat(fx.sim.records("Payment")).isEmpty();
  }
}
