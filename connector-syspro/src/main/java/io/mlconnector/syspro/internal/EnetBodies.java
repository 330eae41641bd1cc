package io.mlconnector.syspro.internal;

import com.squareup.moshi.JsonReader;
import io.mlconnector.core.codec.Xml;
import io.mlconnector.core.codec.XmlFormatException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns an e.net answer body into the text SYSPRO meant: decodes the bytes (explicit charset,
 * byte-order mark, JSON, XML declaration, else Windows-1252) and removes the framing of the three
 * body forms seen on real installations: raw text, a JSON string literal, and a WCF-serialised
 * {@code <string>} element.
 */
public final class EnetBodies {

  /** SYSPRO's own charset. */
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  static final String WCF_NS = "http://schemas.microsoft.com/2003/10/Serialization/";

  private static final Pattern DECLARED =
      Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

  private EnetBodies() {}

  /** The charset {@code body} is written in. */
  public static Charset charsetOf(byte[] body, @Nullable MediaType type) {
    if (type != null && type.charset() != null) {
      return type.charset();
    }
    if (body.length >= 3
        && (body[0] & 0xff) == 0xEF
        && (body[1] & 0xff) == 0xBB
        && (body[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    String subtype = type == null ? "" : type.subtype().toLowerCase(Locale.ROOT);
    if (subtype.contains("json")) {
      return StandardCharsets.UTF_8;
    }
    String head =
        new String(body, 0, Math.min(body.length, 120), StandardCharsets.ISO_8859_1).stripLeading();
    Matcher m = DECLARED.matcher(head);
    if (m.find()) {
      try {
        return Charset.forName(m.group(1));
      } catch (RuntimeException e) {
        return WINDOWS_1252;
      }
    }
    if (subtype.contains("xml")) {
      return StandardCharsets.UTF_8;
    }
    return WINDOWS_1252;
  }

  /**
   * The text of an answer: bytes decoded, then a JSON string literal or a WCF {@code <string>}
   * wrapper removed. Raw text is returned as it is (session ids keep their padding).
   *
   * @throws XmlFormatException when a wrapper is malformed
   */
  public static String text(byte[] body, @Nullable MediaType type, Xml xml) {
    String decoded = stripBom(new String(body, charsetOf(body, type)));
    return unwrap(decoded, xml);
  }

  /** Removes a JSON-string or WCF-string wrapper from already decoded text. */
  public static String unwrap(String decoded, Xml xml) {
    String trimmed = decoded.strip();
    if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
      try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(trimmed))) {
        reader.setLenient(false);
        return reader.nextString();
      } catch (IOException | RuntimeException e) {
        throw new XmlFormatException("Answer looks like a JSON string but is not valid JSON", e);
      }
    }
    String afterDeclaration =
        trimmed.startsWith("<?xml") && trimmed.indexOf("?>") > 0
            ? trimmed.substring(trimmed.indexOf("?>") + 2).stripLeading()
            : trimmed;
    if (afterDeclaration.startsWith("<string ") || afterDeclaration.startsWith("<string>")) {
      Document doc = xml.parseDocument(trimmed);
      Element root = doc.getDocumentElement();
      if ("string".equals(localName(root))
          && (root.getNamespaceURI() == null || WCF_NS.equals(root.getNamespaceURI()))) {
        return root.getTextContent();
      }
    }
    return decoded;
  }

  static String localName(Element e) {
    String local = e.getLocalName();
    return local != null ? local : e.getTagName();
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }
}
