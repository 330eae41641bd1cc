package io.mlconnector.stampli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.sync.FileRow;
import io.mlconnector.testkit.stampli.ExportInvoice;
import io.mlconnector.testkit.stampli.ExportLine;
import io.mlconnector.testkit.stampli.ExportVendor;
import io.mlconnector.testkit.stampli.StampliExport;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StampliFilesTest {
  static final ExportInvoice INV = ExportInvoice.approved("ACME", "INV-1001", "V0001", LocalDate.of(2026, 3, 2),
      "USD", "15.00", List.of(ExportLine.of(1, "6000", "100.00", "Paper", "CC10"),
          ExportLine.of(2, "6100", "50.50", "Toner, black", "CC20")));

  final StampliFiles files = new StampliFiles("acme", StampliTemplate.defaults());

  static List<FileRow<Invoice>> parse(StampliFiles f, String name, byte[] bytes) throws Exception {
    try (Stream<FileRow<Invoice>> s = f.invoices(name, new ByteArrayInputStream(bytes))) {
      return s.toList();
    }
  }

  @Test
  void csvWithOneRowPerGlLineBecomesOneInvoice() throws Exception {
    byte[] csv = StampliExport.csv().invoices(List.of(INV.withMemo("Q1 supplies, \"urgent\"\nsecond line")));
    List<FileRow<Invoice>> rows = parse(files, "invoices-1.csv", csv);
    assertThat(rows).hasSize(1);
    Invoice inv = rows.get(0).document();
    assertThat(inv.ref().id()).isEqualTo("ACME|V0001|inv-1001|I");
    assertThat(inv.number()).isEqualTo("INV-1001");
    assertThat(inv.party()).isEqualTo(StampliRefs.vendor("acme", "V0001"));
    assertThat(inv.direction()).isEqualTo(Invoice.Direction.PAYABLE);
    assertThat(inv.total().amount()).isEqualByComparingTo("165.50");
    assertThat(inv.taxTotal().amount()).isEqualByComparingTo("15.00");
    assertThat(inv.memo()).isEqualTo("Q1 supplies, \"urgent\"\nsecond line");
    assertThat(inv.lines()).extracting(l -> l.glAccount().id()).containsExactly("6000", "6100");
    assertThat(inv.lines()).extracting(l -> l.costCenter().id()).containsExactly("CC10", "CC20");
    assertThat(inv.lines().get(1).description()).isEqualTo("Toner, black");
  }

  @Test
  void tenantFormatsBomSemicolonDecimalCommaAndOwnColumnNames() throws Exception {
    byte[] csv = StampliExport.csv().delimiter(';').bom(true).decimalSeparator(',').dateFormat("dd/MM/yyyy")
        .rename("Invoice Number", "Belegnummer").invoices(List.of(INV));
    StampliFiles tenant = new StampliFiles("acme", StampliTemplate.builder().delimiter(';').decimalSeparator(',')
        .dateFormats("dd/MM/yyyy").alias(Entity.INVOICES, StampliTemplate.INVOICE_NUMBER, "Belegnummer").build());
    Invoice inv = parse(tenant, "invoices.csv", csv).get(0).document();
    assertThat(inv.number()).isEqualTo("INV-1001");
    assertThat(inv.issueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(inv.total().amount()).isEqualByComparingTo("165.50");
    // the same file read with the default template: a clear reason, not a guess
    List<FileRow<Invoice>> wrong = parse(files, "invoices.csv", csv);
    assertThat(wrong).hasSize(1);
    assertThat(wrong.get(0).error()).contains("has no column for");
  }

  @Test
  void xmlWithConfigurablePathsParsesLikeCsv() throws Exception {
    byte[] xml = StampliExport.xml().invoices(List.of(INV, INV.asCreditMemo()));
    List<FileRow<Invoice>> rows = parse(files, "invoices-1.xml", xml);
    assertThat(rows).extracting(r -> r.document().documentType())
        .containsExactly(Invoice.DocumentType.INVOICE, Invoice.DocumentType.CREDIT_NOTE);
    assertThat(rows.get(0).document().version()).isEqualTo(parse(files, "x.csv",
        StampliExport.csv().invoices(List.of(INV))).get(0).document().version());
    StampliFiles custom = new StampliFiles("acme", StampliTemplate.builder()
        .xmlRecordPath(Entity.INVOICES, "/Export/Bills/Bill").xmlLinePath("Dist/Row").build());
    String other = new String(xml, StandardCharsets.UTF_8).replace("<Invoices>", "<Export><Bills>")
        .replace("</Invoices>", "</Bills></Export>").replace("Invoice>", "Bill>").replace("<Lines>", "<Dist>")
        .replace("</Lines>", "</Dist>").replace("<Line>", "<Row>").replace("</Line>", "</Row>");
    assertThat(parse(custom, "b.xml", other.getBytes(StandardCharsets.UTF_8))).hasSize(2)
        .allSatisfy(r -> assertThat(r.document()).isNotNull());
  }

  @Test
  void creditMemosByTypeOrBySign() throws Exception {
    byte[] byType = StampliExport.csv().invoices(List.of(INV.asCreditMemo()));
    byte[] bySign = StampliExport.csv().creditMemoBySign(true).invoices(List.of(INV.asCreditMemo()));
    Invoice a = parse(files, "a.csv", byType).get(0).document();
    Invoice b = parse(files, "b.csv", bySign).get(0).document();
    assertThat(a.documentType()).isEqualTo(Invoice.DocumentType.CREDIT_NOTE);
    assertThat(b.documentType()).isEqualTo(Invoice.DocumentType.CREDIT_NOTE);
    assertThat(b.total()).isEqualTo(a.total());
    assertThat(a.ref().id()).endsWith("|C");
    StampliFiles typeOnly = new StampliFiles("acme",
        StampliTemplate.builder().creditMemoRule(StampliTemplate.CreditMemoRule.BY_TYPE).build());
    assertThat(parse(typeOnly, "b.csv", bySign).get(0).error()).contains("recognised by type only");
  }

  @Test
  void aMalformedRowAmong10000GoodOnesIsTheOnlyOneParked() throws Exception {
    List<ExportInvoice> all = new ArrayList<>();
    StampliExport.randomInvoices(7, 10_000).forEach(all::add);
    ExportInvoice bad = all.get(4321);
    all.set(4321, bad.withLine(0, bad.lines().get(0).withRawAmount("12,3x")));
    List<FileRow<Invoice>> rows = parse(files, "invoices-big.csv", StampliExport.csv().invoices(all));
    assertThat(rows).hasSize(10_000);
    List<FileRow<Invoice>> parked = rows.stream().filter(r -> r.error() != null).toList();
    assertThat(parked).hasSize(1);
    assertThat(parked.get(0).error()).contains(bad.number()).contains("'12,3x'").contains("line ");
  }

  @Test
  void validationNamesWhatIsWrong() throws Exception {
    ExportInvoice pending = INV.withStatus("Pending");
    ExportInvoice wrongTotal = ExportInvoice.approved("ACME", "INV-2", "V0002", LocalDate.of(2026, 3, 2), "USD",
        "0.00", List.of(ExportLine.of(1, "6000", "10.00", null, null))).withTotal("10.02");
    ExportInvoice withinCent = ExportInvoice.approved("ACME", "INV-3", "V0002", LocalDate.of(2026, 3, 2), "USD",
        "0.00", List.of(ExportLine.of(1, "6000", "10.00", null, null))).withTotal("10.01");
    List<FileRow<Invoice>> rows = parse(files, "i.csv", StampliExport.csv().invoices(List.of(pending, wrongTotal, withinCent)));
    assertThat(rows.get(0).error()).contains("status 'Pending'");
    assertThat(rows.get(1).error()).contains("INV-2").contains("not the total 10.02");
    assertThat(rows.get(2).document()).isNotNull();
    // header fields differing between an invoice's rows
    String csv = new String(StampliExport.csv().invoices(List.of(INV)), StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    lines[2] = lines[2].replace("2026-04-01", "2026-04-02");
    assertThat(parse(files, "i.csv", String.join("\r\n", lines).getBytes()).get(0).error())
        .contains("header field dueDate differs between line 2").contains("line 3");
  }

  @Test
  void notWellFormedXmlStopsTheFile() {
    byte[] xml = StampliExport.truncated(StampliExport.xml().invoices(List.of(INV, INV.asCreditMemo())), 0.7);
    assertThatThrownBy(() -> parse(files, "i.xml", xml)).hasMessageContaining("not well-formed XML");
  }

  @Test
  void invalidBytesInTheEncodingAreReportedNotReplaced() throws Exception {
    byte[] csv = StampliExport.csv().invoices(List.of(INV.withMemo("Caf\u00e9")));
    byte[] latin1 = new String(csv, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> parse(files, "i.csv", latin1)).hasStackTraceContaining("Malformed");
    StampliFiles l1 = new StampliFiles("acme", StampliTemplate.builder().charset(StandardCharsets.ISO_8859_1).build());
    assertThat(l1.invoices("i.csv", new ByteArrayInputStream(latin1)).toList().get(0).document().memo())
        .isEqualTo("Caf\u00e9");
  }

  @Test
  void vendorsParse() throws Exception {
    byte[] csv = StampliExport.csv().vendors(List.of(new ExportVendor("V0001", "Paper Co", true, "ap@paper.example",
        null, "USD", "30"), new ExportVendor("V0002", "Gone Ltd", false, null, null, null, null)));
    List<FileRow<Vendor>> rows;
    try (Stream<FileRow<Vendor>> s = files.vendors("vendors.csv", new ByteArrayInputStream(csv))) {
      rows = s.toList();
    }
    assertThat(rows).extracting(r -> r.document().name()).containsExactly("Paper Co", "Gone Ltd");
    assertThat(rows.get(1).document().active()).isFalse();
    assertThat(rows.get(0).document().ref()).isEqualTo(StampliRefs.vendor("acme", "V0001"));
  }

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }
}
