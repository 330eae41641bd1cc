package io.mlconnector.testkit.syspro;

import static io.mlconnector.testkit.syspro.Enet.count;
import static io.mlconnector.testkit.syspro.Enet.x;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SysproArstpyTest {
  private SysproSimulator sim;
  private Enet enet;
  private String id;

  @BeforeEach
  void start() {
    sim = Enet.builder().start();
    sim.addCustomer(Customer.of("CUS001", "Café Zürich"));
    sim.addCustomer(Customer.of("CUS002", "Held Ltd").withOnHold(true));
    sim.addArInvoice(
        ArInvoice.of("CUS001", "100234", LocalDate.of(2024, 1, 5), new BigDecimal("1150.00")));
    sim.addArInvoice(
        ArInvoice.of("CUS001", "100235", LocalDate.of(2024, 1, 6), new BigDecimal("200.00")));
    sim.addArInvoice(
        ArInvoice.of("CUS001", "100236", LocalDate.of(2024, 1, 7), new BigDecimal("50.00"))
            .withBalance(BigDecimal.ZERO));
    sim.addArInvoice(
        ArInvoice.of("CUS002", "200001", LocalDate.of(2024, 1, 7), new BigDecimal("80.00")));
    enet = new Enet(sim);
    id = enet.logon();
  }

  @AfterEach
  void close() {
    enet.logoff(id);
    assertThat(sim.seatsInUse()).isZero();
    sim.close();
  }

  private static String params(String applyAll, String validateOnly, String autoCorrect) {
    return "<PostArPayment><Parameters><PostingPeriod>C</PostingPeriod><IgnoreWarnings>N</IgnoreWarnings>"
               + "<ApplyIfEntireDocumentValid>"
        + applyAll
        + "</ApplyIfEntireDocumentValid>"
        + "<ValidateOnly>"
        + validateOnly
        + "</ValidateOnly>"
        + "<AutoCorrectPaymentValue>"
        + autoCorrect
        + "</AutoCorrectPaymentValue></Parameters></PostArPayment>";
  }

  private static String params() {
    return params("Y", "N", "N");
  }

  private static String payment(
      String customer, String value, String reference, String... invoiceAndGross) {
    StringBuilder sb =
        new StringBuilder("<Item><Payment><Customer>" + customer + "</Customer>")
            .append("<PaymentValue>")
            .append(value)
            .append("</PaymentValue>")
            .append("<Reference>")
            .append(reference)
            .append("</Reference>")
            .append(
                "<PaymentDate>2024-01-17</PaymentDate><JournalNotation>Stripe"
                    + " payout</JournalNotation>");
    for (int i = 0; i < invoiceAndGross.length; i += 2) {
      sb.append("<InvoiceToPay><TransactionType>I</TransactionType><Invoice>")
          .append(invoiceAndGross[i])
          .append("</Invoice>");
      if (invoiceAndGross[i + 1] != null) {
        sb.append("<GrossPaymentValue>")
            .append(invoiceAndGross[i + 1])
            .append("</GrossPaymentValue>");
      }
      sb.append("<DiscountValue>0</DiscountValue></InvoiceToPay>");
    }
    return sb.append("</Payment></Item>").toString();
  }

  private static String doc(String... items) {
    return "<?xml version=\"1.0\" encoding=\"Windows-1252\"?><PostArPayment>"
        + String.join("", items)
        + "</PostArPayment>";
  }

  @Test
  void aPaymentReducesTheInvoiceBalanceAndIsFindableByItsReference() {
    String out =
        enet.post(
            id,
            "ARSTPY",
            params(),
            doc(payment("CUS001", "400.00", "ch_3Pabc", "100234", "400.00")));
    assertThat(x(out, "/postarpayment/Item/Payment/Key/TrnYear")).isEqualTo("2024");
    assertThat(x(out, "/postarpayment/Item/Payment/Key/TrnMonth")).isEqualTo("01");
    assertThat(x(out, "/postarpayment/Item/Payment/Key/Journal")).isEqualTo("00001");
    assertThat(x(out, "/postarpayment/Item/Payment/Customer")).isEqualTo("CUS001");
    assertThat(x(out, "/postarpayment/StatusOfItems/ItemsProcessed")).isEqualTo("1");
    assertThat(out).contains("<ItemsInvalid/>").doesNotContain("ErrorDescription");
    assertThat(sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("750.00");

    assertThat(sim.arPaymentsWithReference("ch_3Pabc"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.invoice()).isEqualTo("100234");
              assertThat(p.type()).isEqualTo("P");
              assertThat(p.value()).isEqualByComparingTo("-400.00");
              assertThat(p.date()).isEqualTo(LocalDate.of(2024, 1, 17));
            });
    String found =
        enet.query(
            id,
            "COMFND",
            "<Query><TableName>ArInvoicePay</TableName><Columns><Column>Invoice</Column>"
                + "<Column>TrnValue</Column></Columns><Where><Expression><OpenBracket>(</OpenBracket><Column>Reference</Column>"
                + "<Condition>EQ</Condition><Value>ch_3Pabc</Value><CloseBracket>)</CloseBracket></Expression></Where></Query>");
    assertThat(x(found, "/ArInvoicePay/Row/Invoice")).isEqualTo("100234");
    assertThat(x(found, "/ArInvoicePay/Row/TrnValue")).isEqualTo("        -400.00");
    assertThat(x(found, "/ArInvoicePay/RowsReturned")).isEqualTo("      1");
    String statement =
        enet.query(id, "ARSQRY", "<Query><Key><Customer>CUS001</Customer></Key></Query>");
    assertThat(x(statement, "//InvoiceDetail[Invoice='100234']/TransDetail/Reference"))
        .isEqualTo("ch_3Pabc");
    assertThat(x(statement, "//InvoiceDetail[Invoice='100234']/InvoiceBal"))
        .isEqualTo("         750.00");
    assertThat(x(statement, "//PayDetail/ChequeReference")).isEqualTo("ch_3Pabc");
  }

  @Test
  void anOmittedGrossPaymentValuePaysTheWholeOpenBalance() {
    String out =
        enet.post(id, "ARSTPY", params(), doc(payment("CUS001", "200.00", "R1", "100235", null)));
    assertThat(x(out, "//ItemsProcessed")).isEqualTo("1");
    assertThat(sim.invoiceBalance("CUS001", "100235")).isEqualByComparingTo("0");
  }

  @Test
  void anOverpaymentIsAnItemErrorAndNothingChanges() {
    String out =
        enet.post(
            id, "ARSTPY", params(), doc(payment("CUS001", "1200.00", "R2", "100234", "1200.00")));
    assertThat(x(out, "/postarpayment/Item/Payment/InvoiceToPay/GrossPaymentValue/Value"))
        .isEqualTo("1200.00");
    assertThat(x(out, "/postarpayment/Item/Payment/InvoiceToPay/GrossPaymentValue/ErrorNumber"))
        .isEqualTo("100012");
    assertThat(
            x(out, "/postarpayment/Item/Payment/InvoiceToPay/GrossPaymentValue/ErrorDescription"))
        .isEqualTo("Payment of 1200.00 exceeds the balance of 1150.00 on invoice '100234'");
    assertThat(out)
        .endsWith(
            "<Item><Payment><Customer>CUS001</Customer><InvoiceToPay>"
                + "<TransactionType>I</TransactionType><GrossPaymentValue><Value>1200.00</Value><ErrorNumber>100012</ErrorNumber><ErrorDescription>Payment"
                + " of 1200.00 exceeds the balance of 1150.00 on invoice"
                + " '100234'</ErrorDescription></GrossPaymentValue></InvoiceToPay></Payment></Item>"
                + "<StatusOfItems><GlJournal><GlYear/><GlPeriod/><GlJournal/><GlJournalError/><GlJournalMessage/>"
                + "</GlJournal><ItemsProcessed>0</ItemsProcessed><ItemsInvalid>1</ItemsInvalid></StatusOfItems>"
                + "</postarpayment>");
    assertThat(count(out, "//Payment/Key")).isZero();
    assertThat(sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("1150.00");
    assertThat(sim.arPayments()).isEmpty();
  }

  @Test
  void payingAnInvoiceAlreadyPaidIsAnItemError() {
    String out =
        enet.post(id, "ARSTPY", params(), doc(payment("CUS001", "50.00", "R3", "100236", "50.00")));
    assertThat(x(out, "//InvoiceToPay/Invoice/ErrorDescription"))
        .isEqualTo("Invoice '100236' is already fully paid");
    assertThat(x(out, "//InvoiceToPay/Invoice/ErrorNumber")).isEqualTo("100011");
  }

  @Test
  void anUnknownCustomerIsAFieldErrorOnCustomer() {
    String out =
        enet.post(id, "ARSTPY", params(), doc(payment("NOPE", "10.00", "R4", "100234", "10.00")));
    assertThat(x(out, "/postarpayment/Item/Payment/Customer/Value")).isEqualTo("NOPE");
    assertThat(x(out, "/postarpayment/Item/Payment/Customer/ErrorDescription"))
        .isEqualTo("Customer 'NOPE' not found");
    assertThat(x(out, "//ItemsInvalid")).isEqualTo("1");
  }

  @Test
  void aBadCustomerCodeFormatIsAFieldError() {
    String out =
        enet.post(
            id,
            "ARSTPY",
            params(),
            doc(payment("ABCDEFGHIJKLMNOP", "10.00", "R", "100234", "10.00")));
    assertThat(x(out, "//Payment/Customer/ErrorNumber")).isEqualTo("100002");
    assertThat(x(out, "//Payment/Customer/ErrorDescription"))
        .isEqualTo("Customer code 'ABCDEFGHIJKLMNOP' exceeds 15 characters");
  }

  @Test
  void anUnknownInvoiceIsAnItemError() {
    String out =
        enet.post(id, "ARSTPY", params(), doc(payment("CUS001", "10.00", "R5", "999999", "10.00")));
    assertThat(x(out, "//InvoiceToPay/Invoice/ErrorDescription"))
        .isEqualTo("Invoice '999999' not found for customer 'CUS001'");
  }

  @Test
  void aPaymentNotFullyDistributedIsRejectedUnlessAutoCorrected() {
    String out =
        enet.post(
            id, "ARSTPY", params(), doc(payment("CUS001", "500.00", "R6", "100234", "400.00")));
    assertThat(x(out, "//Payment/PaymentValue/ErrorDescription"))
        .isEqualTo("Payment value 500.00 is not fully distributed (distributed 400.00)");
    assertThat(sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("1150.00");

    String corrected =
        enet.post(
            id,
            "ARSTPY",
            params("Y", "N", "Y"),
            doc(payment("CUS001", "500.00", "R6", "100234", "400.00")));
    assertThat(x(corrected, "//ItemsProcessed")).isEqualTo("1");
    assertThat(sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("750.00");
  }

  @Test
  void aClosedPeriodRejectsTheItem() {
    sim.closePeriod(YearMonth.of(2024, 1));
    String out =
        enet.post(id, "ARSTPY", params(), doc(payment("CUS001", "10.00", "R7", "100234", "10.00")));
    assertThat(x(out, "/postarpayment/Item/Payment/ErrorNumber")).isEqualTo("100014");
    assertThat(x(out, "/postarpayment/Item/Payment/ErrorDescription"))
        .isEqualTo("Posting period 2024/01 is closed");
    sim.openPeriod(YearMonth.of(2024, 1));
    assertThat(
            x(
                enet.post(
                    id,
                    "ARSTPY",
                    params(),
                    doc(payment("CUS001", "10.00", "R7", "100234", "10.00"))),
                "//ItemsProcessed"))
        .isEqualTo("1");
  }

  @Test
  void aCustomerOnHoldIsAWarningThatRejectsUnlessIgnored() {
    String out =
        enet.post(id, "ARSTPY", params(), doc(payment("CUS002", "80.00", "R8", "200001", "80.00")));
    assertThat(x(out, "//Payment/ErrorDescription")).isEqualTo("Customer 'CUS002' is on hold");
    String ignoring =
        params()
            .replace("<IgnoreWarnings>N</IgnoreWarnings>", "<IgnoreWarnings>Y</IgnoreWarnings>");
    assertThat(
            x(
                enet.post(
                    id,
                    "ARSTPY",
                    ignoring,
                    doc(payment("CUS002", "80.00", "R8", "200001", "80.00"))),
                "//ItemsProcessed"))
        .isEqualTo("1");
  }

  @Test
  void oneBadItemRejectsTheWholeDocumentUnlessPerItemCommitIsAsked() {
    String good = payment("CUS001", "100.00", "G", "100234", "100.00");
    String bad = payment("CUS001", "10.00", "B", "999999", "10.00");
    String all = enet.post(id, "ARSTPY", params("Y", "N", "N"), doc(good, bad));
    assertThat(x(all, "//ItemsProcessed")).isEqualTo("0");
    assertThat(x(all, "//ItemsInvalid")).isEqualTo("1");
    assertThat(sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("1150.00");

    String each = enet.post(id, "ARSTPY", params("N", "N", "N"), doc(good, bad));
    assertThat(x(each, "//ItemsProcessed")).isEqualTo("1");
    assertThat(x(each, "//ItemsInvalid")).isEqualTo("1");
    assertThat(count(each, "/postarpayment/Item[1]/Payment/Key")).isEqualTo(1);
    assertThat(sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("1050.00");
  }

  @Test
  void validateOnlyNeverChangesAnything() {
    String out =
        enet.post(
            id,
            "ARSTPY",
            params("Y", "Y", "N"),
            doc(payment("CUS001", "100.00", "V", "100234", "100.00")));
    assertThat(out).doesNotContain("ErrorDescription");
    assertThat(sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("1150.00");
    assertThat(sim.arPayments()).isEmpty();
  }

  @Test
  void theSamePaymentPostedTwiceIsPostedTwice() {
    String doc = doc(payment("CUS001", "100.00", "ch_dup", "100234", "100.00"));
    enet.post(id, "ARSTPY", params(), doc);
    String second = enet.post(id, "ARSTPY", params(), doc);
    assertThat(x(second, "//Payment/Key/Journal")).isEqualTo("00002");
    assertThat(sim.arPaymentsWithReference("ch_dup")).hasSize(2);
    assertThat(sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("950.00");
  }

  @Test
  void adjustmentsWriteOffAndReinstateBalances() {
    String dispute =
        doc(
            "<Item><Adjustments><Customer>CUS001</Customer><InvoiceToAdjust><TransactionType>I</TransactionType>"
                + "<Invoice>100235</Invoice><AdjustmentValue>-200.00</AdjustmentValue><Reference>dp_1</Reference>"
                + "</InvoiceToAdjust></Adjustments></Item>");
    String out = enet.post(id, "ARSTPY", params(), dispute);
    assertThat(x(out, "/postarpayment/Item/Adjustments/Key/Journal")).isEqualTo("00001");
    assertThat(sim.invoiceBalance("CUS001", "100235")).isEqualByComparingTo("0");
    String refund = dispute.replace("-200.00", "75.00").replace("dp_1", "re_1");
    enet.post(id, "ARSTPY", params(), refund);
    assertThat(sim.invoiceBalance("CUS001", "100235")).isEqualByComparingTo("75.00");
    assertThat(sim.arPaymentsWithReference("re_1"))
        .singleElement()
        .satisfies(p -> assertThat(p.type()).isEqualTo("A"));

    String zero = enet.post(id, "ARSTPY", params(), dispute.replace("-200.00", "0"));
    assertThat(x(zero, "//InvoiceToAdjust/AdjustmentValue/ErrorDescription"))
        .isEqualTo("AdjustmentValue must not be zero");
    String tooMuch = enet.post(id, "ARSTPY", params(), dispute.replace("-200.00", "-80.00"));
    assertThat(x(tooMuch, "//InvoiceToAdjust/AdjustmentValue/ErrorDescription"))
        .isEqualTo("Adjustment of -80.00 exceeds the balance of 75.00 on invoice '100235'");
  }

  @Test
  void anElementTheSchemaDoesNotAllowIsAnEnetException() {
    String out =
        enet.post(
            id,
            "ARSTPY",
            params(),
            doc(
                payment("CUS001", "10.00", "R", "100234", "10.00")
                    .replace("<Reference>", "<StripeChargeId>x</StripeChargeId><Reference>")));
    assertThat(out)
        .isEqualTo(
            "ERROR: XML element 'StripeChargeId' is not valid in 'PostArPayment/Item/Payment'");
    assertThat(enet.post(id, "ARSTPY", params(), "<PostArPayment><Item>"))
        .startsWith("ERROR: The XmlIn XML document could not be parsed");
    assertThat(
            enet.post(
                id,
                "ARSTPY",
                params(),
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><PostArPayment/>"))
        .startsWith("ERROR: The XmlIn XML document could not be parsed");
    assertThat(enet.post(id, "ARSTPX", params(), doc()))
        .isEqualTo("ERROR: Business object 'ARSTPX' is not available as a Transaction object");
  }
}
