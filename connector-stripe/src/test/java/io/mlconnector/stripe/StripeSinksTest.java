package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.ConflictException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StripeSinksTest {
  private final StripeSimulator sim = Sim.start();
  private final StripeConnector stripe = StripeConnector.create(Sim.config(sim).maxNetworkRetries(0).build());
  private final StripeCustomerSink customers = new StripeCustomerSink(stripe);
  private final StripeInvoiceSink invoices = new StripeInvoiceSink(stripe);

  private static final ExternalRef ERP_CUSTOMER = ExternalRef.of("syspro", "acme", "customer", "C100");
  private static final ExternalRef ERP_INVOICE = ExternalRef.of("syspro", "acme", "invoice", "100234");

  @AfterEach
  void stop() {
    sim.close();
  }

  private static WriteContext context(ExternalRef source, String version, String op) {
    return new WriteContext("acme", "flow", op, source, version);
  }

  private String customer() {
    return customers
        .create(StripeCustomerRequest.of(ERP_CUSTOMER.key(), "v1", "Acme"), context(ERP_CUSTOMER, "v1", "op-c1"))
        .target()
        .id();
  }

  private StripeInvoiceRequest invoice(String customerId, String version, String amount) {
    return new StripeInvoiceRequest(
        ERP_INVOICE.key(), version, customerId, "usd", 30, null, List.of(StripeInvoiceLine.of("Work", Money.of(amount, "USD"))), Map.of());
  }

  @Test
  void theCustomerSinkStampsTheOperationAndFindsItAgain() {
    WriteResult created =
        customers.create(StripeCustomerRequest.of(ERP_CUSTOMER.key(), "v1", "Acme"), context(ERP_CUSTOMER, "v1", "op-c1"));

    assertThat(created.target()).isEqualTo(ExternalRef.of("stripe", "acme", "customer", created.target().id()));
    assertThat(created.operationKey()).isEqualTo("op-c1");
    Optional<WriteResult> found = customers.findByStamp(ERP_CUSTOMER, context(ERP_CUSTOMER, "v1", "op-c1"));
    assertThat(found).map(WriteResult::target).contains(created.target());
    assertThat(found).map(WriteResult::operationKey).contains("op-c1");

    WriteResult updated =
        customers.update(created.target(), StripeCustomerRequest.of(ERP_CUSTOMER.key(), "v2", "Acme Ltd"), context(ERP_CUSTOMER, "v2", "op-c2"));
    assertThat(updated.operationKey()).isEqualTo("op-c2");
    assertThat(stripe.retrieveCustomer(created.target().id()).name()).isEqualTo("Acme Ltd");
    assertThat(customers.findByStamp(ExternalRef.of("syspro", "acme", "customer", "OTHER"), context(ERP_CUSTOMER, "v1", "x"))).isEmpty();
  }

  @Test
  void theCustomerSinkReadsTheCustomerBackForReconciliation() {
    StripeCustomerRequest written =
        new StripeCustomerRequest(ERP_CUSTOMER.key(), "v1", "Acme", "ap@acme.test", "+27 21 555 0100",
            new StripeAddress("1 Main St", null, "Cape Town", "WC", "8001", "ZA"), "en", Map.of("segment", "wholesale"));
    WriteResult created = customers.create(written, context(ERP_CUSTOMER, "v1", "op-c1"));

    assertThat(customers.read(created.target())).contains(written);
    assertThat(customers.read(ExternalRef.of("stripe", "acme", "customer", "cus_missing"))).isEmpty();
  }

  @Test
  void aRecordStampedForAnotherSourceIsRefused() {
    assertThatThrownBy(
            () -> customers.create(StripeCustomerRequest.of("syspro:customer:OTHER", "v1", "X"), context(ERP_CUSTOMER, "v1", "op")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("syspro:customer:OTHER")
        .hasMessageContaining("syspro:customer:C100");
  }

  @Test
  void theInvoiceSinkKeepsNumberAndHostedUrlAsMappingAttributes() {
    WriteResult r = invoices.create(invoice(customer(), "v1", "10.00"), context(ERP_INVOICE, "v1", "op-i1"));

    assertThat(r.target().type()).isEqualTo("invoice");
    assertThat(r.attributes()).containsKeys(StripeInvoiceSink.ATTR_NUMBER, StripeInvoiceSink.ATTR_HOSTED_URL).containsEntry("status", "open");
    assertThat(r.operationKey()).isEqualTo("op-i1");
  }

  @Test
  void aReissueKeepsTheFirstInvoiceAsTargetAndNamesTheCurrentOne() {
    String customerId = customer();
    WriteResult first = invoices.create(invoice(customerId, "v1", "10.00"), context(ERP_INVOICE, "v1", "op-i1"));
    assertThat(first.attributes()).containsEntry(StripeInvoiceSink.ATTR_INVOICE, first.target().id());

    WriteResult second = invoices.update(first.target(), invoice(customerId, "v2", "12.00"), context(ERP_INVOICE, "v2", "op-i2"));
    String current = second.attributes().get(StripeInvoiceSink.ATTR_INVOICE);

    assertThat(second.target()).isEqualTo(first.target());
    assertThat(current).isNotEqualTo(first.target().id());
    assertThat(second.attributes()).containsEntry(StripeInvoiceSink.ATTR_REPLACES, first.target().id()).containsEntry("status", "open");
    assertThat(second.operationKey()).isEqualTo("op-i2");
    assertThat(stripe.retrieveInvoice(current).originalId()).isEqualTo(first.target().id());
    assertThat(invoices.findByStamp(ERP_INVOICE, context(ERP_INVOICE, "v2", "op-i2")).map(WriteResult::target)).contains(first.target());

    // a second change re-issues the current one and still reports the first as target
    WriteResult third = invoices.update(first.target(), invoice(customerId, "v3", "13.00"), context(ERP_INVOICE, "v3", "op-i3"));
    assertThat(third.target()).isEqualTo(first.target());
    assertThat(third.attributes()).containsEntry(StripeInvoiceSink.ATTR_REPLACES, current);
    assertThat(stripe.retrieveInvoice(third.attributes().get(StripeInvoiceSink.ATTR_INVOICE)).total()).isEqualTo(1300);
    assertThat(stripe.currentInvoice(first.target().id()).id()).isEqualTo(third.attributes().get(StripeInvoiceSink.ATTR_INVOICE));
  }

  @Test
  void aCancelledInvoiceIsVoidedAndAPaidOneIsAConflict() {
    String customerId = customer();
    WriteResult open = invoices.create(invoice(customerId, "v1", "10.00"), context(ERP_INVOICE, "v1", "op-i1"));

    WriteResult voided = invoices.update(open.target(), invoice(customerId, "v2", "10.00").asCancelled(), context(ERP_INVOICE, "v2", "op-i2"));
    assertThat(voided.attributes()).containsEntry("status", "void");

    ExternalRef other = ExternalRef.of("syspro", "acme", "invoice", "100235");
    StripeInvoiceRequest paidRequest =
        new StripeInvoiceRequest(other.key(), "v1", customerId, "usd", 30, null, List.of(StripeInvoiceLine.of("W", Money.of("5.00", "USD"))), Map.of());
    WriteResult paid = invoices.create(paidRequest, context(other, "v1", "op-p1"));
    sim.payInvoice(paid.target().id());
    assertThatThrownBy(() -> invoices.update(paid.target(), paidRequest.asCancelled(), context(other, "v2", "op-p2")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> invoices.create(paidRequest.asCancelled(), context(other, "v1", "op-p3")))
        .isInstanceOf(RejectedException.class)
        .hasMessageContaining("cancelled in the ERP before it was issued");
  }

  @Test
  void aDraftLeftByTheSameOperationIsNotFoundSoTheWriteIsRepeatedAndCompletes() {
    String customerId = customer();
    sim.faults().random(1.0, Fault.SERVER_ERROR, r -> r.path().endsWith("/finalize") || r.path().endsWith("/send"));
    assertThatThrownBy(() -> invoices.create(invoice(customerId, "v1", "10.00"), context(ERP_INVOICE, "v1", "op-i1")))
        .isInstanceOf(TransientException.class);
    sim.faults().reset();

    assertThat(invoices.findByStamp(ERP_INVOICE, context(ERP_INVOICE, "v1", "op-i1"))).isEmpty();
    WriteResult again = invoices.create(invoice(customerId, "v1", "10.00"), context(ERP_INVOICE, "v1", "op-i1"));

    assertThat(again.attributes()).containsEntry("status", "open");
    assertThat(sim.countWithMetadata("invoice", StripeMetadata.SOURCE_REF, ERP_INVOICE.key())).isEqualTo(1);
  }

  @Test
  void aDraftLeftByAnEarlierOperationIsFoundForTheEngineToUpdate() {
    String customerId = customer();
    sim.faults().random(1.0, Fault.SERVER_ERROR, r -> r.path().endsWith("/finalize") || r.path().endsWith("/send"));
    assertThatThrownBy(() -> invoices.create(invoice(customerId, "v1", "10.00"), context(ERP_INVOICE, "v1", "op-i1")))
        .isInstanceOf(TransientException.class);
    sim.faults().reset();

    Optional<WriteResult> found = invoices.findByStamp(ERP_INVOICE, context(ERP_INVOICE, "v2", "op-i2"));
    assertThat(found).isPresent();
    assertThat(found.get().operationKey()).isEqualTo("op-i1");
    assertThat(found.get().attributes()).containsEntry("status", "draft");

    WriteResult updated = invoices.update(found.get().target(), invoice(customerId, "v2", "11.00"), context(ERP_INVOICE, "v2", "op-i2"));
    assertThat(updated.target()).isEqualTo(found.get().target());
    assertThat(updated.attributes()).containsEntry("status", "open");
    assertThat(stripe.retrieveInvoice(updated.target().id()).total()).isEqualTo(1100);
  }

  @Test
  void aDraftLeftWithoutLinesIsFinishedOnceAfterStripeForgotItsIdempotencyKeys() {
    String customerId = customer();
    sim.faults().random(1.0, Fault.SERVER_ERROR, r -> r.path().endsWith("/add_lines"));
    assertThatThrownBy(() -> invoices.create(invoice(customerId, "v1", "30.00"), context(ERP_INVOICE, "v1", "op-i7")))
        .isInstanceOf(TransientException.class);
    sim.faults().reset();
    // the engine comes back after more than a day: Stripe has dropped the keys of the first attempt
    sim.advanceClock(java.time.Duration.ofHours(25));

    assertThat(invoices.findByStamp(ERP_INVOICE, context(ERP_INVOICE, "v1", "op-i7"))).isEmpty();
    WriteResult r = invoices.create(invoice(customerId, "v1", "30.00"), context(ERP_INVOICE, "v1", "op-i7"));

    assertThat(r.attributes()).containsEntry("status", "open");
    assertThat(sim.countWithMetadata("invoice", StripeMetadata.SOURCE_REF, ERP_INVOICE.key())).isEqualTo(1);
    assertThat(stripe.retrieveInvoice(r.target().id()).total()).isEqualTo(3000);
  }

  @Test
  void aDraftWhoseLinesWereAddedIsNotGivenThemTwiceAfterADay() {
    String customerId = customer();
    // the lines are added, but the answer is lost; the send never happens
    sim.faults().random(1.0, Fault.RESPONSE_LOST_AFTER_COMMIT, r -> r.path().endsWith("/add_lines"));
    assertThatThrownBy(() -> invoices.create(invoice(customerId, "v1", "30.00"), context(ERP_INVOICE, "v1", "op-i8")))
        .isInstanceOf(TransientException.class);
    sim.faults().reset();
    sim.advanceClock(java.time.Duration.ofHours(25));

    assertThat(invoices.findByStamp(ERP_INVOICE, context(ERP_INVOICE, "v1", "op-i8"))).isEmpty();
    WriteResult r = invoices.create(invoice(customerId, "v1", "30.00"), context(ERP_INVOICE, "v1", "op-i8"));

    assertThat(r.attributes()).containsEntry("status", "open");
    assertThat(sim.countWithMetadata("invoice", StripeMetadata.SOURCE_REF, ERP_INVOICE.key())).isEqualTo(1);
    assertThat(stripe.retrieveInvoice(r.target().id()).total()).isEqualTo(3000);
  }
}
