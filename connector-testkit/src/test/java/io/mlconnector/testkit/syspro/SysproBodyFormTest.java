package io.mlconnector.testkit.syspro;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SysproBodyFormTest {
  private static final String FIND =
      "<Query><TableName>ArCustomer</TableName><Columns><Column>Name</Column>"
          + "</Columns></Query>";
  private SysproSimulator sim;

  @AfterEach
  void close() {
    sim.close();
  }

  private SysproSimulator start(BodyForm form) {
    sim = Enet.builder().bodyForm(form).start();
    sim.addCustomer(Customer.of("CUS1", "Café €uro"));
    return sim;
  }

  private static byte[] bytes(Response r) throws Exception {
    assertThat(r.code()).isEqualTo(200);
    return r.body().bytes();
  }

  @Test
  void rawBodiesAreWindows1252Bytes() throws Exception {
    Enet enet = new Enet(start(BodyForm.RAW));
    String id = enet.logon();
    try (Response r =
        enet.call("/Query/Query", "UserId", id, "BusinessObject", "COMFND", "XmlIn", FIND)) {
      assertThat(r.header("Content-Type")).isEqualTo("application/octet-stream");
      byte[] body = bytes(r);
      String text = new String(body, Enet.CP1252);
      assertThat(text)
          .startsWith("<?xml version=\"1.0\" encoding=\"Windows-1252\"?>")
          .contains("<Name>Café €uro</Name>");
      int at = text.indexOf("Caf");
      assertThat(body[at + 3]).isEqualTo((byte) 0xE9); // é in Windows-1252
      assertThat(body[at + 5]).isEqualTo((byte) 0x80); // € in Windows-1252
      assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("Café");
    }
    enet.logoff(id);
  }

  @Test
  void jsonStringBodiesAreJsonLiterals() throws Exception {
    Enet enet = new Enet(start(BodyForm.JSON_STRING));
    String logon;
    try (Response r =
        enet.call(
            "/Logon",
            "Operator",
            "ADMIN",
            "OperatorPassword",
            "secret",
            "CompanyId",
            "EDU1",
            "CompanyPassword",
            "")) {
      assertThat(r.header("Content-Type")).startsWith("application/json");
      logon = new String(bytes(r), StandardCharsets.UTF_8);
    }
    assertThat(logon).matches("\"[0-9A-F]{34}  \"");
    String id = logon.substring(1, logon.length() - 1);
    try (Response r =
        enet.call("/Query/Query", "UserId", id, "BusinessObject", "COMFND", "XmlIn", FIND)) {
      String body = new String(bytes(r), StandardCharsets.UTF_8);
      assertThat(body)
          .startsWith("\"<?xml version=\\\"1.0\\\" encoding=\\\"Windows-1252\\\"?>")
          .contains("<Name>Café €uro</Name>")
          .endsWith("\"");
    }
    try (Response r = enet.call("/Logoff", "UserId", "bogus")) {
      assertThat(new String(bytes(r), StandardCharsets.UTF_8))
          .isEqualTo("\"ERROR: The supplied UserID is invalid.\"");
    }
    try (Response r = enet.call("/Logoff", "UserId", id)) {
      assertThat(new String(bytes(r), StandardCharsets.UTF_8)).isEqualTo("\"0\"");
    }
  }

  @Test
  void wcfStringBodiesWrapEscapedText() throws Exception {
    Enet enet = new Enet(start(BodyForm.WCF_STRING));
    String id;
    try (Response r =
        enet.call(
            "/Logon",
            "Operator",
            "ADMIN",
            "OperatorPassword",
            "secret",
            "CompanyId",
            "EDU1",
            "CompanyPassword",
            "")) {
      String body = new String(bytes(r), StandardCharsets.UTF_8);
      assertThat(body)
          .matches(
              "<string xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/\">[0-9A-F]{34} "
                  + " </string>");
      id = Enet.x(body, "/*");
    }
    try (Response r =
        enet.call("/Query/Query", "UserId", id, "BusinessObject", "COMFND", "XmlIn", FIND)) {
      String inner = Enet.x(new String(bytes(r), StandardCharsets.UTF_8), "/*");
      assertThat(Enet.x(inner, "/ArCustomer/Row/Name")).isEqualTo("Café €uro");
    }
    enet.logoff(id);
  }

  @Test
  void postLdTakesTheXmlEnvelopeAndFormBodiesOnlyWhenEnabled() throws Exception {
    start(BodyForm.RAW);
    sim.addArInvoice(
        ArInvoice.of("CUS1", "INV1", LocalDate.of(2024, 1, 2), new BigDecimal("10.00")));
    Enet enet = new Enet(sim);
    String id = enet.logon();
    String envelope =
        "<TransactionPostLD xmlns=\"http://SYSPROWcfService\"><UserId>"
            + id
            + "</UserId>"
            + "<BusinessObject>ARSTPY</BusinessObject><XmlParameters><![CDATA[<PostArPayment><Parameters>"
            + "<ValidateOnly>N</ValidateOnly></Parameters></PostArPayment>]]></XmlParameters><XmlIn><![CDATA["
            + "<PostArPayment><Item><Payment><Customer>CUS1</Customer><PaymentValue>10.00</PaymentValue>"
            + "<Reference>LD-1</Reference><InvoiceToPay><Invoice>INV1</Invoice></InvoiceToPay></Payment></Item>"
            + "</PostArPayment>]]></XmlIn></TransactionPostLD>";
    Request ld =
        new Request.Builder()
            .url(enet.url("/Transaction/PostLD"))
            .post(RequestBody.create(envelope, MediaType.get("application/xml")))
            .build();
    try (Response r = Enet.HTTP.newCall(ld).execute()) {
      String out = new String(bytes(r), Enet.CP1252);
      assertThat(Enet.x(out, "/postarpayment/StatusOfItems/ItemsProcessed")).isEqualTo("1");
    }
    assertThat(sim.invoiceBalance("CUS1", "INV1")).isEqualByComparingTo("0");

    Request form =
        new Request.Builder()
            .url(enet.url("/Transaction/PostLD"))
            .post(
                new okhttp3.FormBody.Builder()
                    .add("UserId", id)
                    .add("BusinessObject", "ARSTPY")
                    .add("XmlParameters", "")
                    .add("XmlIn", "<PostArPayment/>")
                    .build())
            .build();
    try (Response r = Enet.HTTP.newCall(form).execute()) {
      assertThat(r.code()).isEqualTo(400);
    }
    assertThat(sim.restRequestCount("POST", "transaction/postld")).isEqualTo(2);
    assertThat(sim.restRequestCount("post", "/Transaction/PostLD")).isEqualTo(2);
    assertThat(sim.restRequestCount("GET", "Transaction/Post")).isZero();
    assertThat(sim.restRequestCount("GET", "Logon")).isEqualTo(1);
    enet.logoff(id);
    sim.close();

    sim = Enet.builder().acceptFormEncodedPostLd(true).start();
    sim.addCustomer(Customer.of("CUS1", "Form"));
    Enet formEnet = new Enet(sim);
    String formId = formEnet.logon();
    Request accepted =
        new Request.Builder()
            .url(formEnet.url("/Transaction/PostLD"))
            .post(
                new okhttp3.FormBody.Builder()
                    .add("UserId", formId)
                    .add("BusinessObject", "GENTJL")
                    .add("XmlParameters", "")
                    .add(
                        "XmlIn",
                        "<PostGlJournal><Item><JournalDetails><LedgerCode>X</LedgerCode>"
                            + "<EntryAmount>1</EntryAmount></JournalDetails></Item></PostGlJournal>")
                    .build())
            .build();
    try (Response r = Enet.HTTP.newCall(accepted).execute()) {
      String out = new String(bytes(r), Enet.CP1252);
      assertThat(Enet.x(out, "//LedgerCode/ErrorDescription"))
          .isEqualTo("Ledger code 'X' not found");
    }
    formEnet.logoff(formId);
  }

  @Test
  void lenientParameterNamesAreASwitch() {
    start(BodyForm.RAW);
    Enet enet = new Enet(sim);
    String id = enet.logon();
    assertThat(enet.get("/GetLogonProfile", "userid", id))
        .isEqualTo("ERROR: The supplied UserID is invalid.");
    enet.logoff(id);
    sim.close();
    sim = Enet.builder().strictParameterNames(false).start();
    Enet lenient = new Enet(sim);
    String id2 = lenient.logon();
    assertThat(lenient.get("/GetLogonProfile", "userid", id2))
        .contains("<OperatorCode>ADMIN</OperatorCode>");
  }
}
