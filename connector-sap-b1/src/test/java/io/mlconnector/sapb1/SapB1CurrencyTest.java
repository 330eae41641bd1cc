package io.mlconnector.sapb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.mapping.MappingRefusedException;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.WriteContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed Currencies on both versions, and the ledger's B1 code to ISO 4217 resolution from them. */
class SapB1CurrencyTest {

  private static SimFixture fixture() {
    // SF: ISO code only in DocumentsCode; DM: no ISO code anywhere; US$: ISO in InternationalDescription
    return new SimFixture(b -> b.currency("SF", "Swiss franc", "CHF", "Franken").currency("DM", "Deutsche Mark", "DM", "D-Mark")
        .currency("US$", "US Dollar (old)", "$", "USD").exchangeRate("SF", 1.1).exchangeRate("DM", 0.55));
  }

  private static WriteContext ctx(ExternalRef source) {
    return new WriteContext("acme", "flow", "op-" + source.id(), source, "1");
  }

  private static Payment payment(String id, long docEntry, String amount, String currency) {
    return Payment.builder().ref(ExternalRef.of("stripe", "acme", "payment", id)).version("1")
        .direction(Payment.Direction.RECEIVED).status(Payment.Status.SUCCEEDED).method(Payment.Method.CARD)
        .amount(Money.of(amount, currency)).date(LocalDate.of(2026, 3, 3))
        .apply(SapB1Refs.invoice("acme", docEntry), Money.of(amount, currency)).build();
  }

  @ParameterizedTest(name = "v2={0}")
  @ValueSource(booleans = {false, true})
  void theClientListsCurrenciesOverSeveralPagesAndGetsOneByCode(boolean v2) {
    try (SimFixture f = fixture();
        SapB1Client b1 = SapB1Client.create(f.transport, f.config(v2).pageSize(2).build())) {
      List<B1Currency> all = b1.currencies();
      assertThat(all).extracting(B1Currency::code).containsExactly("DM", "EUR", "GBP", "SF", "US$", "USD");
      B1Currency usd = b1.currency("US$").orElseThrow();
      assertThat(usd.name()).isEqualTo("US Dollar (old)");
      assertThat(usd.documentsCode()).isEqualTo("$");
      assertThat(usd.internationalDescription()).isEqualTo("USD");
      assertThat(usd.decimals()).isEqualTo("cdDefault");
      assertThat(usd.rounding()).isEqualTo("rsNoRounding");
      assertThat(usd.roundingInPayment()).isFalse();
      assertThat(usd.iso()).hasValueSatisfying(c -> assertThat(c.getCurrencyCode()).isEqualTo("USD"));
      assertThat(b1.currency("SF").orElseThrow().iso().orElseThrow().getCurrencyCode()).isEqualTo("CHF");
      assertThat(b1.currency("DM").orElseThrow().iso()).isEmpty();
      assertThat(b1.currency("ZZ")).isEmpty();
      assertThat(b1.currency("O'B")).isEmpty(); // quotes in keys are doubled, not an error
    }
  }

  @ParameterizedTest(name = "v2={0}")
  @ValueSource(booleans = {false, true})
  void theLedgerResolvesB1CodesFromTheCompanyAndPaysInTheCodeThatStandsForTheIsoCurrency(boolean v2) {
    try (SimFixture f = fixture()) {
      f.sim.addBusinessPartner(Map.of("CardCode", "C1", "CardName", "Acme", "Currency", "SF"));
      long doc = f.sim.addInvoice(Map.of("CardCode", "C1", "DocCurrency", "SF", "DocumentLines",
          List.of(Map.of("ItemCode", "A", "Quantity", 1, "Price", 100)))).get("DocEntry") instanceof Number n
          ? n.longValue() : -1;
      SapB1Ledger ledger = SapB1Ledger.of(f.client(v2));
      Customer c = ledger.customers().read(new PollRequest(null, Duration.ZERO, 10)).records().get(0);
      assertThat(c.currency().getCurrencyCode()).isEqualTo("CHF");
      Invoice inv = ledger.invoices().fetch(SapB1Refs.invoice("acme", doc)).orElseThrow();
      assertThat(inv.total()).isEqualTo(Money.of("100.00", "CHF"));

      // read once per tenant: a change of the company's currencies is not seen by this ledger
      f.sim.addCurrency("SF", "Swiss franc", "SF", "NOK");
      assertThat(ledger.invoices().fetch(SapB1Refs.invoice("acme", doc)).orElseThrow().currency().getCurrencyCode())
          .isEqualTo("CHF");

      Payment p = payment("pi_sf", doc, "40.00", "CHF");
      ledger.payments().create(p, ctx(p.ref()));
      assertThat(f.sim.all("IncomingPayments")).singleElement()
          .satisfies(m -> assertThat(m.get("DocCurrency")).isEqualTo("SF"));
    }
  }

  @ParameterizedTest(name = "v2={0}")
  @ValueSource(booleans = {false, true})
  void configurationOverridesTheCompanyAndAnUnknownOrNonIsoCodeIsAnErrorNamingIt(boolean v2) {
    try (SimFixture f = fixture()) {
      f.sim.addBusinessPartner(Map.of("CardCode", "C1", "CardName", "Mark customer", "Currency", "DM"));
      SapB1Ledger plain = SapB1Ledger.of(f.client(v2));
      // read again through the source (a replay): refused, so the engine parks it again
      assertThatThrownBy(() -> plain.customers().fetch(SapB1Refs.customer("acme", "C1")))
          .isInstanceOf(MappingRefusedException.class)
          .hasMessageContaining("currency 'DM'").hasMessageContaining("no ISO 4217 code")
          .hasMessageContaining("'D-Mark'").hasMessageContaining("SapB1Ledger.Options.currency");

      SapB1Ledger mapped = SapB1Ledger.of(f.client(v2), SapB1Ledger.Options.defaults().currency("DM", "DEM")
          .currency("US$", "CAD"));
      assertThat(mapped.customers().fetch(SapB1Refs.customer("acme", "C1")).orElseThrow().currency().getCurrencyCode())
          .isEqualTo("DEM");

      f.sim.addBusinessPartner(Map.of("CardCode", "C2", "CardName", "Nowhere", "Currency", "ZZ"));
      assertThatThrownBy(() -> mapped.customers().fetch(SapB1Refs.customer("acme", "C2")))
          .isInstanceOf(MappingRefusedException.class)
          .hasMessageContaining("currency 'ZZ' is not among the Currencies of the SAP B1 company of tenant acme");
    }
  }

  @ParameterizedTest(name = "v2={0}")
  @ValueSource(booleans = {false, true})
  void anInvoiceInACurrencyTheCompanyCannotNameIsReturnedUnreadableAndTheRestOfThePageIsRead(boolean v2) {
    try (SimFixture f = fixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      long before = f.sim.addInvoice("C1", "A", 1, 100);
      // DM is one of the company's currencies, but B1 gives it no ISO 4217 code
      long bad = ((Number) f.sim.addInvoice(Map.of("CardCode", "C1", "DocCurrency", "DM",
          "DocumentLines", List.of(Map.of("ItemCode", "A", "Quantity", 1, "UnitPrice", 50)))).get("DocEntry"))
          .longValue();
      long after = f.sim.addInvoice("C1", "A", 2, 100);
      SapB1Ledger ledger = SapB1Ledger.of(f.client(v2));

      SourcePage<Invoice> page = ledger.invoices().read(new PollRequest(null, Duration.ZERO, 100));

      assertThat(page.records()).extracting(i -> i.ref().id())
          .containsExactly(String.valueOf(before), String.valueOf(after));
      assertThat(page.unreadable()).singleElement().satisfies(u -> {
        assertThat(u.ref()).isEqualTo(SapB1Refs.invoice("acme", bad));
        assertThat(u.reason()).startsWith("Invoices record cannot be read: ")
            .contains("currency 'DM'").contains("no ISO 4217 code");
      });
      // the checkpoint moves past all three
      assertThat(page.next().tieBreaker()).isEqualTo(String.format("%012d", after));
    }
  }

  @ParameterizedTest(name = "v2={0}")
  @ValueSource(booleans = {false, true})
  void aPaymentInACurrencyTheCompanyLacksIsRefusedNamingTheCodeSoTheEngineParksIt(boolean v2) {
    try (SimFixture f = fixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      long doc = f.sim.addInvoice("C1", "A", 1, 100);
      SapB1Ledger ledger = SapB1Ledger.of(f.client(v2));
      Payment p = payment("pi_jpy", doc, "4000", "JPY");
      assertThatThrownBy(() -> ledger.payments().create(p, ctx(p.ref())))
          .isInstanceOf(RejectedException.class)
          .hasMessageContaining("stands for JPY");
      assertThat(f.sim.all("IncomingPayments")).isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void theProviderReadsTheCurrenciesOnceForATenantAcrossItsLedgers() {
    try (SimFixture f = fixture()) {
      f.sim.addBusinessPartner(Map.of("CardCode", "C1", "CardName", "Acme", "Currency", "SF"));
      ReceivablesLedger.Provider provider = SapB1Ledger.provider(tenant -> f.client(true));
      ExternalRef c1 = SapB1Refs.customer("acme", "C1");
      assertThat(provider.forTenant("acme").customers().fetch(c1).orElseThrow().currency().getCurrencyCode())
          .isEqualTo("CHF");
      f.sim.addCurrency("SF", "Swiss franc", "SF", "NOK");
      assertThat(provider.forTenant("acme").customers().fetch(c1).orElseThrow().currency().getCurrencyCode())
          .as("the second ledger of the tenant uses what the first read").isEqualTo("CHF");
      assertThat(SapB1Ledger.of(f.client(true)).customers().fetch(c1).orElseThrow().currency().getCurrencyCode())
          .as("a ledger outside the provider reads the company again").isEqualTo("NOK");
    }
  }
}
