package io.mlconnector.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.bind.JAXBElement;
import java.nio.charset.StandardCharsets;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlBindingTest {
  private final Xml xml = Xml.create();

  private static SampleDocument sample() {
    SampleDocument doc = new SampleDocument();
    doc.language = "05";
    doc.customer = "C-100";
    doc.name = "O'Brien <Trading> & Co";
    doc.balance = new java.math.BigDecimal("1234.50");
    doc.lines.add(new SampleDocument.Line("Widgets", "1000.00"));
    doc.lines.add(new SampleDocument.Line("Freight", "234.50"));
    return doc;
  }

  @Test
  void annotatedClassRoundTripsThroughText() {
    String text = xml.toXml(sample());

    assertThat(text)
        .startsWith("<ArCustomer Language=\"05\"><Customer>C-100</Customer>")
        .contains("<Name>O'Brien &lt;Trading&gt; &amp; Co</Name>")
        .contains("<Line><Description>Widgets</Description><Amount>1000.00</Amount></Line>");

    SampleDocument back = xml.fromXml(text, SampleDocument.class);
    assertThat(back.language).isEqualTo("05");
    assertThat(back.name).isEqualTo("O'Brien <Trading> & Co");
    assertThat(back.balance).isEqualTo("1234.50");
    assertThat(back.lines).extracting(l -> l.description).containsExactly("Widgets", "Freight");
    assertThat(back.lines).extracting(l -> l.amount.toPlainString()).containsExactly("1000.00", "234.50");
  }

  @Test
  void utf8BytesRoundTripWithDeclaration() {
    byte[] bytes = xml.toBytes(sample(), StandardCharsets.UTF_8);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"");
    assertThat(xml.fromBytes(bytes, SampleDocument.class).customer).isEqualTo("C-100");
  }

  @Test
  void unknownElementsAreIgnoredAndWrongRootIsNamed() {
    SampleDocument doc =
        xml.fromXml("<ArCustomer><Customer>C1</Customer><AddedLater>x</AddedLater></ArCustomer>", SampleDocument.class);
    assertThat(doc.customer).isEqualTo("C1");

    assertThatThrownBy(() -> xml.fromXml("<ApSupplier/>", SampleDocument.class))
        .isInstanceOf(XmlFormatException.class)
        .hasMessageContaining("XML does not fit SampleDocument")
        .hasMessageContaining("ApSupplier");
  }

  @Test
  void classWithoutRootElementBindsByDeclaredType() {
    SampleDocument.Line line =
        xml.fromXml("<Anything><Description>Fee</Description><Amount>2.5</Amount></Anything>", SampleDocument.Line.class);
    assertThat(line.description).isEqualTo("Fee");

    assertThatThrownBy(() -> xml.toXml(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no @XmlRootElement");
    String written =
        xml.toXml(new JAXBElement<>(new QName("Line"), SampleDocument.Line.class, line));
    assertThat(written).isEqualTo("<Line><Description>Fee</Description><Amount>2.5</Amount></Line>");
  }

  @Test
  void contextsAreCachedPerClassSet() {
    assertThat(xml.context(SampleDocument.class)).isSameAs(xml.context(SampleDocument.class));
    assertThat(xml.context(SampleDocument.class, SampleDocument.Line.class))
        .isSameAs(xml.context(SampleDocument.Line.class, SampleDocument.class))
        .isNotSameAs(xml.context(SampleDocument.class));
    assertThatThrownBy(() -> xml.context())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("classes must not be empty");
  }

  @Test
  void domParsingKeepsNamespacesAttributesAndText() {
    Document dom =
        xml.parseDocument(
            "<?xml version=\"1.0\"?><TransactionPostLD xmlns=\"http://SYSPROWcfService\" a=\"1\">"
                + "<XmlIn><![CDATA[<Post/>]]></XmlIn><!-- note --></TransactionPostLD>");
    Element root = dom.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo("http://SYSPROWcfService");
    assertThat(root.getLocalName()).isEqualTo("TransactionPostLD");
    assertThat(root.getAttribute("a")).isEqualTo("1");
    assertThat(root.getElementsByTagNameNS("http://SYSPROWcfService", "XmlIn").item(0).getTextContent())
        .isEqualTo("<Post/>");
  }

  @Test
  void formattedOutputIsIndented() {
    String text = Xml.builder().formatted(true).build().toXml(sample());
    assertThat(text).contains("\n    <Customer>C-100</Customer>");
  }
}
