package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.ArInvoiceLine;
import io.mlconnector.testkit.syspro.Customer;
import io.mlconnector.testkit.syspro.ODataPaging;
import io.mlconnector.testkit.syspro.Supplier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SysproSourcesTest {

  private static final String T = "acme";

  private static <S> List<S> drain(PollSource<S> source, int pageSize, List<SourcePage<S>> pages) {
    List<S> all = new ArrayList<>();
    SourcePage<S> page = source.read(new PollRequest(null, Duration.ZERO, pageSize));
    while (true) {
      pages.add(page);
      all.addAll(page.records());
      if (!page.hasMore() || page.next() == null) {
        return all;
      }
      page = source.read(new PollRequest(page.next(), Duration.ZERO, pageSize));
    }
  }

  @Test
  void customersPageByRowVersionAndAChangeComesBack() {
    try (SimFixture f = new SimFixture()) {
      for (int i = 1; i <= 5; i++) {
        f.sim.addCustomer(
            Customer.of("C00" + i, "Customer " + i)
                .withCurrency("USD")
                .withEmail("c" + i + "@x.example"));
      }
      try (SysproClient client = f.client()) {
        PollSource<io.mlconnector.core.model.Customer> source =
            SysproSync.builder(client).build().customers();
        assertThat(source.changeDetection()).isEqualTo(ChangeDetection.MONOTONIC_KEY);
        List<SourcePage<io.mlconnector.core.model.Customer>> pages = new ArrayList<>();
        List<io.mlconnector.core.model.Customer> all = drain(source, 2, pages);
        assertThat(all)
            .extracting(c -> c.ref().id())
            .containsExactly("C001", "C002", "C003", "C004", "C005");
        assertThat(all.get(0).email()).isEqualTo("c1@x.example");
        assertThat(all.get(0).currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(pages).hasSize(3);

        var last = pages.get(pages.size() - 1).next();
        assertThat(source.read(new PollRequest(last, Duration.ZERO, 10)).records()).isEmpty();
        f.sim.addCustomer(Customer.of("C002", "Customer two renamed").withCurrency("USD"));
        SourcePage<io.mlconnector.core.model.Customer> changed =
            source.read(new PollRequest(last, Duration.ZERO, 10));
        assertThat(changed.records())
            .extracting(c -> c.name())
            .containsExactly("Customer two renamed");
        assertThat(changed.records().get(0).version()).isNotEqualTo(all.get(1).version());
        assertThat(source.fetch(SysproRefs.customer(T, "C003")))
            .hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Customer 3"));
        assertThat(source.fetch(SysproRefs.customer(T, "NOPE"))).isEmpty();
      }
    }
  }

  @Test
  void fullScanWhenTheRowVersionIsNotExposedUsesContentHashes() {
    try (SimFixture f = new SimFixture(b -> b.odataExposeTimeStamp(false))) {
      f.sim.addSupplier(Supplier.of("S1", "One"));
      f.sim.addSupplier(Supplier.of("S2", "Two"));
      f.sim.addSupplier(Supplier.of("S3", "Three"));
      try (SysproClient client =
          f.client(
              c ->
                  c.odataTable(
                      ODataTable.apSupplier().withStrategy(IncrementalStrategy.FULL_SCAN, null)))) {
        PollSource<Vendor> source = SysproSync.builder(client).build().suppliers();
        assertThat(source.changeDetection()).isEqualTo(ChangeDetection.FULL_SCAN);
        List<Vendor> first = drain(source, 2, new ArrayList<>());
        List<Vendor> again = drain(source, 2, new ArrayList<>());
        assertThat(first).extracting(v -> v.ref().id()).containsExactly("S1", "S2", "S3");
        assertThat(again)
            .extracting(Vendor::version)
            .isEqualTo(first.stream().map(Vendor::version).toList());
        f.sim.addSupplier(Supplier.of("S2", "Two renamed"));
        List<Vendor> third = drain(source, 2, new ArrayList<>());
        assertThat(third.get(1).version()).isNotEqualTo(first.get(1).version());
        assertThat(third.get(0).version()).isEqualTo(first.get(0).version());
      }
    }
  }

  @Test
  void arInvoicesComeWithLinesAndTurnPaidWhenAPaymentPosts() {
    try (SimFixture f =
        new SimFixture(b -> b.odataPaging(ODataPaging.NEXT_LINK).odataMaxPageSize(2))) {
      f.sim.setCurrentPeriod(YearMonth.of(2024, 1));
      f.sim.addCustomer(Customer.of("CUS001", "Café").withCurrency("USD"));
      f.sim.addArInvoice(
          ArInvoice.of("CUS001", "100234", LocalDate.of(2024, 1, 5), new BigDecimal("1150.00"))
              .withTax(new BigDecimal("150.00"))
              .withLines(
                  List.of(
                      new ArInvoiceLine(
                          1,
                          "W-1",
                          "Widget",
                          new BigDecimal("10"),
                          new BigDecimal("600.00"),
                          new BigDecimal("90.00")),
                      new ArInvoiceLine(
                          2,
                          "W-2",
                          "Gadget",
                          new BigDecimal("4"),
                          new BigDecimal("400.00"),
                          new BigDecimal("60.00")))));
      for (int i = 0; i < 3; i++) {
        f.sim.addArInvoice(
            ArInvoice.of("CUS001", "10030" + i, LocalDate.of(2024, 1, 6), new BigDecimal("10.00")));
      }
      try (SysproClient client = f.client(c -> c.odataRowCap(2))) {
        SysproSync sync = SysproSync.builder(client).build();
        PollSource<Invoice> source = sync.arInvoices();
        List<Invoice> all = drain(source, 50, new ArrayList<>());
        assertThat(all).hasSize(4);
        Invoice big =
            all.stream().filter(i -> i.number().equals("100234")).findFirst().orElseThrow();
        assertThat(big.lines()).hasSize(2);
        assertThat(big.total()).isEqualTo(Money.of("1150.00", "USD"));
        assertThat(big.status()).isEqualTo(Invoice.Status.OPEN);
        assertThat(big.party()).isEqualTo(SysproRefs.customer(T, "CUS001"));
        Invoice small =
            all.stream().filter(i -> i.number().equals("100300")).findFirst().orElseThrow();
        assertThat(small.lines()).hasSize(1);

        ExternalRef charge = ExternalRef.of("stripe", T, "charge", "ch_1");
        sync.payments()
            .create(
                Payment.builder()
                    .ref(charge)
                    .version("1")
                    .direction(Payment.Direction.RECEIVED)
                    .party(big.party())
                    .status(Payment.Status.SUCCEEDED)
                    .method(Payment.Method.CARD)
                    .amount(Money.of("1150.00", "USD"))
                    .date(LocalDate.of(2024, 1, 17))
                    .apply(big.ref(), Money.of("1150.00", "USD"))
                    .build(),
                new WriteContext(T, "f", "op", charge, "1"));
        assertThat(source.fetch(big.ref()))
            .hasValueSatisfying(
                i -> {
                  assertThat(i.status()).isEqualTo(Invoice.Status.PAID);
                  assertThat(i.version()).isNotEqualTo(big.version());
                });
      }
    }
  }

  @Test
  void glAccountsMapTheirTypes() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addGlAccount(io.mlconnector.testkit.syspro.GlAccount.of("00-1000", "Bank", "A"));
      f.sim.addGlAccount(io.mlconnector.testkit.syspro.GlAccount.of("00-4000", "Sales", "R"));
      f.sim.addGlAccount(io.mlconnector.testkit.syspro.GlAccount.of("00-9000", "Headcount", "S"));
      try (SysproClient client = f.client()) {
        List<GlAccount> all =
            drain(SysproSync.builder(client).build().glAccounts(), 10, new ArrayList<>());
        assertThat(all)
            .extracting(GlAccount::type)
            .containsExactlyInAnyOrder(GlAccount.Type.ASSET, GlAccount.Type.REVENUE, null);
      }
    }
  }

  @Test
  void modifiedTimestampStrategyBreaksTiesByKeyAndHonoursTheOverlap() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer(Customer.of("CUS001", "Café").withCurrency("USD"));
      f.sim.addCustomer(Customer.of("CUS002", "Bar").withCurrency("USD"));
      f.sim.addArInvoice(ArInvoice.of("CUS002", "A1", LocalDate.of(2024, 1, 5), BigDecimal.TEN));
      f.sim.addArInvoice(ArInvoice.of("CUS001", "A2", LocalDate.of(2024, 1, 5), BigDecimal.TEN));
      f.sim.addArInvoice(ArInvoice.of("CUS001", "B1", LocalDate.of(2024, 1, 6), BigDecimal.TEN));
      f.sim.addArInvoice(ArInvoice.of("CUS001", "B2", LocalDate.of(2024, 1, 6), BigDecimal.TEN));
      f.sim.addArInvoice(ArInvoice.of("CUS001", "C1", LocalDate.of(2024, 1, 8), BigDecimal.TEN));
      try (SysproClient client =
          f.client(
              c ->
                  c.odataTable(
                      ODataTable.arInvoice()
                          .withStrategy(IncrementalStrategy.MODIFIED_TIMESTAMP, "InvoiceDate")))) {
        PollSource<Invoice> source = SysproSync.builder(client).build().arInvoices();
        assertThat(source.changeDetection()).isEqualTo(ChangeDetection.MODIFIED_TIMESTAMP);
        List<SourcePage<Invoice>> pages = new ArrayList<>();
        List<Invoice> all = drain(source, 1, pages);
        assertThat(all).extracting(Invoice::number).containsExactly("A2", "A1", "B1", "B2", "C1");
        var last =
            pages.stream()
                .map(SourcePage::next)
                .filter(Objects::nonNull)
                .reduce((a, b) -> b)
                .orElseThrow();
        SourcePage<Invoice> overlap = source.read(new PollRequest(last, Duration.ofDays(2), 10));
        assertThat(overlap.records()).extracting(Invoice::number).containsExactly("B1", "B2", "C1");
      }
    }
  }

  @Test
  void withoutODataSourcesScanWithComfndInKeyOrder() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer(Customer.of("CUS001", "Café").withCurrency("USD"));
      f.sim.addCustomer(Customer.of("CUS002", "Bar").withCurrency("USD"));
      for (String inv : List.of("I3", "I1", "I2")) {
        f.sim.addArInvoice(ArInvoice.of("CUS001", inv, LocalDate.of(2024, 1, 5), BigDecimal.TEN));
        f.sim.addArInvoice(ArInvoice.of("CUS002", inv, LocalDate.of(2024, 1, 5), BigDecimal.ONE));
      }
      f.sim.addArInvoice(
          ArInvoice.of("CUS001", "L1", LocalDate.of(2024, 1, 6), new BigDecimal("115.00"))
              .withTax(new BigDecimal("15.00"))
              .withLines(
                  List.of(
                      new ArInvoiceLine(
                          1,
                          "W-1",
                          "Widget",
                          BigDecimal.ONE,
                          new BigDecimal("100.00"),
                          new BigDecimal("15.00")))));
      try (SysproClient client = SysproClient.create(f.transport, f.configWithoutOData().build())) {
        SysproSync sync = SysproSync.builder(client).build();
        PollSource<Invoice> invoices = sync.arInvoices();
        assertThat(invoices.changeDetection()).isEqualTo(ChangeDetection.FULL_SCAN);
        List<Invoice> all = drain(invoices, 2, new ArrayList<>());
        assertThat(all)
            .extracting(i -> i.ref().id())
            .containsExactly(
                "CUS001|I1|I",
                "CUS001|I2|I",
                "CUS001|I3|I",
                "CUS001|L1|I",
                "CUS002|I1|I",
                "CUS002|I2|I",
                "CUS002|I3|I");
        Invoice lined = all.get(3);
        assertThat(lined.lines()).hasSize(1);
        assertThat(lined.lines().get(0).itemCode()).isEqualTo("W-1");
        assertThat(lined.total()).isEqualTo(Money.of("115.00", "USD"));
        assertThat(invoices.fetch(SysproRefs.arInvoice(T, "CUS002", "I2", "I"))).isPresent();

        List<io.mlconnector.core.model.Customer> customers =
            drain(sync.customers(), 1, new ArrayList<>());
        assertThat(customers).extracting(c -> c.ref().id()).containsExactly("CUS001", "CUS002");
        assertThat(drain(sync.customers(), 1, new ArrayList<>()))
            .extracting(c -> c.version())
            .isEqualTo(customers.stream().map(c -> c.version()).toList());
      }
    }
  }
}
