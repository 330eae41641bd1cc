package io.mlconnector.testkit.syspro.internal;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;
import org.jspecify.annotations.Nullable;

/** XML in (hardened DOM: no DTDs, no external entities) and out (StAX). */
final class Xml {
  private Xml() {}

  private static DocumentBuilderFactory factory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (Exception e) {
      throw new IllegalStateException("XML parser cannot be hardened", e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(false);
    return f;
  }

  /**
   * Parses an XML parameter; a missing or malformed document is an e.net exception naming the
   * parameter.
   */
  public static Element parse(String xml, String parameter) {
    if (xml == null || xml.isBlank()) {
      throw new EnetError("The " + parameter + " XML document is empty");
    }
    try {
      DocumentBuilder b = factory().newDocumentBuilder();
      b.setErrorHandler(new DefaultHandler());
      return b.parse(new InputSource(new StringReader(xml.strip()))).getDocumentElement();
    } catch (Exception e) {
      throw new EnetError(
          "The " + parameter + " XML document could not be parsed: " + e.getMessage());
    }
  }

  /** Element children in order. */
  public static List<Element> children(@Nullable Element e) {
    List<Element> out = new ArrayList<>();
    if (e == null) {
      return out;
    }
    NodeList nl = e.getChildNodes();
    for (int i = 0; i < nl.getLength(); i++) {
      if (nl.item(i).getNodeType() == Node.ELEMENT_NODE) {
        out.add((Element) nl.item(i));
      }
    }
    return out;
  }

  /** Element children with that exact name. */
  public static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    for (Element c : children(e)) {
      if (c.getTagName().equals(name)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The first child with that exact name, or null. */
  public static @Nullable Element child(@Nullable Element e, String name) {
    for (Element c : children(e)) {
      if (c.getTagName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** The trimmed text of a child; null when absent, "" when empty. */
  public static @Nullable String text(@Nullable Element e, String name) {
    Element c = child(e, name);
    return c == null ? null : c.getTextContent().strip();
  }

  /** The trimmed text of a child, or {@code dflt} when absent or empty. */
  public static String text(@Nullable Element e, String name, String dflt) {
    String t = text(e, name);
    return t == null || t.isEmpty() ? dflt : t;
  }

  /** A streaming writer for business-object output. */
  public static final class Out {
    private final StringWriter sw = new StringWriter();
    private final XMLStreamWriter w;
    private final Deque<String> open = new ArrayDeque<>();

    public Out() {
      try {
        w = XMLOutputFactory.newFactory().createXMLStreamWriter(sw);
        w.writeStartDocument("Windows-1252", "1.0");
      } catch (XMLStreamException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Opens a root element carrying SYSPRO's system attributes. */
    public Out root(String name, String version) {
      start(name);
      attr("Language", "05");
      attr("Language2", "EN");
      attr("CssStyle", "");
      attr("DecFormat", "1");
      attr("DateFormat", "01");
      attr("Role", "01");
      attr("Version", version);
      attr("OperatorPrimaryRole", "   ");
      return this;
    }

    public Out start(String name) {
      try {
        w.writeStartElement(name);
      } catch (XMLStreamException e) {
        throw new IllegalStateException(e);
      }
      open.push(name);
      return this;
    }

    public Out attr(String name, String value) {
      try {
        w.writeAttribute(name, value);
      } catch (XMLStreamException e) {
        throw new IllegalStateException(e);
      }
      return this;
    }

    public Out end() {
      try {
        w.writeEndElement();
      } catch (XMLStreamException e) {
        throw new IllegalStateException(e);
      }
      open.pop();
      return this;
    }

    /** A leaf element; an empty or null value becomes a self-closing element. */
    public Out leaf(String name, String value) {
      try {
        if (value == null || value.isEmpty()) {
          w.writeEmptyElement(name);
        } else {
          w.writeStartElement(name);
          w.writeCharacters(value);
          w.writeEndElement();
        }
      } catch (XMLStreamException e) {
        throw new IllegalStateException(e);
      }
      return this;
    }

    /** {@code <name><Value/><ErrorNumber/><ErrorDescription/></name>}: a field that failed. */
    public Out fieldError(String name, String value, int number, String description) {
      start(name);
      leaf("Value", value);
      leaf("ErrorNumber", Integer.toString(number));
      leaf("ErrorDescription", description);
      return end();
    }

    /** Closes every open element and returns the document. */
    public String finish() {
      try {
        while (!open.isEmpty()) {
          end();
        }
        w.writeEndDocument();
        w.close();
      } catch (XMLStreamException e) {
        throw new IllegalStateException(e);
      }
      return sw.toString();
    }
  }
}
