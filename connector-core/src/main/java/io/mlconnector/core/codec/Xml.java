package io.mlconnector.core.codec;

import io.mlconnector.core.codec.internal.HardenedXml;
import io.mlconnector.core.codec.internal.HardenedXml.DoctypeRefusedException;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;

/**
 * JAXB (Jakarta XML Binding 4) binding and DOM parsing on a hardened parser.
 *
 * <p>Every document is read through the JDK's StAX parser with DTD support and external entities
 * off, the JDK's entity and depth limits on and a resolver that refuses any external resource. A
 * document that declares a DTD ({@code <!DOCTYPE ...>}) is refused with an {@link
 * XmlFormatException} whose message starts with {@code "DOCTYPE is not allowed"}; this defeats
 * external-entity (XXE) and entity-expansion ("billion laughs") attacks before they start.
 *
 * <p>Character sets: {@link #fromBytes(byte[], Class)} honours the byte-order mark and the XML
 * declaration ({@code <?xml version="1.0" encoding="Windows-1252"?>}, as SYSPRO e.net sends), and
 * defaults to UTF-8. {@link #fromBytes(byte[], Charset, Class)} decodes in a charset the caller
 * knows better than the declaration (a transport that re-encoded the body), strictly: a byte that
 * is not valid in that charset fails instead of turning into a replacement character. {@link
 * #toBytes(Object, Charset)} writes in any charset; characters the charset cannot represent are
 * written as character references, so nothing is lost.
 *
 * <p>{@link JAXBContext}s are created once per set of classes and cached in this instance.
 * Instances are thread-safe; share one per connector. Unknown elements and attributes are
 * ignored when binding, so additive changes on the remote side do not break a client.
 */
public final class Xml {
  private final boolean formatted;
  private final int maxElementDepth;
  private final ConcurrentMap<Set<Class<?>>, JAXBContext> contexts = new ConcurrentHashMap<>();

  private Xml(Builder builder) {
    this.formatted = builder.formatted;
    this.maxElementDepth = builder.maxElementDepth;
  }

  /** {@return an instance with the defaults: compact output, element depth at most 256} */
  public static Xml create() {
    return new Builder().build();
  }

  /** {@return a builder for non-default settings} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The JAXB context for exactly these classes, created on first use and cached.
   *
   * @param classes the JAXB-annotated classes, at least one
   * @return the cached context
   * @throws IllegalArgumentException when the classes cannot be bound
   */
  public JAXBContext context(Class<?>... classes) {
    Objects.requireNonNull(classes, "classes");
    if (classes.length == 0) {
      throw new IllegalArgumentException("classes must not be empty");
    }
    Set<Class<?>> key = Set.copyOf(Arrays.asList(classes));
    return contexts.computeIfAbsent(
        key,
        k -> {
          try {
            return JAXBContext.newInstance(k.toArray(new Class<?>[0]));
          } catch (JAXBException e) {
            throw new IllegalArgumentException(
                "classes " + k + " cannot be bound with JAXB: " + message(e), e);
          }
        });
  }

  /**
   * Binds an XML document held as text to {@code type}. An encoding named in the XML declaration
   * is ignored: the text is already decoded.
   *
   * @param <T> the bound type
   * @param xml the document text
   * @param type the JAXB class of the root element
   * @return the bound root object
   * @throws XmlFormatException when the document is malformed, declares a DTD or does not fit
   */
  public <T> T fromXml(String xml, Class<T> type) {
    Objects.requireNonNull(xml, "xml");
    return bind(open(new StringReader(xml)), type);
  }

  /**
   * Binds an XML document held as bytes to {@code type}; the encoding comes from the byte-order
   * mark or the XML declaration, UTF-8 when neither says.
   *
   * @param <T> the bound type
   * @param body the document bytes
   * @param type the JAXB class of the root element
   * @return the bound root object
   * @throws XmlFormatException when the document is malformed, declares a DTD or does not fit
   */
  public <T> T fromBytes(byte[] body, Class<T> type) {
    Objects.requireNonNull(body, "body");
    return fromXml(decode(body, charsetOf(body)), type);
  }

  /**
   * Binds an XML document held as bytes in {@code charset} (whatever its declaration says).
   *
   * @param <T> the bound type
   * @param body the document bytes
   * @param charset the encoding of the bytes
   * @param type the JAXB class of the root element
   * @return the bound root object
   * @throws XmlFormatException when a byte is not valid in {@code charset}, or the document is
   *     malformed, declares a DTD or does not fit
   */
  public <T> T fromBytes(byte[] body, Charset charset, Class<T> type) {
    return fromXml(decode(body, charset), type);
  }

  /**
   * Binds an XML document read from {@code in} (not closed) to {@code type}; the encoding is
   * detected as for {@link #fromBytes(byte[], Class)}.
   *
   * @param <T> the bound type
   * @param in the document; not closed
   * @param type the JAXB class of the root element
   * @return the bound root object
   * @throws XmlFormatException when the document is malformed, declares a DTD or does not fit
   */
  public <T> T fromStream(InputStream in, Class<T> type) {
    Objects.requireNonNull(in, "in");
    return bind(open(in), type);
  }

  /**
   * Writes {@code value} (an {@code @XmlRootElement} class or a {@link JAXBElement}) as XML text
   * without an XML declaration.
   *
   * @param value the object to write; not null
   * @return the XML text
   * @throws XmlFormatException when the value cannot be written
   */
  public String toXml(Object value) {
    StringWriter out = new StringWriter();
    try {
      Marshaller marshaller = marshaller(value);
      marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
      marshaller.marshal(value, out);
    } catch (JAXBException e) {
      throw new XmlFormatException(
          "Cannot write " + value.getClass().getSimpleName() + " as XML: " + message(e), e);
    }
    return out.toString();
  }

  /**
   * Writes {@code value} as XML text preceded by {@code <?xml version="1.0"
   * encoding="declaredEncoding"?>}, for remotes that expect a declaration inside a text
   * parameter (SYSPRO's {@code XmlIn} carries {@code Windows-1252}). The caller encodes the text
   * in that charset when it sends bytes.
   *
   * @param value the object to write; not null
   * @param declaredEncoding the encoding name written in the declaration, for example {@code
   *     Windows-1252}
   * @return the declaration followed by the XML text
   * @throws IllegalArgumentException when {@code declaredEncoding} is not an encoding name
   * @throws XmlFormatException when the value cannot be written
   */
  public String toXml(Object value, String declaredEncoding) {
    Objects.requireNonNull(declaredEncoding, "declaredEncoding");
    if (!declaredEncoding.matches("[A-Za-z][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "declaredEncoding must be an encoding name, was \"" + declaredEncoding + '"');
    }
    return "<?xml version=\"1.0\" encoding=\""
        + declaredEncoding
        + "\"?>"
        + (formatted ? "\n" : "")
        + toXml(value);
  }

  /**
   * Writes {@code value} as an XML document encoded in {@code charset}, with a declaration
   * naming it. Characters {@code charset} cannot represent become character references.
   *
   * @param value the object to write; not null
   * @param charset the encoding of the document
   * @return the encoded document
   * @throws XmlFormatException when the value cannot be written
   */
  public byte[] toBytes(Object value, Charset charset) {
    Objects.requireNonNull(charset, "charset");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Marshaller marshaller = marshaller(value);
      marshaller.setProperty(Marshaller.JAXB_ENCODING, charset.name());
      marshaller.marshal(value, out);
    } catch (JAXBException e) {
      throw new XmlFormatException(
          "Cannot write " + value.getClass().getSimpleName() + " as XML: " + message(e), e);
    }
    return out.toByteArray();
  }

  /**
   * Parses XML text into a DOM document, for connectors that read loosely. The same rules as for
   * binding apply: no DTD, no external resources.
   *
   * @param xml the document text
   * @return the DOM document
   * @throws XmlFormatException when the document is malformed or declares a DTD
   */
  public Document parseDocument(String xml) {
    Objects.requireNonNull(xml, "xml");
    return toDocument(open(new StringReader(xml)));
  }

  /**
   * Parses XML bytes into a DOM document; the encoding comes from the byte-order mark or the XML
   * declaration, UTF-8 when neither says.
   *
   * @param body the document bytes
   * @return the DOM document
   * @throws XmlFormatException when the document is malformed or declares a DTD
   */
  public Document parseDocument(byte[] body) {
    Objects.requireNonNull(body, "body");
    return parseDocument(decode(body, charsetOf(body)));
  }

  /**
   * Parses XML bytes in {@code charset} into a DOM document.
   *
   * @param body the document bytes
   * @param charset the encoding of the bytes
   * @return the DOM document
   * @throws XmlFormatException when a byte is not valid in {@code charset}, or the document is
   *     malformed or declares a DTD
   */
  public Document parseDocument(byte[] body, Charset charset) {
    return parseDocument(decode(body, charset));
  }

  /**
   * Parses XML read from {@code in} (not closed) into a DOM document.
   *
   * @param in the document; not closed
   * @return the DOM document
   * @throws XmlFormatException when the document is malformed or declares a DTD
   */
  public Document parseDocument(InputStream in) {
    Objects.requireNonNull(in, "in");
    return toDocument(open(in));
  }

  /**
   * A hardened streaming reader over {@code in}, for documents too large to bind at once. Its
   * {@code next()} throws an {@link XMLStreamException} starting {@code "DOCTYPE is not
   * allowed"} on a DTD. The caller closes it (the stream itself is not closed).
   *
   * @param in the document bytes; not closed by the reader
   * @return a reader positioned at the start of the document
   */
  public XMLStreamReader newStreamReader(InputStream in) {
    Objects.requireNonNull(in, "in");
    return open(in);
  }

  /**
   * A hardened streaming reader over already decoded text; see {@link
   * #newStreamReader(InputStream)}.
   *
   * @param in the document text; not closed by the reader
   * @return a reader positioned at the start of the document
   */
  public XMLStreamReader newStreamReader(Reader in) {
    Objects.requireNonNull(in, "in");
    return open(in);
  }

  /**
   * Decodes {@code body} in {@code charset} strictly: a byte sequence that is not valid in that
   * charset fails instead of becoming a replacement character.
   *
   * @param body the bytes to decode
   * @param charset the charset they are in
   * @return the decoded text
   * @throws XmlFormatException naming the offset of the first invalid byte
   */
  public static String decode(byte[] body, Charset charset) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(charset, "charset");
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil(body.length * (double) decoder.maxCharsPerByte()) + 1);
    int start = startsWithBom(body, charset) ? 3 : 0;
    in.position(start);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new XmlFormatException(
          "Body is not valid " + charset.name() + ": byte 0x"
              + String.format("%02X", body[in.position()] & 0xff) + " at offset " + in.position(),
          null);
    }
    result = decoder.flush(out);
    if (result.isError()) {
      try {
        result.throwException();
      } catch (CharacterCodingException e) {
        throw new XmlFormatException("Body is not valid " + charset.name() + " at its end", e);
      }
    }
    out.flip();
    return out.toString();
  }

  private static Charset charsetOf(byte[] body) {
    try {
      return HardenedXml.detectCharset(body);
    } catch (HardenedXml.UnsupportedEncodingDeclared e) {
      throw new XmlFormatException("Cannot read XML: " + e.getMessage(), e);
    }
  }

  private static boolean startsWithBom(byte[] body, Charset charset) {
    String name = charset.name();
    if (name.equals("UTF-8")) {
      return body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF;
    }
    return false; // UTF-16 decoders consume their own byte-order mark
  }

  private XMLStreamReader open(InputStream in) {
    try {
      return HardenedXml.refuseDoctype(
          HardenedXml.inputFactory(maxElementDepth).createXMLStreamReader(in));
    } catch (XMLStreamException e) {
      throw new XmlFormatException("Malformed XML: " + e.getMessage(), e);
    }
  }

  private XMLStreamReader open(Reader in) {
    try {
      return HardenedXml.refuseDoctype(
          HardenedXml.inputFactory(maxElementDepth).createXMLStreamReader(in));
    } catch (XMLStreamException e) {
      throw new XmlFormatException("Malformed XML: " + e.getMessage(), e);
    }
  }

  private <T> T bind(XMLStreamReader reader, Class<T> type) {
    Objects.requireNonNull(type, "type");
    try {
      Unmarshaller unmarshaller = context(type).createUnmarshaller();
      Object result;
      if (type.isAnnotationPresent(XmlRootElement.class)) {
        result = unmarshaller.unmarshal(reader);
        if (result instanceof JAXBElement<?>) {
          result = ((JAXBElement<?>) result).getValue();
        }
      } else {
        result = unmarshaller.unmarshal(reader, type).getValue();
      }
      if (!type.isInstance(result)) {
        throw new XmlFormatException(
            "XML root element is bound to "
                + (result == null ? "nothing" : result.getClass().getSimpleName())
                + ", expected "
                + type.getSimpleName(),
            null);
      }
      return type.cast(result);
    } catch (JAXBException e) {
      throw translate(e, "XML does not fit " + type.getSimpleName());
    } finally {
      closeQuietly(reader);
    }
  }

  private Document toDocument(XMLStreamReader reader) {
    try {
      Document document = HardenedXml.documentFactory().newDocumentBuilder().newDocument();
      HardenedXml.buildDocument(reader, document);
      return document;
    } catch (XMLStreamException e) {
      throw translate(e, "Malformed XML");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's DOM implementation is not available", e);
    } finally {
      closeQuietly(reader);
    }
  }

  private Marshaller marshaller(Object value) throws JAXBException {
    Objects.requireNonNull(value, "value");
    Class<?> type =
        value instanceof JAXBElement<?> ? ((JAXBElement<?>) value).getDeclaredType() : value.getClass();
    if (!(value instanceof JAXBElement<?>) && !type.isAnnotationPresent(XmlRootElement.class)) {
      throw new IllegalArgumentException(
          "value of type " + type.getName() + " has no @XmlRootElement: wrap it in a JAXBElement");
    }
    Marshaller marshaller = context(type).createMarshaller();
    marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, formatted);
    marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
    return marshaller;
  }

  private static XmlFormatException translate(Exception e, String what) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof DoctypeRefusedException) {
        return new XmlFormatException(t.getMessage(), e);
      }
    }
    return new XmlFormatException(what + ": " + message(e), e);
  }

  private static Throwable next(Throwable t) {
    if (t instanceof JAXBException && ((JAXBException) t).getLinkedException() != null) {
      return ((JAXBException) t).getLinkedException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static String message(Exception e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage().replaceAll("\\s+", " ").trim();
      }
    }
    return e.getClass().getSimpleName();
  }

  private static void closeQuietly(XMLStreamReader reader) {
    try {
      reader.close();
    } catch (XMLStreamException ignored) {
      // Nothing to release beyond the parser's own buffers.
    }
  }

  /** Builds an {@link Xml}. */
  public static final class Builder {
    private boolean formatted;
    private int maxElementDepth = 256;

    private Builder() {}

    /**
     * Whether written XML is indented (default false).
     *
     * @param formatted true to indent
     * @return this builder
     */
    public Builder formatted(boolean formatted) {
      this.formatted = formatted;
      return this;
    }

    /**
     * The deepest element nesting a document may have (default 256); deeper documents are refused.
     *
     * @param maxElementDepth the maximum depth, at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code maxElementDepth} is less than 1
     */
    public Builder maxElementDepth(int maxElementDepth) {
      if (maxElementDepth < 1) {
        throw new IllegalArgumentException("maxElementDepth must be at least 1, was " + maxElementDepth);
      }
      this.maxElementDepth = maxElementDepth;
      return this;
    }

    /**
     * Builds the instance.
     *
     * @return a new {@link Xml} with these settings
     */
    public Xml build() {
      return new Xml(this);
    }
  }
}
