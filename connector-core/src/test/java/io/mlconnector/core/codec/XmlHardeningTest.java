package io.mlconnector.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlHardeningTest {
  private static final String BILLION_LAUGHS =
      "<?xml version=\"1.0\"?>\n"
          + "<!DOCTYPE lolz [\n"
          + " <!ENTITY lol \"lol\">\n"
          + " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
          + " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
          + " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
          + " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
          + " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
          + " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
          + " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
          + " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
          + " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
          + "]>\n"
          + "<ArCustomer><Name>&lol9;</Name></ArCustomer>";

  private final Xml xml = Xml.create();

  @TempDir Path dir;

  private String xxe(Path secretFile) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!DOCTYPE ArCustomer [<!ENTITY xxe SYSTEM \""
        + secretFile.toUri()
        + "\">]>\n"
        + "<ArCustomer><Name>&xxe;</Name></ArCustomer>";
  }

  @Test
  void xxePayloadIsRefusedWithoutReadingTheFile() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    String payload = xxe(secret);

    assertThatThrownBy(() -> xml.fromXml(payload, SampleDocument.class))
        .isInstanceOf(XmlFormatException.class)
        .hasMessageStartingWith("DOCTYPE is not allowed")
        .hasMessageContaining("line 2")
        .hasMessageNotContaining("TOP-SECRET-CONTENT");
    assertThatThrownBy(
            () -> xml.fromBytes(payload.getBytes(StandardCharsets.UTF_8), SampleDocument.class))
        .isInstanceOf(XmlFormatException.class)
        .hasMessageStartingWith("DOCTYPE is not allowed");
    assertThatThrownBy(() -> xml.parseDocument(payload))
        .isInstanceOf(XmlFormatException.class)
        .hasMessageStartingWith("DOCTYPE is not allowed")
        .hasMessageNotContaining("TOP-SECRET-CONTENT");
  }

  @Test
  void billionLaughsIsRefusedBeforeAnyExpansion() {
    assertThatThrownBy(() -> xml.fromXml(BILLION_LAUGHS, SampleDocument.class))
        .isInstanceOf(XmlFormatException.class)
        .hasMessageStartingWith("DOCTYPE is not allowed");
    assertThatThrownBy(
            () -> xml.parseDocument(new ByteArrayInputStream(BILLION_LAUGHS.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(XmlFormatException.class)
        .hasMessageStartingWith("DOCTYPE is not allowed");
  }

  @Test
  void externalDtdIsNeverFetched() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger requests = new AtomicInteger();
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] dtd = "<!ENTITY x \"fetched\">".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, dtd.length);
          exchange.getResponseBody().write(dtd);
          exchange.close();
        });
    server.start();
    try {
      String payload =
          "<?xml version=\"1.0\"?><!DOCTYPE ArCustomer SYSTEM \"http://127.0.0.1:"
              + server.getAddress().getPort()
              + "/evil.dtd\"><ArCustomer><Name>&x;</Name></ArCustomer>";
      assertThatThrownBy(() -> xml.fromXml(payload, SampleDocument.class))
          .isInstanceOf(XmlFormatException.class)
          .hasMessageStartingWith("DOCTYPE is not allowed");
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void streamReaderRefusesDoctypeOnNext() throws Exception {
    XMLStreamReader reader =
        xml.newStreamReader(new ByteArrayInputStream(BILLION_LAUGHS.getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(
            () -> {
              while (reader.hasNext()) {
                reader.next();
              }
            })
        .isInstanceOf(XMLStreamException.class)
        .hasMessageStartingWith("DOCTYPE is not allowed");
    reader.close();
  }

  @Test
  void malformedXmlNamesTheProblemAndPosition() {
    assertThatThrownBy(() -> xml.fromXml("<ArCustomer><Name>x</ArCustomer>", SampleDocument.class))
        .isInstanceOf(XmlFormatException.class)
        .hasMessageContaining("XML does not fit SampleDocument")
        .hasMessageContaining("Name");
    assertThatThrownBy(() -> xml.parseDocument("<a><b></a>"))
        .isInstanceOf(XmlFormatException.class)
        .hasMessageStartingWith("Malformed XML")
        .hasMessageContaining("[1,");
  }

  @Test
  void tooDeepDocumentIsRefused() {
    Xml shallow = Xml.builder().maxElementDepth(3).build();
    assertThatThrownBy(() -> shallow.parseDocument("<a><b><c><d/></c></b></a>"))
        .isInstanceOf(XmlFormatException.class)
        .hasMessageContaining("maxElementDepth");
    assertThat(shallow.parseDocument("<a><b><c/></b></a>").getDocumentElement().getTagName())
        .isEqualTo("a");
  }

  @Test
  void ordinaryEntitiesAndCharacterReferencesStillWork() {
    SampleDocument doc =
        xml.fromXml(
            "<ArCustomer><Name>Smith &amp; Sons &#8364; &lt;1&gt;</Name></ArCustomer>",
            SampleDocument.class);
    assertThat(doc.name).isEqualTo("Smith & Sons \u20ac <1>");
  }
}
