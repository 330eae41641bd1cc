package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.jspecify.annotations.Nullable;

/** COMFCH fetch of one row ({@code Fetch}) by key, all columns. */
@XmlRootElement(name = "Fetch")
@XmlAccessorType(XmlAccessType.FIELD)
public final class ComfchFetch implements BusinessObjectDocument {
  @XmlElement(name = "TableName")
  private @Nullable String tableName;

  @XmlElement(name = "Key")
  private @Nullable String key;

  @XmlElement(name = "OptionalKey1")
  private @Nullable String optionalKey1;

  @XmlElement(name = "OptionalKey2")
  private @Nullable String optionalKey2;

  @XmlElement(name = "FullKeyProvided")
  private @Nullable String fullKeyProvided;

  @XmlElement(name = "DefaultType")
  private @Nullable String defaultType;

  @XmlElement(name = "EspressoFetch")
  private @Nullable String espressoFetch;

  /** An empty element. */
  public ComfchFetch() {}

  @Override
  public String businessObject() {
    return "COMFCH";
  }

  /**
   * Sets {@code TableName}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public ComfchFetch tableName(@Nullable String value) {
    this.tableName = value;
    return this;
  }

  /**
   * {@code TableName}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable String tableName() {
    return tableName;
  }

  /**
   * Sets {@code Key}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public ComfchFetch key(@Nullable String value) {
    this.key = value;
    return this;
  }

  /**
   * {@code Key}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable String key() {
    return key;
  }

  /**
   * Sets {@code OptionalKey1}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public ComfchFetch optionalKey1(@Nullable String value) {
    this.optionalKey1 = value;
    return this;
  }

  /**
   * {@code OptionalKey1}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable String optionalKey1() {
    return optionalKey1;
  }

  /**
   * Sets {@code OptionalKey2}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public ComfchFetch optionalKey2(@Nullable String value) {
    this.optionalKey2 = value;
    return this;
  }

  /**
   * {@code OptionalKey2}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable String optionalKey2() {
    return optionalKey2;
  }

  /**
   * Sets {@code FullKeyProvided} ({@code Y}/{@code N}).
   *
   * @param value true for {@code Y}, false for {@code N}
   * @return this element
   */
  public ComfchFetch fullKeyProvided(boolean value) {
    this.fullKeyProvided = value ? "Y" : "N";
    return this;
  }

  /**
   * {@code FullKeyProvided} ({@code Y}/{@code N}), or null.
   *
   * @return {@code Y}, {@code N}, or null when the element is absent
   */
  public @Nullable String fullKeyProvided() {
    return fullKeyProvided;
  }

  /**
   * Sets {@code DefaultType}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public ComfchFetch defaultType(@Nullable String value) {
    this.defaultType = value;
    return this;
  }

  /**
   * {@code DefaultType}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable String defaultType() {
    return defaultType;
  }

  /**
   * Sets {@code EspressoFetch} ({@code Y}/{@code N}).
   *
   * @param value true for {@code Y}, false for {@code N}
   * @return this element
   */
  public ComfchFetch espressoFetch(boolean value) {
    this.espressoFetch = value ? "Y" : "N";
    return this;
  }

  /**
   * {@code EspressoFetch} ({@code Y}/{@code N}), or null.
   *
   * @return {@code Y}, {@code N}, or null when the element is absent
   */
  public @Nullable String espressoFetch() {
    return espressoFetch;
  }
}
