package io.mlconnector.testkit.stripe;

import static io.mlconnector.testkit.stripe.StripeTestSupport.client;
import static io.mlconnector.testkit.stripe.StripeTestSupport.customer;
import static io.mlconnector.testkit.stripe.StripeTestSupport.draftInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeSearchResult;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.InvoiceRetrieveParams;
import com.stripe.param.InvoiceUpdateParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** stripe-java drives customers and the invoice lifecycle against the simulator. */
class StripeSimulatorInvoicingTest {
  private final StripeSimulator sim = StripeSimulator.builder()
      .searchIndexingDelay(Duration.ofSeconds(30))
      .build();
  private final StripeClient stripe = client(sim);

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void customersAreCreatedUpdatedAndFoundByMetadataOnceIndexed() throws Exception {
    Customer created = customer(stripe, "C-100");
    assertThat(created.getId()).startsWith("cus_");
    assertThat(created.getMetadata()).containsEntry("erp_ref", "C-100");
    assertThat(created.getLivemode()).isFalse();

    Customer updated = stripe.v1().customers().update(created.getId(), CustomerUpdateParams.builder()
        .setName("Renamed").putMetadata("erp_ref", "C-100").putMetadata("note", "x").build());
    assertThat(updated.getName()).isEqualTo("Renamed");
    assertThat(updated.getMetadata()).containsEntry("note", "x");
    // an empty value unsets a key
    updated = stripe.v1().customers().update(created.getId(), CustomerUpdateParams.builder()
        .putMetadata("note", "").build());
    assertThat(updated.getMetadata()).doesNotContainKey("note").containsEntry("erp_ref", "C-100");

    CustomerSearchParams query = CustomerSearchParams.builder().setQuery("metadata['erp_ref']:'C-100'").build();
    StripeSearchResult<Customer> early = stripe.v1().customers().search(query);
    assertThat(early.getData()).as("search is eventually consistent").isEmpty();

    sim.advanceClock(Duration.ofSeconds(31));
    StripeSearchResult<Customer> found = stripe.v1().customers().search(query);
    assertThat(found.getData()).extracting(Customer::getId).containsExactly(created.getId());
    assertThat(found.getObject()).isEqualTo("search_result");

    assertThat(stripe.v1().customers().retrieve(created.getId()).getEmail()).isEqualTo("c-100@example.com");
    Customer deleted = stripe.v1().customers().delete(created.getId());
    assertThat(deleted.getDeleted()).isTrue();
    assertThat(stripe.v1().customers().retrieve(created.getId()).getDeleted()).isTrue();
  }

  @Test
  void draftInvoiceWithItemsIsFinalizedSentAndRetrieved() throws Exception {
    Customer c = customer(stripe, "C-1");
    Invoice draft = draftInvoice(stripe, c.getId(), "INV-1");
    assertThat(draft.getStatus()).isEqualTo("draft");
    assertThat(draft.getCollectionMethod()).isEqualTo("send_invoice");
    assertThat(draft.getDueDate()).isEqualTo(draft.getCreated() + 30 * 86400);
    assertThat(draft.getNumber()).isNull();
    assertThat(draft.getHostedInvoiceUrl()).isNull();
    assertThat(draft.getTotal()).isEqualTo(6500L);
    assertThat(draft.getAmountDue()).isEqualTo(6500L);
    assertThat(draft.getLines().getData()).extracting(InvoiceLineItem::getAmount).containsExactly(2500L, 4000L);
    assertThat(draft.getLines().getData().get(0).getDescription()).isEqualTo("Widget");

    Invoice open = stripe.v1().invoices().finalizeInvoice(draft.getId());
    assertThat(open.getStatus()).isEqualTo("open");
    assertThat(open.getNumber()).isEqualTo(c.getInvoicePrefix() + "-0001");
    assertThat(open.getHostedInvoiceUrl()).startsWith("https://invoice.stripe.com/i/");
    assertThat(open.getStatusTransitions().getFinalizedAt()).isNotNull();

    Invoice sent = stripe.v1().invoices().sendInvoice(draft.getId());
    assertThat(sent.getStatus()).isEqualTo("open");
    assertThat(sim.events()).extracting(e -> e.get("type"))
        .contains("invoice.created", "invoice.finalized", "invoice.sent");

    Invoice second = stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, c.getId(), "INV-2").getId());
    assertThat(second.getNumber()).as("per-customer sequence").isEqualTo(c.getInvoicePrefix() + "-0002");

    Invoice expanded = stripe.v1().invoices().retrieve(open.getId(),
        InvoiceRetrieveParams.builder().addExpand("customer").build());
    assertThat(expanded.getCustomerObject().getId()).isEqualTo(c.getId());
    assertThat(sim.countWithMetadata("invoice", "erp_ref", "INV-1")).isEqualTo(1);
  }

  @Test
  void draftsAcceptEditsAndItemsButFinalizedInvoicesDoNot() throws Exception {
    Customer c = customer(stripe, "C-2");
    Invoice draft = draftInvoice(stripe, c.getId(), "INV-3");
    Invoice edited = stripe.v1().invoices().update(draft.getId(),
        InvoiceUpdateParams.builder().setDescription("Order 42").setDaysUntilDue(10L).build());
    assertThat(edited.getDescription()).isEqualTo("Order 42");
    assertThat(edited.getDueDate()).isEqualTo(draft.getCreated() + 10 * 86400);
    assertThatThrownBy(() -> stripe.v1().invoices().update(draft.getId(),
        InvoiceUpdateParams.builder().setDescription("lost").setDaysUntilDue(-1L).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getParam()).isEqualTo("days_until_due"));
    assertThat(stripe.v1().invoices().retrieve(draft.getId()).getDescription())
        .as("a rejected update changes nothing").isEqualTo("Order 42");

    stripe.v1().invoices().finalizeInvoice(draft.getId());
    InvalidRequestException addItem = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
            .setCustomer(c.getId()).setInvoice(draft.getId()).setAmount(100L).build()));
    assertThat(addItem.getStatusCode()).isEqualTo(400);
    assertThat(addItem.getCode()).isEqualTo("invoice_not_editable");
    assertThat(addItem.getRequestId()).startsWith("req_");

    assertThatThrownBy(() -> stripe.v1().invoices().update(draft.getId(),
        InvoiceUpdateParams.builder().setCollectionMethod(InvoiceUpdateParams.CollectionMethod.CHARGE_AUTOMATICALLY)
            .build()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("collection_method");
    assertThatThrownBy(() -> stripe.v1().invoices().delete(draft.getId()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("draft");
  }

  @Test
  void stateMachineRejectsWrongTransitions() throws Exception {
    Customer c = customer(stripe, "C-3");
    Invoice draft = draftInvoice(stripe, c.getId(), "INV-4");
    assertThatThrownBy(() -> stripe.v1().invoices().voidInvoice(draft.getId()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(400);
          assertThat(e.getCode()).isEqualTo("invoice_not_editable");
          assertThat(e.getMessage()).contains("draft");
        });
    assertThatThrownBy(() -> stripe.v1().invoices().markUncollectible(draft.getId()))
        .isInstanceOf(InvalidRequestException.class);

    stripe.v1().invoices().finalizeInvoice(draft.getId());
    assertThatThrownBy(() -> stripe.v1().invoices().finalizeInvoice(draft.getId()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("already finalized");

    Invoice uncollectible = stripe.v1().invoices().markUncollectible(draft.getId());
    assertThat(uncollectible.getStatus()).isEqualTo("uncollectible");
    assertThat(uncollectible.getStatusTransitions().getMarkedUncollectibleAt()).isNotNull();
    Invoice paid = stripe.v1().invoices().pay(draft.getId(), InvoicePayParams.builder().setPaidOutOfBand(true).build());
    assertThat(paid.getStatus()).isEqualTo("paid");
    assertThat(paid.getAmountPaid()).isEqualTo(6500L);
    assertThat(paid.getAmountRemaining()).isZero();
    Invoice withOob = stripe.v1().invoices().retrieve(draft.getId(),
        InvoiceRetrieveParams.builder().addExpand("amount_paid_off_stripe").build());
    assertThat(withOob.getAmountPaidOffStripe()).isEqualTo(6500L);
    assertThat(stripe.v1().invoices().retrieve(draft.getId()).getAmountPaidOffStripe())
        .as("includable field absent unless expanded").isNull();

    // paid is terminal
    assertThatThrownBy(() -> stripe.v1().invoices().voidInvoice(draft.getId()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("paid");
    assertThatThrownBy(() -> stripe.v1().invoices().pay(draft.getId(),
        InvoicePayParams.builder().setPaidOutOfBand(true).build()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("paid");

    Invoice other = stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, c.getId(), "INV-5").getId());
    Invoice voided = stripe.v1().invoices().voidInvoice(other.getId());
    assertThat(voided.getStatus()).isEqualTo("void");
    assertThat(voided.getStatusTransitions().getVoidedAt()).isNotNull();
    assertThatThrownBy(() -> stripe.v1().invoices().markUncollectible(other.getId()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("void");
    assertThatThrownBy(() -> sim.payInvoice(other.getId())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void autoAdvanceDraftsFinalizeAboutAnHourLater() throws Exception {
    Customer c = customer(stripe, "C-7");
    Invoice draft = draftInvoice(stripe, c.getId(), "INV-7");
    Invoice auto = stripe.v1().invoices().update(draft.getId(), InvoiceUpdateParams.builder().setAutoAdvance(true)
        .build());
    assertThat(auto.getAutomaticallyFinalizesAt()).isEqualTo(draft.getCreated() + 3600);
    sim.advanceClock(Duration.ofMinutes(30));
    assertThat(stripe.v1().invoices().retrieve(draft.getId()).getStatus()).isEqualTo("draft");
    sim.advanceClock(Duration.ofMinutes(31));
    Invoice open = stripe.v1().invoices().retrieve(draft.getId());
    assertThat(open.getStatus()).isEqualTo("open");
    assertThat(open.getNumber()).isNotNull();
  }

  @Test
  void badParametersGetStripesParameterErrors() throws Exception {
    assertThatThrownBy(() -> stripe.v1().invoices().create(InvoiceCreateParams.builder()
        .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(3L).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getCode()).isEqualTo("parameter_missing");
          assertThat(e.getParam()).isEqualTo("customer");
        });
    assertThatThrownBy(() -> stripe.v1().invoices().create(InvoiceCreateParams.builder()
        .setCustomer("cus_missing").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getCode()).isEqualTo("resource_missing");
          assertThat(e.getParam()).isEqualTo("customer");
          assertThat(e.getMessage()).contains("No such customer: 'cus_missing'");
        });
    Customer c = customer(stripe, "C-4");
    assertThatThrownBy(() -> stripe.v1().invoices().create(InvoiceCreateParams.builder()
        .setCustomer(c.getId()).setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getParam()).isEqualTo("days_until_due"));
    assertThatThrownBy(() -> stripe.v1().invoices().retrieve("in_nope"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(404);
          assertThat(e.getCode()).isEqualTo("resource_missing");
        });
    assertThatThrownBy(() -> stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
        .setCustomer(c.getId()).setPriceData(InvoiceItemCreateParams.PriceData.builder()
            .setCurrency("usd").setUnitAmount(100L).build()).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getParam()).isEqualTo("price_data[product]"));
  }

  @Test
  void invoicesListNewestFirstWithFiltersAndAutoPaging() throws Exception {
    Customer a = customer(stripe, "C-5");
    Customer b = customer(stripe, "C-6");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(a.getId()).build()).getId());
    }
    stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(b.getId()).build());
    stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
        .setCustomer(a.getId()).setInvoice(created.get(0)).setAmount(900L).build());
    stripe.v1().invoices().finalizeInvoice(created.get(0));
    Invoice empty = stripe.v1().invoices().finalizeInvoice(created.get(1));
    assertThat(empty.getStatus()).as("a zero invoice is paid at finalization").isEqualTo("paid");

    StripeCollection<Invoice> page = stripe.v1().invoices().list(
        InvoiceListParams.builder().setCustomer(a.getId()).setLimit(2L).build());
    assertThat(page.getHasMore()).isTrue();
    assertThat(page.getUrl()).isEqualTo("/v1/invoices");
    assertThat(page.getData()).extracting(Invoice::getId).containsExactly(created.get(4), created.get(3));

    List<String> all = new ArrayList<>();
    for (Invoice inv : page.autoPagingIterable()) {
      all.add(inv.getId());
    }
    List<String> newestFirst = new ArrayList<>(created);
    Collections.reverse(newestFirst);
    assertThat(all).containsExactlyElementsOf(newestFirst);

    StripeCollection<Invoice> open = stripe.v1().invoices().list(
        InvoiceListParams.builder().setStatus(InvoiceListParams.Status.OPEN).build());
    assertThat(open.getData()).extracting(Invoice::getId).containsExactly(created.get(0));

    InvoiceItem pending = stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
        .setCustomer(b.getId()).setAmount(700L).setCurrency("usd").build());
    assertThat(pending.getInvoice()).isNull();
    Invoice swept = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(b.getId())
        .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE).build());
    assertThat(swept.getTotal()).isEqualTo(700L);
  }
}
