package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.syspro.bo.ApInvoicePost;
import io.mlconnector.syspro.bo.ApSupplierSetup;
import io.mlconnector.syspro.bo.ArCustomerQuery;
import io.mlconnector.syspro.bo.ArCustomerSetup;
import io.mlconnector.syspro.bo.ArPaymentPost;
import io.mlconnector.syspro.bo.CombrwBrowse;
import io.mlconnector.syspro.bo.ComfchFetch;
import io.mlconnector.syspro.bo.ComfndQuery;
import io.mlconnector.syspro.bo.GlAccountQuery;
import io.mlconnector.syspro.bo.GlJournalPost;
import io.mlconnector.syspro.bo.PostingOptions;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.Customer;
import io.mlconnector.testkit.syspro.GlAccount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SysproBusinessObjectsTest {

  private SimFixture f;
  private SysproClient client;

  @BeforeEach
  void start() {
    f = new SimFixture();
    f.seedLedgers();
    f.sim.addArInvoice(
        ArInvoice.of("CUS001", "100235", LocalDate.of(2024, 1, 6), new BigDecimal("200.00")));
    client = f.client();
  }

  @AfterEach
  void stop() {
    client.close();
    assertThat(f.sim.seatsInUse()).isZero();
    f.close();
  }

  @Test
  void addsAndUpdatesACustomerWithArsscs() {
    ArCustomerSetup add = new ArCustomerSetup();
    add.addItems(
        new ArCustomerSetup.Item()
            .key(
                new ArCustomerSetup.CustomerKey()
                    .customer(client.config().customerKeys().customer("cus042")))
            .name("Acme Trading")
            .currency("USD")
            .termsCode("30")
            .creditLimit(new BigDecimal("50000"))
            .email("ap@acme.example")
            .customerOnHold(false));
    BusinessObjectResult result = client.setup(SetupMethod.ADD, add, PostingOptions.defaults());
    assertThat(result.isValid()).isTrue();
    assertThat(result.count("RecordsRead")).contains(1);
    assertThat(f.sim.customer("CUS042"))
        .hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Acme Trading"));

    ArCustomerSetup update = new ArCustomerSetup();
    update.addItems(
        new ArCustomerSetup.Item()
            .key(new ArCustomerSetup.CustomerKey().customer("CUS042"))
            .name("Acme Trading Ltd"));
    client.setup(SetupMethod.UPDATE, update, PostingOptions.defaults());
    assertThat(f.sim.customer("CUS042").orElseThrow().name()).isEqualTo("Acme Trading Ltd");
  }

  @Test
  void numericCustomerCodesArePaddedAsTheCompanyStoresThem() {
    try (SimFixture g = new SimFixture(b -> b.numericKeys(6, false));
        SysproClient numeric = g.client(c -> c.customerKeys(KeyFormat.numeric(6)))) {
      String code = numeric.config().customerKeys().customer("19");
      assertThat(code).isEqualTo("000019");
      ArCustomerSetup add = new ArCustomerSetup();
      add.addItems(
          new ArCustomerSetup.Item()
              .key(new ArCustomerSetup.CustomerKey().customer(code))
              .name("Numeric Customer"));
      numeric.setup(SetupMethod.ADD, add, PostingOptions.defaults());
      assertThat(g.sim.customer("000019")).isPresent();
      assertThat(numeric.customerStatement("19", true).customer()).isEqualTo("000019");
      assertThatThrownBy(() -> numeric.customerStatement("19A", true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("digits only");

      SysproElement row =
          numeric.find(ComfndQuery.of("ArCustomer", "Customer", "DateLastSale")).get(0);
      assertThat(row.text("DateLastSale")).contains("0000-00-00");
      assertThat(row.date("DateLastSale")).isEmpty();
    }
  }

  @Test
  void deletesACustomerWithArsscs() {
    ArCustomerSetup add = new ArCustomerSetup();
    add.addItems(
        new ArCustomerSetup.Item()
            .key(new ArCustomerSetup.CustomerKey().customer("CUS077"))
            .name("Temp"));
    client.setup(SetupMethod.ADD, add, PostingOptions.defaults());
    ArCustomerSetup delete = new ArCustomerSetup();
    delete.addItems(
        new ArCustomerSetup.Item().key(new ArCustomerSetup.CustomerKey().customer("CUS077")));
    client.setup(SetupMethod.DELETE, delete, PostingOptions.defaults());
    assertThat(f.sim.customer("CUS077")).isEmpty();
  }

  @Test
  void addingAnExistingCustomerIsRejectedWithSysprosItemError() {
    ArCustomerSetup add = new ArCustomerSetup();
    add.addItems(
        new ArCustomerSetup.Item()
            .key(new ArCustomerSetup.CustomerKey().customer("CUS001"))
            .name("Dup"));
    assertThatThrownBy(() -> client.setup(SetupMethod.ADD, add, PostingOptions.defaults()))
        .isInstanceOf(BusinessObjectRejectedException.class)
        .satisfies(
            e -> {
              BusinessObjectRejectedException r = (BusinessObjectRejectedException) e;
              assertThat(r.errors()).isNotEmpty();
              assertThat(r.result().invalidCount()).isEqualTo(1);
              assertThat(r.getMessage()).contains("CUS001");
            });
  }

  @Test
  void queriesACustomerStatementWithArsqry() {
    ArCustomerQuery q =
        new ArCustomerQuery()
            .key(new ArCustomerQuery.CustomerKey().customer("CUS001"))
            .option(new ArCustomerQuery.Option().includeZeroBalances(false).includeInvoices(true));
    SysproElement statement = client.query(q);
    assertThat(statement.is("ARStatement")).isTrue();
    assertThat(statement.find("Header", "Name").map(SysproElement::text)).contains("Café Zürich");
    assertThat(statement.descendants("InvoiceDetail")).hasSize(2);
  }

  @Test
  void readsTheStatementAsValues() {
    ArStatement statement = client.customerStatement("cus001", false);
    assertThat(statement.customer()).isEqualTo("CUS001");
    assertThat(statement.name()).isEqualTo("Café Zürich");
    assertThat(statement.invoices())
        .extracting(ArStatement.Invoice::invoice)
        .containsExactly("100234", "100235");
    assertThat(statement.invoices().get(0).balance()).isEqualByComparingTo("1150.00");
    assertThat(statement.invoices().get(0).dueDate()).isNotNull();
    assertThat(statement.currentBalance()).isEqualByComparingTo("1350.00");
    assertThat(client.version()).isEqualTo("8.0.0.30");
  }

  @Test
  void unknownCustomerInArsqryIsRejected() {
    ArCustomerQuery q =
        new ArCustomerQuery().key(new ArCustomerQuery.CustomerKey().customer("NOPE"));
    assertThatThrownBy(() -> client.query(q))
        .isInstanceOf(RejectedException.class)
        .hasMessageContaining("NOPE");
  }

  @Test
  void comfndFiltersOrdersAndReadsPaddedNumbers() {
    List<SysproElement> rows =
        client.find(
            ComfndQuery.of("ArInvoice", "Invoice", "InvoiceBal1")
                .and("Customer", "EQ", "CUS001")
                .and("InvoiceBal1", "GT", "500")
                .orderedBy("Invoice"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).decimal("InvoiceBal1")).contains(new BigDecimal("1150.00"));
    // the simulator pads numbers with leading spaces as SYSPRO does
    assertThat(rows.get(0).child("InvoiceBal1").orElseThrow().rawText()).startsWith(" ");
  }

  @Test
  void browsesAndFetches() {
    CombrwBrowse browse =
        new CombrwBrowse()
            .browseName("ArCustomer")
            .returnRows("10")
            .browseDetails(
                new CombrwBrowse.BrowseDetails()
                    .tableName("ArCustomer")
                    .addColumns(new CombrwBrowse.Column().columnName("Customer"))
                    .addColumns(new CombrwBrowse.Column().columnName("Name")));
    SysproElement page = client.browse(browse);
    assertThat(page.descendants("Row")).hasSize(1);
    assertThat(page.descendants("Row").get(0).find("Name", "Value").map(SysproElement::text))
        .contains("Café Zürich");

    SysproElement row = client.fetch(new ComfchFetch().tableName("ArCustomer").key("CUS001"));
    assertThat(row.text("Name")).contains("Café Zürich");
  }

  @Test
  void browsesEveryPageByNextKey() {
    for (int i = 2; i <= 5; i++) {
      f.sim.addCustomer(Customer.of("CUS00" + i, "Customer " + i));
    }
    CombrwBrowse browse =
        new CombrwBrowse()
            .browseName("ArCustomer")
            .returnRows("2")
            .browseDetails(
                new CombrwBrowse.BrowseDetails()
                    .tableName("ArCustomer")
                    .addColumns(new CombrwBrowse.Column().columnName("Customer"))
                    .addColumns(new CombrwBrowse.Column().columnName("Name")));
    BrowsePage first = BrowsePage.of(client.browse(browse));
    assertThat(first.rows()).hasSize(2);
    assertThat(first.hasNext()).isTrue();
    assertThat(client.browseAll(browse, 10))
        .extracting(r -> r.get("Customer"))
        .containsExactly("CUS001", "CUS002", "CUS003", "CUS004", "CUS005");
  }

  @Test
  void arstpyPaymentReducesTheInvoiceBalanceAndCarriesTheReference() {
    ArPaymentPost doc = new ArPaymentPost();
    doc.addItems(
        new ArPaymentPost.Item()
            .payment(
                new ArPaymentPost.Payment()
                    .customer("CUS001")
                    .paymentValue(new BigDecimal("150.00"))
                    .reference("ch_3NabcDEF")
                    .paymentDate(LocalDate.of(2024, 1, 17))
                    .journalNotation("Stripe")
                    .addInvoicesToPay(
                        new ArPaymentPost.InvoiceToPay()
                            .transactionType("I")
                            .invoice("100234")
                            .grossPaymentValue(new BigDecimal("150.00"))
                            .discountValue(BigDecimal.ZERO))));
    BusinessObjectResult result =
        client.post(doc, PostingOptions.defaults().with("AutoCorrectPaymentValue", "N"));
    assertThat(result.count("ItemsProcessed")).contains(1);
    assertThat(result.document().name()).isEqualTo("postarpayment");
    assertThat(f.sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("1000.00");
    assertThat(f.sim.arPaymentsWithReference("ch_3NabcDEF")).hasSize(1);
  }

  @Test
  void overpaymentIsRejectedAndNothingPosts() {
    ArPaymentPost doc = new ArPaymentPost();
    doc.addItems(
        new ArPaymentPost.Item()
            .payment(
                new ArPaymentPost.Payment()
                    .customer("CUS001")
                    .paymentValue(new BigDecimal("5000.00"))
                    .reference("ch_over")
                    .addInvoicesToPay(
                        new ArPaymentPost.InvoiceToPay()
                            .invoice("100235")
                            .grossPaymentValue(new BigDecimal("5000.00")))));
    assertThatThrownBy(() -> client.post(doc, PostingOptions.defaults()))
        .isInstanceOf(BusinessObjectRejectedException.class)
        .hasMessageContaining("exceeds the balance");
    assertThat(f.sim.invoiceBalance("CUS001", "100235")).isEqualByComparingTo("200.00");
  }

  @Test
  void closedPeriodIsAnItemError() {
    f.sim.closePeriod(YearMonth.of(2024, 1));
    GlJournalPost doc = journal("CLOSED-1");
    assertThatThrownBy(() -> client.post(doc, PostingOptions.defaults()))
        .isInstanceOf(BusinessObjectRejectedException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void postsABalancedGlJournalAndAnApInvoice() {
    BusinessObjectResult journal = client.post(journal("ACCR-JAN"), PostingOptions.defaults());
    assertThat(journal.count("JournalsProcessed")).contains(1);
    assertThat(f.sim.glJournals()).hasSize(1);

    ApInvoicePost ap = new ApInvoicePost();
    ap.addItems(
        new ApInvoicePost.Item()
            .supplier("SUP001")
            .transactionCode("I")
            .invoice("INV-88712")
            .transactionValue(new BigDecimal("1150.00"))
            .taxValue(new BigDecimal("150.00"))
            .invoiceDate(LocalDate.of(2024, 1, 15))
            .transactionReference("stampli-123")
            .addLedgerDistributions(
                new ApInvoicePost.LedgerDistribution()
                    .ledgerCode("00-5100")
                    .ledgerValue(new BigDecimal("1000.00"))));
    client.post(ap, PostingOptions.defaults());
    assertThat(f.sim.apInvoiceCount()).isEqualTo(1);
    assertThatThrownBy(() -> client.post(ap, PostingOptions.defaults()))
        .isInstanceOf(BusinessObjectRejectedException.class);
    assertThat(f.sim.apInvoiceCount()).isEqualTo(1);
  }

  @Test
  void validateOnlyPostsNothing() {
    client.post(journal("DRY"), PostingOptions.defaults().validateOnly(true));
    assertThat(f.sim.glJournals()).isEmpty();
  }

  @Test
  void addsASupplierAndQueriesAGlAccount() {
    ApSupplierSetup doc = new ApSupplierSetup();
    doc.addItems(
        new ApSupplierSetup.Item()
            .key(new ApSupplierSetup.SupplierKey().supplier("SUP002"))
            .supplierName("Ink Works")
            .currency("USD"));
    client.setup(SetupMethod.ADD, doc, PostingOptions.defaults());
    assertThat(f.sim.supplier("SUP002")).isPresent();

    SysproElement ledger =
        client.query(
            new GlAccountQuery().key(new GlAccountQuery.LedgerKey().ledgerCode("00-5100")));
    assertThat(ledger.text("Description")).contains("Office supplies");
  }

  @Test
  void longPostingsGoThroughPostLd() {
    try (SysproClient small = f.client(c -> c.maxGetUrlLength(256))) {
      small.post(journal("LONG-DOC"), PostingOptions.defaults());
    }
    assertThat(f.sim.glJournals()).hasSize(1);
    assertThat(f.sim.restRequestCount("POST", "Transaction/PostLD")).isEqualTo(1);
    assertThat(f.sim.restRequestCount("GET", "Transaction/Post")).isZero();
  }

  @Test
  void longPostingsGoThroughTheFormPostLdVariant() {
    try (SimFixture g = new SimFixture(b -> b.acceptFormEncodedPostLd(true))) {
      g.sim.setCurrentPeriod(YearMonth.of(2024, 1));
      g.sim.addGlAccount(GlAccount.of("00-5100", "Office supplies", "E"));
      g.sim.addGlAccount(GlAccount.of("00-2300", "Accruals", "L"));
      try (SysproClient small = g.client(c -> c.maxGetUrlLength(256).postLdAsForm(true))) {
        small.post(journal("FORM-DOC"), PostingOptions.defaults());
      }
      assertThat(g.sim.glJournals()).hasSize(1);
      assertThat(g.sim.restRequestCount("POST", "Transaction/PostLD")).isEqualTo(1);
      assertThat(g.sim.restRequestCount("GET", "Transaction/Post")).isZero();
    }
  }

  @Test
  void theFormVariantIsRefusedByAServiceThatTakesOnlyTheEnvelope() {
    try (SysproClient small = f.client(c -> c.maxGetUrlLength(256).postLdAsForm(true))) {
      assertThatThrownBy(() -> small.post(journal("FORM-REFUSED"), PostingOptions.defaults()))
          .isInstanceOf(ConnectorException.class)
          .hasMessageContaining("400");
    }
    assertThat(f.sim.glJournals()).isEmpty();
    assertThat(f.sim.seatsInUse()).isZero();
  }

  private static GlJournalPost journal(String reference) {
    GlJournalPost doc = new GlJournalPost();
    doc.addItems(
        new GlJournalPost.Item()
            .journalType("N")
            .postJournal(true)
            .journalDate(LocalDate.of(2024, 1, 31))
            .journalReference(reference)
            .addJournalDetails(
                new GlJournalPost.JournalDetail()
                    .ledgerCode("00-5100")
                    .reference(reference)
                    .entryAmount(new BigDecimal("250.00")))
            .addJournalDetails(
                new GlJournalPost.JournalDetail()
                    .ledgerCode("00-2300")
                    .reference(reference)
                    .entryAmount(new BigDecimal("-250.00"))));
    return doc;
  }
}
