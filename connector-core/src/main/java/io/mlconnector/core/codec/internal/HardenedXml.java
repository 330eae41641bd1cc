package io.mlconnector.core.codec.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parser factories configured so that no document can reach the network or the file system or
 * blow up in memory: document type declarations are refused outright, external entities are off,
 * the JDK's secure-processing limits are on and a resolver refuses anything that slips through.
 */
public final class HardenedXml {
  private static final Logger log = LoggerFactory.getLogger(HardenedXml.class);

  /** The message every refused DTD carries. */
  public static final String DOCTYPE_REFUSED =
      "DOCTYPE is not allowed: documents with a document type declaration are refused"
          + " (they carry external-entity and entity-expansion attacks)";

  private HardenedXml() {}

  /** A new StAX input factory (the JDK's own implementation) with DTDs and external entities off. */
  public static XMLInputFactory inputFactory(int maxElementDepth) {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    // Errors surface as exceptions; the default reporter would also print them to stderr.
    factory.setXMLReporter((message, errorType, info, location) -> {});
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resource refused: " + systemId);
        });
    trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    trySet(factory, "jdk.xml.maxElementDepth", String.valueOf(maxElementDepth));
    trySet(factory, "jdk.xml.entityExpansionLimit", "2000");
    trySet(factory, "jdk.xml.totalEntitySizeLimit", "100000");
    return factory;
  }

  private static void trySet(XMLInputFactory factory, String name, Object value) {
    try {
      factory.setProperty(name, value);
    } catch (IllegalArgumentException e) {
      log.debug("StAX property {} not supported by {}", name, factory.getClass().getName());
    }
  }

  /**
   * Wraps {@code reader} so that a DTD event fails with {@link DoctypeRefusedException}. Callers
   * that only step with {@code next()} and {@code nextTag()} never see the DTD.
   */
  public static XMLStreamReader refuseDoctype(XMLStreamReader reader) {
    return new StreamReaderDelegate(reader) {
      @Override
      public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.DTD) {
          throw new DoctypeRefusedException(getLocation().getLineNumber(), getLocation().getColumnNumber());
        }
        return event;
      }

      @Override
      public int nextTag() throws XMLStreamException {
        int event = next();
        while ((event == XMLStreamConstants.CHARACTERS && isWhiteSpace())
            || (event == XMLStreamConstants.CDATA && isWhiteSpace())
            || event == XMLStreamConstants.SPACE
            || event == XMLStreamConstants.PROCESSING_INSTRUCTION
            || event == XMLStreamConstants.COMMENT) {
          event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
          throw new XMLStreamException("expected a start or end tag", getLocation());
        }
        return event;
      }
    };
  }

  /** Thrown by a reader from {@link #refuseDoctype} when the document declares a DTD. */
  public static final class DoctypeRefusedException extends XMLStreamException {
    private static final long serialVersionUID = 1L;

    DoctypeRefusedException(int line, int column) {
      super(DOCTYPE_REFUSED + " (line " + line + ", column " + column + ")");
    }
  }

  /** A namespace-aware DOM factory used only to create documents (never to parse). */
  public static DocumentBuilderFactory documentFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    } catch (ParserConfigurationException e) {
      log.debug("DOM feature not supported: {}", e.getMessage());
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory;
  }

  /**
   * Builds a DOM document from a reader positioned at the start of a document, through the
   * hardened reader (so the same DTD rule applies as for binding).
   */
  public static void buildDocument(XMLStreamReader reader, Document document)
      throws XMLStreamException {
    Node current = document;
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT:
          Element element = document.createElementNS(emptyToNull(reader.getNamespaceURI()), qName(reader.getPrefix(), reader.getLocalName()));
          for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            String name = prefix == null || prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, name, nullToEmpty(reader.getNamespaceURI(i)));
          }
          for (int i = 0; i < reader.getAttributeCount(); i++) {
            Attr attr =
                document.createAttributeNS(
                    emptyToNull(reader.getAttributeNamespace(i)),
                    qName(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)));
            attr.setValue(reader.getAttributeValue(i));
            element.setAttributeNodeNS(attr);
          }
          current.appendChild(element);
          current = element;
          break;
        case XMLStreamConstants.END_ELEMENT:
          current = current.getParentNode();
          break;
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.SPACE:
          if (current != document) {
            current.appendChild(document.createTextNode(reader.getText()));
          }
          break;
        case XMLStreamConstants.CDATA:
          current.appendChild(document.createCDATASection(reader.getText()));
          break;
        case XMLStreamConstants.COMMENT:
          current.appendChild(document.createComment(reader.getText()));
          break;
        case XMLStreamConstants.PROCESSING_INSTRUCTION:
          current.appendChild(document.createProcessingInstruction(reader.getPITarget(), reader.getPIData()));
          break;
        default:
          break;
      }
    }
  }

  private static String qName(String prefix, String localName) {
    return prefix == null || prefix.isEmpty() ? localName : prefix + ':' + localName;
  }

  private static @Nullable String emptyToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("^<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

  /**
   * The charset of an XML document held as bytes, following the XML specification's appendix F:
   * the byte-order mark, then the encoding named in the XML declaration, then UTF-8.
   *
   * @throws IllegalArgumentException (as {@code XmlFormatException} by the caller) when the
   *     declaration names an encoding this JVM does not know
   */
  public static Charset detectCharset(byte[] body) {
    if (body.length >= 2) {
      int b0 = body[0] & 0xff;
      int b1 = body[1] & 0xff;
      if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
        return StandardCharsets.UTF_16; // the decoder reads and drops the byte-order mark
      }
      if (b0 == 0x00 && b1 == 0x3C) {
        return StandardCharsets.UTF_16BE;
      }
      if (b0 == 0x3C && b1 == 0x00) {
        return StandardCharsets.UTF_16LE;
      }
    }
    if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    // The declaration itself is ASCII in every ASCII-compatible encoding.
    int end = Math.min(body.length, 200);
    String head = new String(body, 0, end, StandardCharsets.ISO_8859_1);
    Matcher m = DECLARED_ENCODING.matcher(head);
    if (m.find()) {
      String name = m.group(1);
      try {
        return Charset.forName(name);
      } catch (IllegalArgumentException e) {
        throw new UnsupportedEncodingDeclared(name);
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** The XML declaration names an encoding this JVM does not support. */
  public static final class UnsupportedEncodingDeclared extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnsupportedEncodingDeclared(String name) {
      super("the XML declaration names encoding \"" + name + "\", which this JVM does not support");
    }
  }
}
