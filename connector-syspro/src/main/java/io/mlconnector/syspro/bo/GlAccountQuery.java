package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.jspecify.annotations.Nullable;

/** GENQRY ledger query ({@code Query}) of one GL account. */
@XmlRootElement(name = "Query")
@XmlAccessorType(XmlAccessType.FIELD)
public final class GlAccountQuery implements BusinessObjectDocument {
  @XmlElement(name = "Key")
  private @Nullable LedgerKey key;

  @XmlElement(name = "Option")
  private @Nullable Option option;

  /** An empty element. */
  public GlAccountQuery() {}

  @Override
  public String businessObject() {
    return "GENQRY";
  }

  /**
   * Sets {@code Key}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public GlAccountQuery key(@Nullable LedgerKey value) {
    this.key = value;
    return this;
  }

  /**
   * {@code Key}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable LedgerKey key() {
    return key;
  }

  /**
   * Sets {@code Option}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public GlAccountQuery option(@Nullable Option value) {
    this.option = value;
    return this;
  }

  /**
   * {@code Option}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable Option option() {
    return option;
  }

  /** {@code Key/LedgerCode}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class LedgerKey {
    @XmlElement(name = "LedgerCode")
    private @Nullable String ledgerCode;

    /** An empty element. */
    public LedgerKey() {}

    /**
     * Sets {@code LedgerCode}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public LedgerKey ledgerCode(@Nullable String value) {
      this.ledgerCode = value;
      return this;
    }

    /**
     * {@code LedgerCode}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String ledgerCode() {
      return ledgerCode;
    }
  }

  /** {@code Option}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Option {
    @XmlElement(name = "GlYear")
    private @Nullable String glYear;

    @XmlElement(name = "IncludeTransactions")
    private @Nullable String includeTransactions;

    /** An empty element. */
    public Option() {}

    /**
     * Sets {@code GlYear}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Option glYear(@Nullable String value) {
      this.glYear = value;
      return this;
    }

    /**
     * {@code GlYear}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String glYear() {
      return glYear;
    }

    /**
     * Sets {@code IncludeTransactions} ({@code Y}/{@code N}).
     *
     * @param value true for {@code Y}, false for {@code N}
     * @return this element
     */
    public Option includeTransactions(boolean value) {
      this.includeTransactions = value ? "Y" : "N";
      return this;
    }

    /**
     * {@code IncludeTransactions} ({@code Y}/{@code N}), or null.
     *
     * @return {@code Y}, {@code N}, or null when the element is absent
     */
    public @Nullable String includeTransactions() {
      return includeTransactions;
    }
  }
}
