package io.mlconnector.testkit.syspro;

import static io.mlconnector.testkit.syspro.Enet.x;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SysproApAndGlTest {
  private static final String AP_PARAMS =
      "<PostApInvoice><Parameters><PostingPeriod>C</PostingPeriod>"
          + "<IgnoreWarnings>N</IgnoreWarnings><ApplyIfEntireDocumentValid>Y</ApplyIfEntireDocumentValid>"
          + "<ValidateOnly>N</ValidateOnly></Parameters></PostApInvoice>";
  private static final String GL_PARAMS =
      "<PostGlJournal><Parameters><IgnoreWarnings>N</IgnoreWarnings>"
          + "<ApplyIfEntireDocumentValid>Y</ApplyIfEntireDocumentValid><ValidateOnly>N</ValidateOnly></Parameters>"
          + "</PostGlJournal>";
  private SysproSimulator sim;
  private Enet enet;
  private String id;

  @BeforeEach
  void start() {
    sim = Enet.builder().start();
    sim.addSupplier(Supplier.of("SUP001", "Office Supplies").withTermsCode("30"));
    sim.addSupplier(Supplier.of("SUP002", "On Hold Inc").withOnHold(true));
    sim.addGlAccount(GlAccount.of("00-5100", "Office expenses", "E"));
    sim.addGlAccount(GlAccount.of("00-2300", "Accrued liabilities", "L"));
    enet = new Enet(sim);
    id = enet.logon();
  }

  @AfterEach
  void close() {
    enet.logoff(id);
    sim.close();
  }

  private static String apInvoice(String supplier, String invoice, String value, String extra) {
    return "<PostApInvoice><Item><Supplier>"
        + supplier
        + "</Supplier><TransactionCode>I</TransactionCode><Invoice>"
        + invoice
        + "</Invoice><TransactionValue>"
        + value
        + "</TransactionValue><InvoiceDate>2024-01-10</InvoiceDate>"
        + "<TaxValue>150.00</TaxValue><TransactionReference>PO 4471</TransactionReference>"
        + extra
        + "</Item></PostApInvoice>";
  }

  private static String dist(String value) {
    return "<LedgerDistribution><LedgerCode>00-5100</LedgerCode><LedgerValue>"
        + value
        + "</LedgerValue></LedgerDistribution>";
  }

  @Test
  void apstinPostsAnInvoiceWithDueDateFromTerms() {
    String out =
        enet.post(
            id, "APSTIN", AP_PARAMS, apInvoice("SUP001", "INV-88712", "1150.00", dist("1000.00")));
    assertThat(x(out, "/postapinvoice/Item/Transaction/Key/Journal")).isEqualTo("00001");
    assertThat(x(out, "/postapinvoice/Item/Transaction/Key/EntryNumber")).isEqualTo("001");
    assertThat(x(out, "/postapinvoice/Item/Transaction/Invoice")).isEqualTo("INV-88712");
    assertThat(x(out, "//ItemsProcessed")).isEqualTo("1");
    assertThat(sim.apInvoiceCount()).isEqualTo(1);
    assertThat(sim.apInvoices())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.dueDate()).isEqualTo(LocalDate.of(2024, 2, 9));
              assertThat(i.balance()).isEqualByComparingTo("1150.00");
              assertThat(i.reference()).isEqualTo("PO 4471");
            });
  }

  @Test
  void apstinRejectsADuplicateSupplierInvoice() {
    enet.post(id, "APSTIN", AP_PARAMS, apInvoice("SUP001", "INV-1", "1150.00", ""));
    String again = enet.post(id, "APSTIN", AP_PARAMS, apInvoice("SUP001", "INV-1", "1150.00", ""));
    assertThat(x(again, "/postapinvoice/Item/Transaction/Invoice/Value")).isEqualTo("INV-1");
    assertThat(x(again, "/postapinvoice/Item/Transaction/Invoice/ErrorNumber")).isEqualTo("100021");
    assertThat(x(again, "/postapinvoice/Item/Transaction/Invoice/ErrorDescription"))
        .isEqualTo("Invoice 'INV-1' already exists for supplier 'SUP001'");
    assertThat(x(again, "//ItemsInvalid")).isEqualTo("1");
    assertThat(sim.apInvoiceCount()).isEqualTo(1);
  }

  @Test
  void apstinValidatesSupplierDistributionAndPeriod() {
    assertThat(
            x(
                enet.post(id, "APSTIN", AP_PARAMS, apInvoice("NOPE", "I1", "10.00", "")),
                "//Transaction/Supplier/ErrorDescription"))
        .isEqualTo("Supplier 'NOPE' not found");
    assertThat(
            x(
                enet.post(
                    id, "APSTIN", AP_PARAMS, apInvoice("SUP001", "I2", "1150.00", dist("900.00"))),
                "//Transaction/ErrorDescription"))
        .isEqualTo(
            "Ledger distribution total 900.00 does not equal the invoice value less tax 1000.00");
    sim.closePeriod(YearMonth.of(2024, 1));
    assertThat(
            x(
                enet.post(id, "APSTIN", AP_PARAMS, apInvoice("SUP001", "I3", "1150.00", "")),
                "//Transaction/ErrorDescription"))
        .isEqualTo("Posting period 2024/01 is closed");
    assertThat(sim.apInvoiceCount()).isZero();
  }

  @Test
  void aSupplierOnHoldIsAWarningThatWPasses() {
    assertThat(
            x(
                enet.post(id, "APSTIN", AP_PARAMS, apInvoice("SUP002", "H1", "10.00", "")),
                "//Transaction/ErrorDescription"))
        .isEqualTo("Supplier on hold");
    String warnOnly = AP_PARAMS.replace("<IgnoreWarnings>N", "<IgnoreWarnings>W");
    assertThat(
            x(
                enet.post(id, "APSTIN", warnOnly, apInvoice("SUP002", "H1", "10.00", "")),
                "//ItemsProcessed"))
        .isEqualTo("1");
  }

  @Test
  void apstinCreditNoteReducesAnExistingInvoice() {
    sim.addApInvoice(
        ApInvoice.of("SUP001", "INV-7", LocalDate.of(2024, 1, 3), new BigDecimal("300.00")));
    String credit =
        apInvoice("SUP001", "INV-7", "100.00", "")
            .replace("<TransactionCode>I", "<TransactionCode>C")
            .replace("<TaxValue>150.00</TaxValue>", "");
    assertThat(x(enet.post(id, "APSTIN", AP_PARAMS, credit), "//ItemsProcessed")).isEqualTo("1");
    assertThat(sim.apInvoices())
        .singleElement()
        .satisfies(i -> assertThat(i.balance()).isEqualByComparingTo("200.00"));
    String unknown = credit.replace("INV-7", "INV-8");
    assertThat(
            x(
                enet.post(id, "APSTIN", AP_PARAMS, unknown),
                "//Transaction/Invoice/ErrorDescription"))
        .isEqualTo("Invoice 'INV-8' not found for supplier 'SUP001'");
  }

  private static String journal(String debit, String credit, String ledger2) {
    return "<PostGlJournal><Item><JournalType>N</JournalType><JournalNumber/><PostJournal>Y</PostJournal>"
               + "<JournalDate>2024-01-31</JournalDate><JournalReference>ACCR-JAN</JournalReference>"
               + "<PostingPeriod>01</PostingPeriod><PostingYear>2024</PostingYear>"
               + "<JournalDetails><LedgerCode>00-5100</LedgerCode><Reference>ACCR</Reference><EntryAmount>"
        + debit
        + "</EntryAmount></JournalDetails>"
        + "<JournalDetails><LedgerCode>"
        + ledger2
        + "</LedgerCode><Reference>ACCR</Reference><EntryAmount>"
        + credit
        + "</EntryAmount></JournalDetails></Item></PostGlJournal>";
  }

  @Test
  void gentjlPostsABalancedJournal() {
    String out = enet.post(id, "GENTJL", GL_PARAMS, journal("250.00", "-250.00", "00-2300"));
    assertThat(x(out, "/postgljournal/Item/Transaction/Key/GlYear")).isEqualTo("2024");
    assertThat(x(out, "/postgljournal/Item/Transaction/Key/GlPeriod")).isEqualTo("01");
    assertThat(x(out, "/postgljournal/Item/Transaction/Key/GlJournal")).isEqualTo("00001");
    assertThat(x(out, "/postgljournal/Item/Transaction/JournalDate")).isEqualTo("20240131");
    assertThat(x(out, "/postgljournal/Item/Transaction/NumOfEntries")).isEqualTo("00002");
    assertThat(x(out, "/postgljournal/Item/Transaction/DebitAmount")).isEqualTo("250.00");
    assertThat(x(out, "/postgljournal/Item/Transaction/CreditAmount")).isEqualTo("250.00");
    assertThat(x(out, "/postgljournal/StatusOfItems/JournalsProcessed")).isEqualTo("1");
    assertThat(x(out, "/postgljournal/StatusOfItems/PostingsProcessed")).isEqualTo("2");
    assertThat(sim.glJournals())
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.reference()).isEqualTo("ACCR-JAN");
              assertThat(j.status()).isEqualTo("P");
              assertThat(j.entries())
                  .extracting(GlJournalEntry::ledgerCode)
                  .containsExactly("00-5100", "00-2300");
            });
    assertThat(sim.glAccount("00-5100").orElseThrow().balance()).isEqualByComparingTo("250.00");
    assertThat(sim.glAccount("00-2300").orElseThrow().balance()).isEqualByComparingTo("-250.00");

    String q =
        enet.query(
            id,
            "GENQRY",
            "<Query><Key><LedgerCode>00-5100</LedgerCode></Key>"
                + "<Option><IncludeTransactions>Y</IncludeTransactions></Option></Query>");
    assertThat(x(q, "/LedgerQuery/Description")).isEqualTo("Office expenses");
    assertThat(x(q, "/LedgerQuery/AccountType")).isEqualTo("E");
    assertThat(x(q, "/LedgerQuery/CurrentBalance")).isEqualTo("         250.00");
    assertThat(x(q, "/LedgerQuery/Item/Reference")).isEqualTo("ACCR");
  }

  @Test
  void gentjlRejectsUnbalancedUnknownLedgerAndClosedPeriod() {
    String unbalanced = enet.post(id, "GENTJL", GL_PARAMS, journal("250.00", "-200.00", "00-2300"));
    assertThat(x(unbalanced, "/postgljournal/Item/Transaction/ErrorNumber")).isEqualTo("100031");
    assertThat(x(unbalanced, "/postgljournal/Item/Transaction/ErrorDescription"))
        .isEqualTo("Journal does not balance: debits 250.00, credits 200.00");
    assertThat(x(unbalanced, "//JournalsInvalid")).isEqualTo("1");
    assertThat(x(unbalanced, "//JournalsProcessed")).isEqualTo("0");

    String unknown = enet.post(id, "GENTJL", GL_PARAMS, journal("250.00", "-250.00", "99-9999"));
    assertThat(x(unknown, "//Transaction/LedgerCode/ErrorDescription"))
        .isEqualTo("Ledger code '99-9999' not found");

    sim.closePeriod(YearMonth.of(2024, 1));
    String closed = enet.post(id, "GENTJL", GL_PARAMS, journal("250.00", "-250.00", "00-2300"));
    assertThat(x(closed, "//Transaction/ErrorDescription"))
        .isEqualTo("Posting period 2024/01 is closed");
    assertThat(sim.glJournals()).isEmpty();
    assertThat(sim.glAccount("00-5100").orElseThrow().balance()).isEqualByComparingTo("0");
  }

  @Test
  void genqryOnAnUnknownAccountIsAnEnetException() {
    assertThat(
            enet.query(id, "GENQRY", "<Query><Key><LedgerCode>99-0000</LedgerCode></Key></Query>"))
        .isEqualTo("ERROR: Ledger code '99-0000' not found");
  }
}
