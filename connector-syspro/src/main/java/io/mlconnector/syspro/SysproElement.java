package io.mlconnector.syspro;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A read-only view of one element of a business object's output, matched <b>case-insensitively</b>
 * because SYSPRO's casing is not reliable ({@code setuparcustomer/item/key/customer} next to {@code
 * StatusOfItems}). Values are read the way SYSPRO writes them: numbers right-aligned with leading
 * spaces, dates {@code CCYY-MM-DD} or {@code CCYYMMDD}, {@code 0000-00-00} and empty elements
 * meaning "no value".
 *
 * <p>Immutable snapshot of the parsed document; thread-safe once built.
 */
public final class SysproElement {

  /**
   * The namespace given to prefixes SYSPRO writes without declaring them ({@code
   * SALARE:Description}); elements in it are named with their prefix.
   */
  static final String UNDECLARED_PREFIX_NS = "urn:x-mlconnector:syspro:undeclared-prefix:";

  private static final java.util.regex.Pattern GROUPED =
      java.util.regex.Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

  private final String name;
  private final String text;
  private final List<SysproElement> children;
  private final List<String[]> attributes;

  private SysproElement(
      String name, String text, List<SysproElement> children, List<String[]> attributes) {
    this.name = name;
    this.text = text;
    this.children = children;
    this.attributes = attributes;
  }

  /**
   * A view of a DOM element and everything below it (copied, so the DOM may be discarded).
   *
   * @param element the DOM element, typically a document's root
   * @return the view
   */
  public static SysproElement of(Element element) {
    Objects.requireNonNull(element, "element");
    List<SysproElement> kids = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        kids.add(of((Element) n));
      } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(n.getNodeValue());
      }
    }
    List<String[]> attrs = new ArrayList<>();
    NamedNodeMap map = element.getAttributes();
    for (int i = 0; i < map.getLength(); i++) {
      Node a = map.item(i);
      attrs.add(new String[] {a.getNodeName(), a.getNodeValue()});
    }
    String local = element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    String ns = element.getNamespaceURI();
    if (ns != null && ns.startsWith(UNDECLARED_PREFIX_NS)) {
      // SYSPRO writes prefixes it never declares (SALARE:Description next to TBLCUR:Description):
      // the prefix is part of the name
      local = element.getTagName();
    }
    return new SysproElement(
        local,
        text.toString(),
        Collections.unmodifiableList(kids),
        Collections.unmodifiableList(attrs));
  }

  /**
   * The element name as SYSPRO wrote it; an element written with a prefix SYSPRO does not declare
   * keeps it ({@code SALARE:Description}), so it is never confused with {@code Description}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Whether this element is called {@code name}, ignoring case.
   *
   * @param name an element name
   * @return true when the names are equal ignoring case
   */
  public boolean is(String name) {
    return this.name.equalsIgnoreCase(name);
  }

  /**
   * The element's own text, as written (padding kept).
   *
   * @return the text; empty when it has none
   */
  public String rawText() {
    return text;
  }

  /**
   * The element's own text without surrounding spaces; empty when it has none.
   *
   * @return the text, stripped
   */
  public String text() {
    return text.strip();
  }

  /**
   * An attribute by name, ignoring case.
   *
   * @param name the attribute's name
   * @return its value as written; empty when the element has no such attribute
   */
  public Optional<String> attribute(String name) {
    for (String[] a : attributes) {
      if (a[0].equalsIgnoreCase(name)) {
        return Optional.of(a[1]);
      }
    }
    return Optional.empty();
  }

  /**
   * The child elements in document order.
   *
   * @return the children; empty for a leaf
   */
  public List<SysproElement> children() {
    return children;
  }

  /**
   * The children called {@code name}, ignoring case.
   *
   * @param name the children's element name
   * @return those children in document order; empty when there are none
   */
  public List<SysproElement> children(String name) {
    List<SysproElement> out = new ArrayList<>();
    for (SysproElement c : children) {
      if (c.is(name)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * The first child called {@code name}, ignoring case.
   *
   * @param name the child's element name
   * @return the child; empty when there is none
   */
  public Optional<SysproElement> child(String name) {
    for (SysproElement c : children) {
      if (c.is(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The element at a path of child names ({@code "Key", "Customer"}), ignoring case at each step.
   *
   * @param path the child names from this element down; none finds this element
   * @return the element, taking the first child of each name; empty when a step has no such child
   */
  public Optional<SysproElement> find(String... path) {
    SysproElement at = this;
    for (String step : path) {
      Optional<SysproElement> next = at.child(step);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      at = next.get();
    }
    return Optional.of(at);
  }

  /**
   * Every element below this one (depth first, this one excluded) called {@code name}.
   *
   * @param name the element name, ignoring case
   * @return the elements in depth-first order; empty when there are none
   */
  public List<SysproElement> descendants(String name) {
    List<SysproElement> out = new ArrayList<>();
    collect(name, out);
    return out;
  }

  private void collect(String wanted, List<SysproElement> out) {
    for (SysproElement c : children) {
      if (c.is(wanted)) {
        out.add(c);
      }
      c.collect(wanted, out);
    }
  }

  /**
   * The trimmed text of child {@code name}, empty when absent or blank.
   *
   * @param name the child's element name, ignoring case
   * @return the text
   */
  public Optional<String> text(String name) {
    return child(name).map(SysproElement::text).filter(s -> !s.isEmpty());
  }

  /**
   * The trimmed text of child {@code name}, or {@code fallback}.
   *
   * @param name the child's element name, ignoring case
   * @param fallback what to return when the child is absent or blank
   * @return the text or the fallback
   */
  public String textOr(String name, String fallback) {
    return text(name).orElse(fallback);
  }

  /**
   * The number in child {@code name}, leading spaces and all; empty when absent or blank. When
   * SYSPRO also writes the value unedited ({@code Unedited_MOutstandingQty} beside an edited {@code
   * MOutstandingQty} of {@code 38,400.000}), the unedited twin is read.
   *
   * @param name the child's element name, ignoring case
   * @return the number, exactly as written
   * @throws SysproFormatException naming the element when the text is not a number
   */
  public Optional<BigDecimal> decimal(String name) {
    Optional<String> unedited = text("Unedited_" + name);
    if (unedited.isPresent()) {
      return unedited.map(t -> parseDecimal("Unedited_" + name, t));
    }
    return text(name).map(t -> parseDecimal(name, t));
  }

  /**
   * The date in child {@code name} ({@code CCYY-MM-DD} or {@code CCYYMMDD}); empty when absent,
   * blank or {@code 0000-00-00}.
   *
   * @param name the child's element name, ignoring case
   * @return the date
   * @throws SysproFormatException naming the element when the text is not such a date
   */
  public Optional<LocalDate> date(String name) {
    return text(name).flatMap(t -> parseDate(name, t));
  }

  /**
   * Parses a SYSPRO number: leading and trailing spaces removed; thousands separators ({@code
   * 38,400.000}, as query output edits some quantities) are accepted only where they group whole
   * thousands before the decimal point, so a decimal comma ({@code 38,4}) is refused, never
   * misread.
   *
   * @param what what the text is, for the message (an element or column name)
   * @param text the text; null or blank is not a number
   * @return the number
   * @throws SysproFormatException naming {@code what} when {@code text} is not a number
   */
  public static BigDecimal parseDecimal(String what, @Nullable String text) {
    String t = text == null ? "" : text.strip();
    try {
      if (t.indexOf(',') >= 0) {
        if (!GROUPED.matcher(t).matches()) {
          throw new NumberFormatException(t);
        }
        return new BigDecimal(t.replace(",", ""));
      }
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      throw new SysproFormatException(what + " is not a number: '" + t + "'");
    }
  }

  /**
   * Parses a SYSPRO date: {@code CCYY-MM-DD} or {@code CCYYMMDD}; blank, {@code 0000-00-00} and
   * {@code 00000000} are "no date".
   *
   * @param what what the text is, for the message (an element or column name)
   * @param text the text; null is no date
   * @return the date; empty for no date
   * @throws SysproFormatException naming {@code what} when {@code text} is not such a date
   */
  public static Optional<LocalDate> parseDate(String what, @Nullable String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty() || t.chars().allMatch(c -> c == '0' || c == '-')) {
      return Optional.empty();
    }
    try {
      if (t.length() == 8 && t.chars().allMatch(Character::isDigit)) {
        return Optional.of(
            LocalDate.of(
                Integer.parseInt(t.substring(0, 4)),
                Integer.parseInt(t.substring(4, 6)),
                Integer.parseInt(t.substring(6, 8))));
      }
      if (t.length() > 10 && t.charAt(10) == 'T') {
        t = t.substring(0, 10);
      }
      return Optional.of(LocalDate.parse(t));
    } catch (DateTimeException e) {
      throw new SysproFormatException(what + " is not a date (CCYY-MM-DD): '" + t + "'");
    }
  }

  @Override
  public String toString() {
    return "SysproElement{" + name + ", " + children.size() + " children}";
  }
}
