package io.mlconnector.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class XmlCharsetTest {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final String NAME = "Caf\u00e9 M\u00fcller & S\u00f8n \u20ac \u2013 \u00c5ngstr\u00f6m";

  private final Xml xml = Xml.create();

  private static byte[] sysproStyleDocument() {
    String text =
        "<?xml version=\"1.0\" encoding=\"Windows-1252\"?>\n"
            + "<ArCustomer Language=\"05\"><Customer>0000001</Customer><Name>"
            + NAME.replace("&", "&amp;")
            + "</Name><Balance>   1250.50</Balance></ArCustomer>";
    return text.getBytes(WINDOWS_1252);
  }

  @Test
  void windows1252DocumentIsReadFromItsDeclaration() {
    byte[] body = sysproStyleDocument();
    // The euro sign is the single byte 0x80 in Windows-1252: this really is not UTF-8.
    assertThat(body).contains((byte) 0x80);

    SampleDocument doc = xml.fromBytes(body, SampleDocument.class);

    assertThat(doc.name).isEqualTo(NAME);
    assertThat(doc.language).isEqualTo("05");
    assertThat(doc.balance).isEqualByComparingTo("1250.50");
  }

  @Test
  void windows1252DocumentRoundTrips() {
    SampleDocument doc = xml.fromBytes(sysproStyleDocument(), SampleDocument.class);

    byte[] written = xml.toBytes(doc, WINDOWS_1252);
    String asText = new String(written, WINDOWS_1252);
    assertThat(asText).startsWith("<?xml version=\"1.0\" encoding=\"windows-1252\"");
    assertThat(asText).contains(NAME.replace("&", "&amp;"));
    assertThat(written).contains((byte) 0x80).doesNotContain((byte) 0xE2); // no UTF-8 euro bytes

    SampleDocument again = xml.fromBytes(written, SampleDocument.class);
    assertThat(again.name).isEqualTo(NAME);
    assertThat(again.balance).isEqualTo(new BigDecimal("1250.50"));
  }

  @Test
  void explicitCharsetOverridesAMisleadingDeclaration() {
    // The transport says Windows-1252; the declaration wrongly claims UTF-8.
    byte[] body =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ArCustomer><Name>" + NAME.replace("&", "&amp;")
                + "</Name></ArCustomer>")
            .getBytes(WINDOWS_1252);

    assertThatThrownBy(() -> xml.fromBytes(body, SampleDocument.class))
        .isInstanceOf(XmlFormatException.class)
        .hasMessage("Body is not valid UTF-8: byte 0xE9 at offset 59");
    assertThat(xml.fromBytes(body, WINDOWS_1252, SampleDocument.class).name).isEqualTo(NAME);
    Document dom = xml.parseDocument(body, WINDOWS_1252);
    assertThat(dom.getElementsByTagName("Name").item(0).getTextContent()).isEqualTo(NAME);
  }

  @Test
  void charactersOutsideTheCharsetBecomeCharacterReferences() {
    SampleDocument doc = new SampleDocument();
    doc.name = "\u4e2d\u6587 \u20ac";

    byte[] written = xml.toBytes(doc, WINDOWS_1252);

    assertThat(new String(written, StandardCharsets.US_ASCII)).contains("&#20013;&#25991;");
    assertThat(xml.fromBytes(written, SampleDocument.class).name).isEqualTo("\u4e2d\u6587 \u20ac");
  }

  @Test
  void strictDecodingNamesTheOffendingByte() {
    byte[] notUtf8 = "<a>caf\u00e9</a>".getBytes(WINDOWS_1252);
    assertThatThrownBy(() -> Xml.decode(notUtf8, StandardCharsets.UTF_8))
        .isInstanceOf(XmlFormatException.class)
        .hasMessage("Body is not valid UTF-8: byte 0xE9 at offset 6");
    assertThat(Xml.decode(notUtf8, WINDOWS_1252)).isEqualTo("<a>caf\u00e9</a>");
  }

  @Test
  void byteOrderMarksAndUnknownEncodingsAreHandled() {
    byte[] utf8 = "\uFEFF<ArCustomer><Name>\u20ac</Name></ArCustomer>".getBytes(StandardCharsets.UTF_8);
    assertThat(xml.fromBytes(utf8, SampleDocument.class).name).isEqualTo("\u20ac");
    byte[] utf16 = "\uFEFF<ArCustomer><Name>\u20ac</Name></ArCustomer>".getBytes(StandardCharsets.UTF_16LE);
    assertThat(xml.fromBytes(utf16, SampleDocument.class).name).isEqualTo("\u20ac");
    byte[] unknown = "<?xml version=\"1.0\" encoding=\"x-no-such\"?><a/>".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> xml.parseDocument(unknown))
        .isInstanceOf(XmlFormatException.class)
        .hasMessageContaining("encoding \"x-no-such\"");
  }

  @Test
  void declarationCanBeWrittenForTextParameters() {
    SampleDocument doc = new SampleDocument();
    doc.customer = "0000001";
    assertThat(xml.toXml(doc, "Windows-1252"))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"Windows-1252\"?><ArCustomer><Customer>0000001</Customer></ArCustomer>");
    assertThatThrownBy(() -> xml.toXml(doc, "x\"?><evil"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declaredEncoding");
  }
}
