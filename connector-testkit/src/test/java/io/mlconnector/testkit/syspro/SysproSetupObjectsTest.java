package io.mlconnector.testkit.syspro;

import static io.mlconnector.testkit.syspro.Enet.x;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SysproSetupObjectsTest {
  private static final String PARAMS =
      "<SetupArCustomer><Parameters><IgnoreWarnings>N</IgnoreWarnings>"
          + "<ApplyIfEntireDocumentValid>Y</ApplyIfEntireDocumentValid><ValidateOnly>N</ValidateOnly></Parameters>"
          + "</SetupArCustomer>";
  private SysproSimulator sim;
  private Enet enet;
  private String id;

  private void start(SysproSimulator.Builder b) {
    sim = b.start();
    enet = new Enet(sim);
    id = enet.logon();
  }

  @AfterEach
  void close() {
    enet.logoff(id);
    sim.close();
  }

  private static String customer(String code, String fields) {
    return "<SetupArCustomer><Item><Key><Customer>"
        + code
        + "</Customer></Key>"
        + fields
        + "</Item></SetupArCustomer>";
  }

  @Test
  void addCreatesTheCustomerAndAnswersLowerCaseRoot() {
    start(Enet.builder());
    String out =
        enet.setup(
            "Add",
            id,
            "ARSSCS",
            PARAMS,
            customer(
                "CUS0042",
                "<Name>Acme"
                    + " Trading</Name><Branch>10</Branch><TermsCode>30</TermsCode><Currency>EUR</Currency>"
                    + "<CreditLimit>50000</CreditLimit><Email>ap@acme.example</Email>"));
    assertThat(out)
        .startsWith(
            "<?xml version=\"1.0\" encoding=\"Windows-1252\"?><setuparcustomer Language=\"05\"");
    assertThat(x(out, "/setuparcustomer/item/key/customer")).isEqualTo("CUS0042");
    assertThat(x(out, "/setuparcustomer/StatusOfItems/RecordsRead")).isEqualTo("1");
    assertThat(x(out, "/setuparcustomer/StatusOfItems/RecordsInvalid")).isEqualTo("0");
    assertThat(sim.customer("CUS0042"))
        .hasValueSatisfying(
            c -> {
              assertThat(c.name()).isEqualTo("Acme Trading");
              assertThat(c.currency()).isEqualTo("EUR");
              assertThat(c.email()).isEqualTo("ap@acme.example");
              assertThat(c.creditLimit()).isEqualByComparingTo("50000");
            });
    String fetched =
        enet.get(
            "/Query/Fetch",
            "UserId",
            id,
            "XmlIn",
            "<Fetch><TableName>ArCustomer</TableName><Key>CUS0042</Key></Fetch>");
    assertThat(x(fetched, "/ArCustomer/CreditLimit")).isEqualTo("       50000");
    assertThat(x(fetched, "/ArCustomer/DateLastSale")).isEqualTo("0000-00-00");
    assertThat(x(fetched, "/ArCustomer/DateCustAdded")).isEqualTo("2024-01-15");
  }

  @Test
  void updateChangesOnlyTheGivenFieldsAndDeleteRemoves() {
    start(Enet.builder());
    sim.addCustomer(Customer.of("CUS1", "Old Name").withEmail("old@x.example"));
    enet.setup("Update", id, "ARSSCS", PARAMS, customer("CUS1", "<Name>New Name</Name>"));
    assertThat(sim.customer("CUS1"))
        .hasValueSatisfying(
            c -> {
              assertThat(c.name()).isEqualTo("New Name");
              assertThat(c.email()).isEqualTo("old@x.example");
            });
    String out = enet.setup("Delete", id, "ARSSCS", PARAMS, customer("CUS1", ""));
    assertThat(x(out, "//RecordsInvalid")).isEqualTo("0");
    assertThat(sim.customer("CUS1")).isEmpty();
  }

  @Test
  void keyErrorsComeBackAsLowerCaseFieldErrorsWithCounts() {
    start(Enet.builder());
    sim.addCustomer(Customer.of("CUS1", "Exists"));
    String dup = enet.setup("Add", id, "ARSSCS", PARAMS, customer("CUS1", "<Name>X</Name>"));
    assertThat(x(dup, "/setuparcustomer/item/key/customer")).isEqualTo("CUS1");
    assertThat(x(dup, "/setuparcustomer/item/customer/Value")).isEqualTo("CUS1");
    assertThat(x(dup, "/setuparcustomer/item/customer/ErrorNumber")).isEqualTo("100003");
    assertThat(x(dup, "/setuparcustomer/item/customer/ErrorDescription"))
        .isEqualTo("Customer 'CUS1' already exists");
    assertThat(x(dup, "//RecordsInvalid")).isEqualTo("1");

    assertThat(dup)
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"Windows-1252\"?><setuparcustomer Language=\"05\""
                + " Language2=\"EN\" CssStyle=\"\" DecFormat=\"1\" DateFormat=\"01\" Role=\"01\""
                + " Version=\"8.0.030\" OperatorPrimaryRole=\"   \">"
                + "<item><key><customer>CUS1</customer></key>"
                + "<customer><Value>CUS1</Value><ErrorNumber>100003</ErrorNumber><ErrorDescription>Customer"
                + " 'CUS1' already exists</ErrorDescription></customer></item>"
                + "<StatusOfItems><RecordsRead>1</RecordsRead><RecordsInvalid>1</RecordsInvalid></StatusOfItems>"
                + "</setuparcustomer>");

    String missing = enet.setup("Update", id, "ARSSCS", PARAMS, customer("NOPE", "<Name>X</Name>"));
    assertThat(x(missing, "/setuparcustomer/item/customer/ErrorDescription"))
        .isEqualTo("Customer 'NOPE' not found");

    String tooLong =
        enet.setup("Add", id, "ARSSCS", PARAMS, customer("ABCDEFGHIJKLMNOP", "<Name>X</Name>"));
    assertThat(x(tooLong, "/setuparcustomer/item/customer/ErrorNumber")).isEqualTo("100002");
    assertThat(x(tooLong, "/setuparcustomer/item/customer/ErrorDescription"))
        .isEqualTo("Customer code 'ABCDEFGHIJKLMNOP' exceeds 15 characters");
  }

  @Test
  void fieldErrorsAreReportedPerItemAndTheDocumentIsAllOrNothing() {
    start(Enet.builder());
    String out =
        enet.setup(
            "Add",
            id,
            "ARSSCS",
            PARAMS,
            "<SetupArCustomer><Item><Key><Customer>GOOD</Customer></Key><Name>Good</Name></Item>"
                + "<Item><Key><Customer>BAD</Customer></Key><Email>not-an-address</Email>"
                + "<CustomerOnHold>X</CustomerOnHold></Item></SetupArCustomer>");
    assertThat(x(out, "/setuparcustomer/item[2]/email/ErrorDescription"))
        .isEqualTo("Email 'not-an-address' is not a valid e-mail address");
    assertThat(x(out, "/setuparcustomer/item[2]/customeronhold/ErrorDescription"))
        .isEqualTo("CustomerOnHold must be Y or N");
    assertThat(x(out, "/setuparcustomer/item[2]/name/ErrorDescription"))
        .isEqualTo("Name is required");
    assertThat(x(out, "//RecordsRead")).isEqualTo("2");
    assertThat(x(out, "//RecordsInvalid")).isEqualTo("1");
    assertThat(sim.customer("GOOD")).as("ApplyIfEntireDocumentValid=Y").isEmpty();

    enet.setup(
        "Add",
        id,
        "ARSSCS",
        PARAMS.replace("<ApplyIfEntireDocumentValid>Y", "<ApplyIfEntireDocumentValid>N"),
        "<SetupArCustomer><Item><Key><Customer>GOOD</Customer></Key><Name>Good</Name></Item>"
            + "<Item><Key><Customer>BAD</Customer></Key></Item></SetupArCustomer>");
    assertThat(sim.customer("GOOD")).isPresent();
    assertThat(sim.customer("BAD")).isEmpty();
  }

  @Test
  void aCustomerWithOpenInvoicesCannotBeDeleted() {
    start(Enet.builder());
    sim.addCustomer(Customer.of("CUS1", "Owes"));
    sim.addArInvoice(ArInvoice.of("CUS1", "1", LocalDate.of(2024, 1, 2), BigDecimal.TEN));
    String out = enet.setup("Delete", id, "ARSSCS", PARAMS, customer("CUS1", ""));
    assertThat(x(out, "//item/customer/ErrorDescription"))
        .isEqualTo("Customer 'CUS1' has open transactions and cannot be deleted");
  }

  @Test
  void numericKeysArePaddedAndMustBeDigits() {
    start(Enet.builder().numericKeys(15, true));
    String out = enet.setup("Add", id, "ARSSCS", PARAMS, customer("42", "<Name>Numeric</Name>"));
    assertThat(x(out, "/setuparcustomer/item/key/customer")).isEqualTo("000000000000042");
    assertThat(sim.customer("000000000000042")).isPresent();
    String bad = enet.setup("Add", id, "ARSSCS", PARAMS, customer("4X2", "<Name>Numeric</Name>"));
    assertThat(x(bad, "//item/customer/ErrorDescription"))
        .isEqualTo("Customer code '4X2' must be numeric");
  }

  @Test
  void unknownElementsAreAnExceptionUnlessTheObjectIgnoresThem() {
    start(Enet.builder());
    String doc = customer("CUS9", "<Name>N</Name><Telephon>555</Telephon>");
    assertThat(enet.setup("Add", id, "ARSSCS", PARAMS, doc))
        .isEqualTo("ERROR: XML element 'Telephon' is not valid in 'SetupArCustomer/Item'");
    assertThat(sim.customer("CUS9")).isEmpty();
    enet.logoff(id);
    sim.close();
    start(Enet.builder().ignoreUnknownElements("ARSSCS"));
    assertThat(Enet.x(enet.setup("Add", id, "ARSSCS", PARAMS, doc), "//RecordsInvalid"))
        .isEqualTo("0");
    assertThat(sim.customer("CUS9")).isPresent();
  }

  @Test
  void apssspMaintainsSuppliers() {
    start(Enet.builder());
    String params =
        "<SetupApSupplier><Parameters><ValidateOnly>N</ValidateOnly></Parameters></SetupApSupplier>";
    String out =
        enet.setup(
            "Add",
            id,
            "APSSSP",
            params,
            "<SetupApSupplier><Item><Key><Supplier>SUP001</Supplier></Key><SupplierName>Pièces"
                + " Détachées SA</SupplierName><TermsCode>45</TermsCode><Currency>EUR</Currency>"
                + "<OnHold>N</OnHold><BankAccount>123</BankAccount></Item></SetupApSupplier>");
    assertThat(x(out, "/setupapsupplier/item/key/supplier")).isEqualTo("SUP001");
    assertThat(x(out, "//RecordsInvalid")).isEqualTo("0");
    assertThat(sim.supplier("SUP001"))
        .hasValueSatisfying(
            s -> {
              assertThat(s.name()).isEqualTo("Pièces Détachées SA");
              assertThat(s.termsCode()).isEqualTo("45");
            });
    String dup =
        enet.setup(
            "Add",
            id,
            "APSSSP",
            params,
            "<SetupApSupplier><Item><Key><Supplier>SUP001</Supplier></Key><SupplierName>X</SupplierName></Item></SetupApSupplier>");
    assertThat(x(dup, "/setupapsupplier/item/supplier/ErrorDescription"))
        .isEqualTo("Supplier 'SUP001' already exists");
    String validateOnly =
        enet.setup(
            "Add",
            id,
            "APSSSP",
            params.replace(">N<", ">Y<"),
            "<SetupApSupplier><Item><Key><Supplier>SUP002</Supplier></Key><SupplierName>X</SupplierName></Item></SetupApSupplier>");
    assertThat(x(validateOnly, "//RecordsInvalid")).isEqualTo("0");
    assertThat(sim.supplier("SUP002")).isEmpty();
  }
}
