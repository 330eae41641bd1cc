package io.mlconnector.syspro.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.codec.Xml;
import io.mlconnector.core.codec.XmlFormatException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import org.junit.jupiter.api.Test;

class EnetBodiesTest {

  private static final Xml XML = Xml.create();
  private static final MediaType OCTET = MediaType.get("application/octet-stream");
  private static final Charset CP1252 = Charset.forName("windows-1252");

  @Test
  void rawTextKeepsItsPaddingAndIsReadAsWindows1252() {
    assertThat(EnetBodies.text("3EA6  ".getBytes(StandardCharsets.US_ASCII), OCTET, XML))
        .isEqualTo("3EA6  ");
    assertThat(EnetBodies.text("ERROR: Caf\u00e9 \u2013 closed".getBytes(CP1252), OCTET, XML))
        .isEqualTo("ERROR: Café – closed");
  }

  @Test
  void theXmlDeclarationOrAnExplicitCharsetWins() {
    String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>Zürich</a>";
    assertThat(EnetBodies.text(doc.getBytes(StandardCharsets.UTF_8), OCTET, XML)).isEqualTo(doc);
    assertThat(
            EnetBodies.text(
                "Zürich".getBytes(StandardCharsets.UTF_8),
                MediaType.get("text/plain; charset=utf-8"),
                XML))
        .isEqualTo("Zürich");
    byte[] bom = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k'};
    assertThat(EnetBodies.text(bom, OCTET, XML)).isEqualTo("ok");
  }

  @Test
  void jsonStringsAndWcfStringsAreUnwrapped() {
    assertThat(
            EnetBodies.text(
                "\"ERROR: bad \\\"x\\\"\\n\"".getBytes(StandardCharsets.UTF_8),
                MediaType.get("application/json"),
                XML))
        .isEqualTo("ERROR: bad \"x\"\n");
    String wcf =
        "<?xml version=\"1.0\"?><string"
            + " xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/\">"
            + "&lt;Row&gt;1&lt;/Row&gt;</string>";
    assertThat(
            EnetBodies.text(
                wcf.getBytes(StandardCharsets.UTF_8), MediaType.get("application/xml"), XML))
        .isEqualTo("<Row>1</Row>");
  }

  @Test
  void businessXmlIsNotMistakenForAWrapper() {
    String doc =
        "<?xml version=\"1.0\""
            + " encoding=\"Windows-1252\"?><stringtable><string>x</string></stringtable>";
    assertThat(EnetBodies.text(doc.getBytes(CP1252), OCTET, XML)).isEqualTo(doc);
  }

  @Test
  void aBrokenJsonStringIsAFormatError() {
    assertThatThrownBy(
            () ->
                EnetBodies.text(
                    "\"abc\\q\"".getBytes(StandardCharsets.UTF_8),
                    MediaType.get("application/json"),
                    XML))
        .isInstanceOf(XmlFormatException.class)
        .hasMessageContaining("JSON");
  }
}
