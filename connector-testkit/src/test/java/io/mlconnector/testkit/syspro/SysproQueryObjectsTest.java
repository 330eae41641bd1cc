package io.mlconnector.testkit.syspro;

import static io.mlconnector.testkit.syspro.Enet.count;
import static io.mlconnector.testkit.syspro.Enet.x;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SysproQueryObjectsTest {
  private SysproSimulator sim;
  private Enet enet;
  private String id;

  @BeforeEach
  void start() {
    sim = Enet.builder().start();
    sim.addCustomer(Customer.of("BAY001", "Bayside Bikes").withBranch("10"));
    sim.addCustomer(Customer.of("JOH002", "Johnsons Bicycles").withBranch("20"));
    sim.addCustomer(Customer.of("SPO002", "Sportsmans South").withBranch("10"));
    sim.addCustomer(Customer.of("SPO003", "Sportsmans East").withBranch("10"));
    sim.addArInvoice(
        ArInvoice.of("BAY001", "000101", LocalDate.of(2023, 11, 1), new BigDecimal("100.00"))
            .withLines(
                List.of(
                    new ArInvoiceLine(
                        1,
                        "B100",
                        "Bicycle €",
                        BigDecimal.ONE,
                        new BigDecimal("90.00"),
                        new BigDecimal("10.00")))));
    sim.addArInvoice(
        ArInvoice.of("BAY001", "000102", LocalDate.of(2024, 1, 2), new BigDecimal("250.50")));
    sim.addArInvoice(
        ArInvoice.of("BAY001", "000103", LocalDate.of(2024, 1, 3), new BigDecimal("75.00"))
            .withBalance(BigDecimal.ZERO));
    sim.addArInvoice(
        ArInvoice.of("JOH002", "000201", LocalDate.of(2024, 1, 4), new BigDecimal("999.99")));
    enet = new Enet(sim);
    id = enet.logon();
  }

  @AfterEach
  void close() {
    enet.logoff(id);
    sim.close();
  }

  private static String expr(
      String andOr, String open, String col, String cond, String value, String close) {
    return "<Expression>"
        + (andOr == null ? "" : "<AndOr>" + andOr + "</AndOr>")
        + "<OpenBracket>"
        + open
        + "</OpenBracket><Column>"
        + col
        + "</Column><Condition>"
        + cond
        + "</Condition><Value>"
        + value
        + "</Value><CloseBracket>"
        + close
        + "</CloseBracket></Expression>";
  }

  @Test
  void comfndFiltersWithBracketsLikeAndOrderAndPadsNumbers() {
    String out =
        enet.query(
            id,
            "COMFND",
            "<Query><TableName>ArInvoice</TableName>"
                + "<Columns><Column>Customer</Column><Column>Invoice</Column><Column>InvoiceBal1</Column>"
                + "<Column>InvoiceDate</Column></Columns><Where>"
                + expr(null, "((", "Customer", "EQ", "BAY001", ")")
                + expr("And", "", "InvoiceBal1", "NE", "0", ")")
                + expr("Or", "(", "Customer", "LIKE", "JOH*", ")")
                + "</Where><OrderBy><Column>InvoiceBal1</Column></OrderBy></Query>");
    assertThat(out)
        .startsWith("<?xml version=\"1.0\" encoding=\"Windows-1252\"?><ArInvoice Language=\"05\"");
    assertThat(x(out, "/ArInvoice/HeaderDetails/TableName")).isEqualTo("ArInvoice");
    assertThat(count(out, "/ArInvoice/Row")).isEqualTo(3);
    assertThat(x(out, "/ArInvoice/Row[1]/Invoice")).isEqualTo("000101");
    assertThat(x(out, "/ArInvoice/Row[1]/InvoiceBal1")).isEqualTo("         100.00");
    assertThat(x(out, "/ArInvoice/Row[1]/InvoiceDate")).isEqualTo("2023-11-01");
    assertThat(x(out, "/ArInvoice/Row[3]/Invoice")).isEqualTo("000201");
    assertThat(x(out, "/ArInvoice/RowsReturned")).isEqualTo("      3");
  }

  @Test
  void comfndReturnRowsLimitsAndUnknownNamesAreExceptions() {
    String out =
        enet.query(
            id,
            "COMFND",
            "<Query><TableName>ArCustomer</TableName><ReturnRows>2</ReturnRows>"
                + "<Columns><Column>Customer</Column><Column>DateLastPay</Column></Columns></Query>");
    assertThat(count(out, "//Row")).isEqualTo(2);
    assertThat(x(out, "//Row[1]/DateLastPay")).isEqualTo("0000-00-00");
    assertThat(enet.query(id, "COMFND", "<Query><TableName>arcustomer</TableName></Query>"))
        .isEqualTo("ERROR: Table 'arcustomer' is not a valid table name");
    assertThat(
            enet.query(
                id,
                "COMFND",
                "<Query><TableName>ArCustomer</TableName><Columns><Column>LastModifiedDate"
                    + "</Column></Columns></Query>"))
        .isEqualTo("ERROR: Column 'LastModifiedDate' not found in table 'ArCustomer'");
    assertThat(
            enet.query(
                id,
                "COMFND",
                "<Query><TableName>ArCustomer</TableName><Where>"
                    + expr(null, "((", "Customer", "EQ", "X", ")")
                    + "</Where></Query>"))
        .isEqualTo("ERROR: Unbalanced brackets in Where expression");
  }

  @Test
  void comfchFetchesOneRowWithEveryColumnAndFailsOnAMissingKey() {
    String out =
        enet.get(
            "/Query/Fetch",
            "UserId",
            id,
            "XmlIn",
            "<Fetch><TableName>ArInvoice</TableName><Key>BAY001</Key>"
                + "<OptionalKey1>000102</OptionalKey1><FullKeyProvided>Y</FullKeyProvided></Fetch>");
    assertThat(x(out, "/ArInvoice/CurrencyValue")).isEqualTo("         250.50");
    assertThat(x(out, "/ArInvoice/InvoiceBal1")).isEqualTo("         250.50");
    assertThat(x(out, "/ArInvoice/DocumentType")).isEqualTo("I");
    assertThat(
            enet.get(
                "/Query/Fetch",
                "UserId",
                id,
                "XmlIn",
                "<Fetch><TableName>ArCustomer</TableName><Key>NOPE</Key></Fetch>"))
        .isEqualTo("ERROR: Key 'NOPE' not found in table 'ArCustomer'");
    String line = enet.query(id, "COMFND", "<Query><TableName>ArTrnDetail</TableName></Query>");
    assertThat(x(line, "//Row/StockDes")).isEqualTo("Bicycle €");
  }

  @Test
  void combrwPagesWithNextKey() {
    String browse =
        "<Browse><BrowseName>ArCustomer</BrowseName><StartAtKey>%s</StartAtKey><StartCondition>EF"
            + "</StartCondition><ReturnRows>2</ReturnRows><Filter><ColumnFilterName>Branch</ColumnFilterName>"
            + "<ColumnFilterValue>10</ColumnFilterValue></Filter><BrowseDetails><TableName>ArCustomer</TableName>"
            + "<Title>Customers</Title><Column><ColumnName>Customer</ColumnName></Column><Column><ColumnName>Name"
            + "</ColumnName></Column><Column><ColumnName>CreditLimit</ColumnName></Column></BrowseDetails></Browse>";
    String page1 = enet.get("/Query/Browse", "UserId", id, "XmlIn", String.format(browse, ""));
    assertThat(x(page1, "/ArCustomer/Title")).isEqualTo("Customers");
    assertThat(x(page1, "/ArCustomer/Row[1]/Customer/Value")).isEqualTo("BAY001");
    assertThat(x(page1, "/ArCustomer/Row[1]/Customer/DataType")).isEqualTo("AlphaNumeric");
    assertThat(x(page1, "/ArCustomer/Row[1]/CreditLimit/DataType")).isEqualTo("Numeric");
    assertThat(x(page1, "/ArCustomer/Row[2]/Customer/Value")).isEqualTo("SPO002");
    assertThat(x(page1, "/ArCustomer/NextPrevKey/Fwd")).isEqualTo("true");
    assertThat(x(page1, "/ArCustomer/NextPrevKey/Back")).isEqualTo("false");
    String next = x(page1, "/ArCustomer/NextPrevKey/NextKey");
    String page2 = enet.get("/Query/Browse", "UserId", id, "XmlIn", String.format(browse, next));
    assertThat(count(page2, "/ArCustomer/Row")).isEqualTo(1);
    assertThat(x(page2, "/ArCustomer/Row[1]/Customer/Value")).isEqualTo("SPO003");
    assertThat(x(page2, "/ArCustomer/NextPrevKey/Fwd")).isEqualTo("false");
    assertThat(x(page2, "/ArCustomer/NextPrevKey/Back")).isEqualTo("true");
  }

  @Test
  void demoDataIsReadableThroughEveryFace() {
    SysproSimulator demo = Enet.builder().start();
    try {
      demo.seedDemoData();
      Enet d = new Enet(demo);
      String demoId = d.logon();
      String out =
          d.query(
              demoId,
              "COMFND",
              "<Query><TableName>ArInvoice</TableName><Columns><Column>Invoice"
                  + "</Column></Columns><Where>"
                  + expr(null, "", "InvoiceBal1", "GT", "0", "")
                  + "</Where></Query>");
      assertThat(x(out, "//RowsReturned")).isEqualTo("      4");
      assertThat(
              x(
                  d.query(
                      demoId, "ARSQRY", "<Query><Key><Customer>CAF001</Customer></Key></Query>"),
                  "//Header/Name"))
          .isEqualTo("Café Zürich AG");
      d.logoff(demoId);
      assertThat(demo.arInvoice("CAF001", "100101"))
          .hasValueSatisfying(i -> assertThat(i.lines()).hasSize(2));
      assertThat(demo.apInvoiceCount()).isEqualTo(1);
      assertThat(demo.glAccount("00-6150")).isPresent();
    } finally {
      demo.close();
    }
  }

  @Test
  void arsqryListsOpenInvoicesAndFailsForAnUnknownCustomer() {
    String out =
        enet.query(
            id,
            "ARSQRY",
            "<Query><Key><Customer>BAY001</Customer></Key><Option>"
                + "<IncludeTransactions>Y</IncludeTransactions><IncludeZeroBalances>N</IncludeZeroBalances></Option></Query>");
    assertThat(x(out, "/ARStatement/Header/Name")).isEqualTo("Bayside Bikes");
    assertThat(x(out, "/ARStatement/SystemInformation/CompanyName"))
        .isEqualTo("Outdoor Café Company");
    assertThat(count(out, "/ARStatement/InvoiceDetail")).isEqualTo(2);
    assertThat(x(out, "/ARStatement/InvoiceDetail[1]/DueDate")).isEqualTo("2023-12-01");
    assertThat(x(out, "/ARStatement/TotalSection/CurrentBalance")).isEqualTo("         350.50");
    assertThat(x(out, "/ARStatement/TotalSection/Days60")).isEqualTo("         100.00");
    String withZero =
        enet.query(
            id,
            "ARSQRY",
            "<Query><Key><Customer>BAY001</Customer></Key><Option>"
                + "<IncludeZeroBalances>Y</IncludeZeroBalances></Option></Query>");
    assertThat(count(withZero, "/ARStatement/InvoiceDetail")).isEqualTo(3);
    assertThat(enet.query(id, "ARSQRY", "<Query><Key><Customer>NOPE</Customer></Key></Query>"))
        .isEqualTo("ERROR: Customer 'NOPE' not found");
  }
}
