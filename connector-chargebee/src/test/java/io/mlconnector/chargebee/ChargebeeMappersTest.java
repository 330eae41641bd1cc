package io.mlconnector.chargebee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.contracts.TestMappingContext;
import io.mlconnector.core.mapping.MappingDeferredException;
import io.mlconnector.core.mapping.MappingRefusedException;
import io.mlconnector.core.model.Address;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default mappers: ids, charges in minor units, po_number, refusals with reasons. */
class ChargebeeMappersTest {
  private static final ExternalRef C1 = ExternalRef.of("syspro", "acme", "customer", "0000001");
  private static final ExternalRef CB1 = ExternalRef.of("chargebee", "acme", "customer", "0000001");
  private static final ExternalRef INV = ExternalRef.of("syspro", "acme", "ar-invoice", "0000001|100234|I");

  private static TestMappingContext ctx() {
    return new TestMappingContext("acme", "chargebee").map(C1, CB1);
  }

  private static Invoice.Builder invoice() {
    return Invoice.builder().ref(INV).version("1").customer(C1).number("100234").status(Invoice.Status.OPEN)
        .issueDate(LocalDate.of(2026, 11, 1)).currency("JPY");
  }

  @Test
  void customersKeepTheErpCodeAndRefuseCodesChargebeeWouldNotTake() {
    Customer c = Customer.builder().ref(C1).version("1").name("Tokyo Trading").email("ap@tokyo.test")
        .billingAddress(new Address(List.of("1-2-3 Ginza", "Chuo-ku", "Floor 4"), "Tokyo", null, "104-0061", "JP"))
        .currency("JPY").taxId("T123").build();
    ChargebeeCustomerRequest r = ChargebeeMappers.customer(ChargebeeCollectorOptions.defaults().withCustomerIdPrefix("sys-"))
        .map(c, ctx().source(C1));
    assertThat(r.customerId()).isEqualTo("sys-0000001");
    assertThat(r.address().line3()).isEqualTo("Floor 4");
    assertThat(r.vatNumber()).isEqualTo("T123");
    Customer spaced = c.toBuilder().ref(C1.withId("ACME 01")).build();
    assertThatThrownBy(() -> ChargebeeMappers.customer(ChargebeeCollectorOptions.defaults()).map(spaced, ctx()))
        .isInstanceOf(MappingRefusedException.class).hasMessageContaining("ACME 01");
  }

  @Test
  void linesBecomeChargesInMinorUnitsWithTaxAndThePoNumberRule() {
    Invoice inv = invoice()
        .addLine(InvoiceLine.builder().number(1).description("Tea").amount(Money.of("1200", "JPY"))
            .taxAmount(Money.of("120", "JPY")).taxCode("C").build())
        .addLine(InvoiceLine.of(2, "Free sample", Money.of("0", "JPY")))
        .build();
    ChargebeeInvoiceRequest r = ChargebeeMappers.invoice(ChargebeeCollectorOptions.defaults()
        .withPoNumber(ref -> ref.id().split("\\|")[1])).map(inv, ctx().source(INV));
    assertThat(r.customerId()).isEqualTo("0000001");
    assertThat(r.poNumber()).isEqualTo("100234");
    assertThat(r.charges()).containsExactly(new ChargebeeInvoiceRequest.Charge("Tea", 1200),
        new ChargebeeInvoiceRequest.Charge("Tax C (line 1)", 120));
    assertThat(r.total()).isEqualTo(1320);
  }

  @Test
  void refusalsAndDeferralsSayWhy() {
    ChargebeeCollectorOptions o = ChargebeeCollectorOptions.defaults();
    Invoice negative = invoice().addLine(InvoiceLine.of(1, "Goods", Money.of("500", "JPY")))
        .addLine(InvoiceLine.of(2, "Discount", Money.of("-100", "JPY"))).build();
    assertThatThrownBy(() -> ChargebeeMappers.invoice(o).map(negative, ctx()))
        .isInstanceOf(MappingRefusedException.class).hasMessageContaining("negative");
    Invoice draft = invoice().status(Invoice.Status.DRAFT).addLine(InvoiceLine.of(1, "Goods", Money.of("5", "JPY"))).build();
    assertThatThrownBy(() -> ChargebeeMappers.invoice(o).map(draft, ctx())).hasMessageContaining("draft");
    Invoice orphan = invoice().addLine(InvoiceLine.of(1, "Goods", Money.of("5", "JPY"))).build();
    assertThatThrownBy(() -> ChargebeeMappers.invoice(o).map(orphan, new TestMappingContext("acme", "chargebee")))
        .isInstanceOf(MappingDeferredException.class);
    Invoice mixed = invoice().addLine(InvoiceLine.builder().number(1).itemCode("SUP").description("Support")
            .quantity("2").unitPrice(Money.of("100", "JPY")).amount(Money.of("200", "JPY")).build())
        .addLine(InvoiceLine.of(2, "Setup", Money.of("50", "JPY"))).build();
    TestMappingContext withPrice = ctx().reference(ChargebeeMappers.TABLE, "item_price.SUP", "support-JPY");
    assertThatThrownBy(() -> ChargebeeMappers.invoice(o.withBillingModel(
            ChargebeeCollectorOptions.BillingModel.SUBSCRIPTION_ITEMS)).map(mixed, withPrice))
        .isInstanceOf(MappingRefusedException.class).hasMessageContaining("mixes recurring");
    // under ad-hoc charges the same invoice is two charges
    assertThat(ChargebeeMappers.invoice(o).map(mixed, withPrice).charges()).hasSize(2);
    Invoice cancelled = invoice().status(Invoice.Status.CANCELLED).addLine(InvoiceLine.of(1, "Goods", Money.of("5", "JPY"))).build();
    assertThat(ChargebeeMappers.invoice(o).map(cancelled, ctx()).cancelled()).isTrue();
  }
}
