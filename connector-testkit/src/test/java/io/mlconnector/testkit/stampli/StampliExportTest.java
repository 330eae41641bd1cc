package io.mlconnector.testkit.stampli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class StampliExportTest {
  static final ExportInvoice INV = ExportInvoice.approved("ACME", "INV-1", "V0001", LocalDate.of(2026, 3, 2), "USD",
      "1.50", List.of(ExportLine.of(1, "6000", "10.00", "Pens, blue", "CC10"), ExportLine.of(2, "6100", "5.00", null, null)));

  @Test
  void csvRepeatsTheHeaderOnEveryGlLineAndQuotesWhatNeedsIt() {
    String csv = new String(StampliExport.csv().invoices(List.of(INV.withMemo("two\nlines \"quoted\""))), StandardCharsets.UTF_8);
    String[] rows = csv.split("\r\n");
    assertThat(rows[0]).startsWith("Company ID,Stampli ID,Invoice Number,Vendor ID");
    assertThat(csv).contains("\"two\nlines \"\"quoted\"\"\"").contains("\"Pens, blue\"");
    assertThat(csv).contains("16.50,1.50,Approved");
    assertThat(csv.split("INV-1,V0001", -1)).hasSize(3);
  }

  @Test
  void bomDelimiterDecimalCommaAndCreditMemosBySign() {
    byte[] b = StampliExport.csv().bom(true).delimiter(';').decimalSeparator(',').creditMemoBySign(true)
        .invoices(List.of(INV.asCreditMemo()));
    assertThat(b[0] & 0xff).isEqualTo(0xEF);
    String csv = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    assertThat(csv).contains(";-16,50;-1,50;").contains(";-10,00;").contains(";Invoice;");
  }

  @Test
  void xmlIsWellFormedAndTruncatedXmlIsNot() throws Exception {
    byte[] xml = StampliExport.xml().invoices(List.of(INV, INV.asCreditMemo()));
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    assertThat(d.getElementsByTagName("Invoice").getLength()).isEqualTo(2);
    assertThat(d.getElementsByTagName("Line").getLength()).isEqualTo(4);
    assertThat(d.getElementsByTagName("GLAccount").item(0).getTextContent()).isEqualTo("6000");
    byte[] cut = StampliExport.truncated(xml, 0.5);
    assertThat(cut.length).isLessThan(xml.length);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(cut))).isInstanceOf(org.xml.sax.SAXParseException.class);
  }

  @Test
  void largeFilesStreamWithoutBeingHeld() {
    long[] bytes = {0};
    OutputStream counting = new OutputStream() {
      @Override
      public void write(int b) {
        bytes[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes[0] += len;
      }
    };
    StampliExport.csv().writeInvoices(StampliExport.randomInvoices(1, 20_000).iterator(), counting);
    assertThat(bytes[0]).isGreaterThan(20_000L * 100);
  }

  @Test
  void editsAndReExports() {
    ExportInvoice edited = INV.edited("2.00");
    assertThat(edited.total()).isEqualByComparingTo("18.50");
    assertThat(edited.lines().get(0).amount()).isEqualByComparingTo("12.00");
    assertThat(StampliExport.csv().invoices(List.of(INV))).isEqualTo(StampliExport.csv().invoices(List.of(INV)));
  }
}
