package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** COMFCH fetch of one row ({@code Fetch}) by key, all columns. */
@XmlRootElement(name = "Fetch")
@XmlAccessorType(XmlAccessType.FIELD)
public final class ComfchFetch implements BusinessObjectDocument {
  @XmlElement(name = "TableName")
  private String tableName;

  @XmlElement(name = "Key")
  private String key;

  @XmlElement(name = "OptionalKey1")
  private String optionalKey1;

  @XmlElement(name = "OptionalKey2")
  private String optionalKey2;

  @XmlElement(name = "FullKeyProvided")
  private String fullKeyProvided;

  @XmlElement(name = "DefaultType")
  private String defaultType;

  @XmlElement(name = "EspressoFetch")
  private String espressoFetch;

  /** An empty element. */
  public ComfchFetch() {}

  @Override
  public String businessObject() {
    return "COMFCH";
  }

  /** Sets {@code TableName}. */
  public ComfchFetch tableName(String value) {
    this.tableName = value;
    return this;
  }

  /** {@code TableName}, or null. */
  public String tableName() {
    return tableName;
  }

  /** Sets {@code Key}. */
  public ComfchFetch key(String value) {
    this.key = value;
    return this;
  }

  /** {@code Key}, or null. */
  public String key() {
    return key;
  }

  /** Sets {@code OptionalKey1}. */
  public ComfchFetch optionalKey1(String value) {
    this.optionalKey1 = value;
    return this;
  }

  /** {@code OptionalKey1}, or null. */
  public String optionalKey1() {
    return optionalKey1;
  }

  /** Sets {@code OptionalKey2}. */
  public ComfchFetch optionalKey2(String value) {
    this.optionalKey2 = value;
    return this;
  }

  /** {@code OptionalKey2}, or null. */
  public String optionalKey2() {
    return optionalKey2;
  }

  /** Sets {@code FullKeyProvided} ({@code Y}/{@code N}). */
  public ComfchFetch fullKeyProvided(boolean value) {
    this.fullKeyProvided = value ? "Y" : "N";
    return this;
  }

  /** {@code FullKeyProvided} ({@code Y}/{@code N}), or null. */
  public String fullKeyProvided() {
    return fullKeyProvided;
  }

  /** Sets {@code DefaultType}. */
  public ComfchFetch defaultType(String value) {
    this.defaultType = value;
    return this;
  }

  /** {@code DefaultType}, or null. */
  public String defaultType() {
    return defaultType;
  }

  /** Sets {@code EspressoFetch} ({@code Y}/{@code N}). */
  public ComfchFetch espressoFetch(boolean value) {
    this.espressoFetch = value ? "Y" : "N";
    return this;
  }

  /** {@code EspressoFetch} ({@code Y}/{@code N}), or null. */
  public String espressoFetch() {
    return espressoFetch;
  }
}
