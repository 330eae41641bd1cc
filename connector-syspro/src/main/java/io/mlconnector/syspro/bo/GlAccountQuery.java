package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** GENQRY ledger query ({@code Query}) of one GL account. */
@XmlRootElement(name = "Query")
@XmlAccessorType(XmlAccessType.FIELD)
public final class GlAccountQuery implements BusinessObjectDocument {
  @XmlElement(name = "Key")
  private LedgerKey key;

  @XmlElement(name = "Option")
  private Option option;

  /** An empty element. */
  public GlAccountQuery() {}

  @Override
  public String businessObject() {
    return "GENQRY";
  }

  /** Sets {@code Key}. */
  public GlAccountQuery key(LedgerKey value) {
    this.key = value;
    return this;
  }

  /** {@code Key}, or null. */
  public LedgerKey key() {
    return key;
  }

  /** Sets {@code Option}. */
  public GlAccountQuery option(Option value) {
    this.option = value;
    return this;
  }

  /** {@code Option}, or null. */
  public Option option() {
    return option;
  }

  /** {@code Key/LedgerCode}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class LedgerKey {
    @XmlElement(name = "LedgerCode")
    private String ledgerCode;

    /** An empty element. */
    public LedgerKey() {}

    /** Sets {@code LedgerCode}. */
    public LedgerKey ledgerCode(String value) {
      this.ledgerCode = value;
      return this;
    }

    /** {@code LedgerCode}, or null. */
    public String ledgerCode() {
      return ledgerCode;
    }
  }

  /** {@code Option}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Option {
    @XmlElement(name = "GlYear")
    private String glYear;

    @XmlElement(name = "IncludeTransactions")
    private String includeTransactions;

    /** An empty element. */
    public Option() {}

    /** Sets {@code GlYear}. */
    public Option glYear(String value) {
      this.glYear = value;
      return this;
    }

    /** {@code GlYear}, or null. */
    public String glYear() {
      return glYear;
    }

    /** Sets {@code IncludeTransactions} ({@code Y}/{@code N}). */
    public Option includeTransactions(boolean value) {
      this.includeTransactions = value ? "Y" : "N";
      return this;
    }

    /** {@code IncludeTransactions} ({@code Y}/{@code N}), or null. */
    public String includeTransactions() {
      return includeTransactions;
    }
  }
}
