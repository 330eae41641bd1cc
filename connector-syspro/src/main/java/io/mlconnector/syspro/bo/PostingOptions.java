package io.mlconnector.syspro.bo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code XmlParameters} of a Setup or Transaction business object: the common switches ({@code
 * PostingPeriod}, {@code IgnoreWarnings}, {@code ApplyIfEntireDocumentValid}, {@code ValidateOnly})
 * and any object-specific one ({@code AutoCorrectPaymentValue}). Rendered as {@code
 * <Root><Parameters>...</Parameters></Root>} with the document's root element. Immutable.
 *
 * <p>The defaults are the safe ones for an integration: all-or-nothing ({@code
 * ApplyIfEntireDocumentValid=Y}), warnings reject ({@code IgnoreWarnings=N}), really post ({@code
 * ValidateOnly=N}).
 */
public final class PostingOptions {

  private final Map<String, String> order;

  private PostingOptions(Map<String, String> values) {
    this.order = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * The defaults: IgnoreWarnings=N, ApplyIfEntireDocumentValid=Y, ValidateOnly=N.
   *
   * @return the default options
   */
  public static PostingOptions defaults() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("IgnoreWarnings", "N");
    m.put("ApplyIfEntireDocumentValid", "Y");
    m.put("ValidateOnly", "N");
    return new PostingOptions(m);
  }

  /**
   * These options with {@code name} set to {@code value} (replacing an earlier value).
   *
   * @param name the parameter's element name, for example {@code PostingPeriod}
   * @param value the parameter's text
   * @return new options; these are unchanged
   * @throws IllegalArgumentException if {@code name} is not an XML element name
   */
  public PostingOptions with(String name, String value) {
    if (name == null || !name.matches("[A-Za-z][A-Za-z0-9]*")) {
      throw new IllegalArgumentException("parameter name must be an XML element name, was " + name);
    }
    Objects.requireNonNull(value, "value");
    Map<String, String> m = new LinkedHashMap<>(order);
    m.put(name, value);
    return new PostingOptions(m);
  }

  /**
   * {@code PostingPeriod}: {@code C} current (default), {@code P} previous, {@code B} before.
   *
   * @param period {@code C}, {@code P} or {@code B}
   * @return new options; these are unchanged
   * @throws IllegalArgumentException if {@code period} is none of those
   */
  public PostingOptions postingPeriod(String period) {
    if (!"C".equals(period) && !"P".equals(period) && !"B".equals(period)) {
      throw new IllegalArgumentException("postingPeriod must be C, P or B, was " + period);
    }
    return with("PostingPeriod", period);
  }

  /**
   * {@code ValidateOnly=Y}: SYSPRO validates and posts nothing.
   *
   * @param validateOnly true to validate only
   * @return new options; these are unchanged
   */
  public PostingOptions validateOnly(boolean validateOnly) {
    return with("ValidateOnly", validateOnly ? "Y" : "N");
  }

  /**
   * {@code ApplyIfEntireDocumentValid}: all-or-nothing (true) or per item (false).
   *
   * @param all true to post nothing unless every item is valid
   * @return new options; these are unchanged
   */
  public PostingOptions applyIfEntireDocumentValid(boolean all) {
    return with("ApplyIfEntireDocumentValid", all ? "Y" : "N");
  }

  /**
   * {@code IgnoreWarnings}: {@code N} (warnings reject), {@code Y} or {@code W}.
   *
   * @param mode {@code N}, {@code Y} or {@code W}
   * @return new options; these are unchanged
   * @throws IllegalArgumentException if {@code mode} is none of those
   */
  public PostingOptions ignoreWarnings(String mode) {
    if (!"N".equals(mode) && !"Y".equals(mode) && !"W".equals(mode)) {
      throw new IllegalArgumentException("ignoreWarnings must be N, Y or W, was " + mode);
    }
    return with("IgnoreWarnings", mode);
  }

  /**
   * These options without {@code name}; the same options if it is absent.
   *
   * @param name the parameter's element name
   * @return new options, or these when they have no such parameter
   */
  public PostingOptions without(String name) {
    if (!order.containsKey(name)) {
      return this;
    }
    Map<String, String> m = new LinkedHashMap<>(order);
    m.remove(name);
    return new PostingOptions(m);
  }

  /**
   * A parameter value, or null.
   *
   * @param name the parameter's element name
   * @return its text, or null when the options have no such parameter
   */
  public @Nullable String get(String name) {
    return order.get(name);
  }

  /**
   * The {@code XmlParameters} text for a document with root {@code rootElement}.
   *
   * @param rootElement the document's root element name ({@link BusinessObjectDocument#rootElement()})
   * @return the XML, each value escaped
   */
  public String toXml(String rootElement) {
    StringBuilder sb = new StringBuilder("<").append(rootElement).append("><Parameters>");
    order.forEach(
        (k, v) ->
            sb.append('<')
                .append(k)
                .append('>')
                .append(v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                .append("</")
                .append(k)
                .append('>'));
    return sb.append("</Parameters></").append(rootElement).append('>').toString();
  }

  @Override
  public String toString() {
    return "PostingOptions" + order;
  }
}
