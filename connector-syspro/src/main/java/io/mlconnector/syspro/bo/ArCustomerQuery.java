package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.jspecify.annotations.Nullable;

/**
 * ARSQRY customer query ({@code Query}): the customer master and its open invoices ({@code
 * ARStatement}).
 */
@XmlRootElement(name = "Query")
@XmlAccessorType(XmlAccessType.FIELD)
public final class ArCustomerQuery implements BusinessObjectDocument {
  @XmlElement(name = "Key")
  private @Nullable CustomerKey key;

  @XmlElement(name = "Option")
  private @Nullable Option option;

  /** An empty element. */
  public ArCustomerQuery() {}

  @Override
  public String businessObject() {
    return "ARSQRY";
  }

  /**
   * Sets {@code Key}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public ArCustomerQuery key(@Nullable CustomerKey value) {
    this.key = value;
    return this;
  }

  /**
   * {@code Key}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable CustomerKey key() {
    return key;
  }

  /**
   * Sets {@code Option}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public ArCustomerQuery option(@Nullable Option value) {
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

  /** {@code Key/Customer}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class CustomerKey {
    @XmlElement(name = "Customer")
    private @Nullable String customer;

    /** An empty element. */
    public CustomerKey() {}

    /**
     * Sets {@code Customer}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public CustomerKey customer(@Nullable String value) {
      this.customer = value;
      return this;
    }

    /**
     * {@code Customer}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String customer() {
      return customer;
    }
  }

  /** {@code Option}: what the statement includes. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Option {
    @XmlElement(name = "IncludeFutures")
    private @Nullable String includeFutures;

    @XmlElement(name = "IncludeTransactions")
    private @Nullable String includeTransactions;

    @XmlElement(name = "IncludeInvoices")
    private @Nullable String includeInvoices;

    @XmlElement(name = "IncludeCheckPayments")
    private @Nullable String includeCheckPayments;

    @XmlElement(name = "IncludePostDated")
    private @Nullable String includePostDated;

    @XmlElement(name = "IncludeZeroBalances")
    private @Nullable String includeZeroBalances;

    @XmlElement(name = "IncludeCustomForms")
    private @Nullable String includeCustomForms;

    @XmlElement(name = "AsOfPeriod")
    private @Nullable String asOfPeriod;

    @XmlElement(name = "AgeingOption")
    private @Nullable String ageingOption;

    /** An empty element. */
    public Option() {}

    /**
     * Sets {@code IncludeFutures} ({@code Y}/{@code N}).
     *
     * @param value true for {@code Y}, false for {@code N}
     * @return this element
     */
    public Option includeFutures(boolean value) {
      this.includeFutures = value ? "Y" : "N";
      return this;
    }

    /**
     * {@code IncludeFutures} ({@code Y}/{@code N}), or null.
     *
     * @return {@code Y}, {@code N}, or null when the element is absent
     */
    public @Nullable String includeFutures() {
      return includeFutures;
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

    /**
     * Sets {@code IncludeInvoices} ({@code Y}/{@code N}).
     *
     * @param value true for {@code Y}, false for {@code N}
     * @return this element
     */
    public Option includeInvoices(boolean value) {
      this.includeInvoices = value ? "Y" : "N";
      return this;
    }

    /**
     * {@code IncludeInvoices} ({@code Y}/{@code N}), or null.
     *
     * @return {@code Y}, {@code N}, or null when the element is absent
     */
    public @Nullable String includeInvoices() {
      return includeInvoices;
    }

    /**
     * Sets {@code IncludeCheckPayments} ({@code Y}/{@code N}).
     *
     * @param value true for {@code Y}, false for {@code N}
     * @return this element
     */
    public Option includeCheckPayments(boolean value) {
      this.includeCheckPayments = value ? "Y" : "N";
      return this;
    }

    /**
     * {@code IncludeCheckPayments} ({@code Y}/{@code N}), or null.
     *
     * @return {@code Y}, {@code N}, or null when the element is absent
     */
    public @Nullable String includeCheckPayments() {
      return includeCheckPayments;
    }

    /**
     * Sets {@code IncludePostDated} ({@code Y}/{@code N}).
     *
     * @param value true for {@code Y}, false for {@code N}
     * @return this element
     */
    public Option includePostDated(boolean value) {
      this.includePostDated = value ? "Y" : "N";
      return this;
    }

    /**
     * {@code IncludePostDated} ({@code Y}/{@code N}), or null.
     *
     * @return {@code Y}, {@code N}, or null when the element is absent
     */
    public @Nullable String includePostDated() {
      return includePostDated;
    }

    /**
     * Sets {@code IncludeZeroBalances} ({@code Y}/{@code N}).
     *
     * @param value true for {@code Y}, false for {@code N}
     * @return this element
     */
    public Option includeZeroBalances(boolean value) {
      this.includeZeroBalances = value ? "Y" : "N";
      return this;
    }

    /**
     * {@code IncludeZeroBalances} ({@code Y}/{@code N}), or null.
     *
     * @return {@code Y}, {@code N}, or null when the element is absent
     */
    public @Nullable String includeZeroBalances() {
      return includeZeroBalances;
    }

    /**
     * Sets {@code IncludeCustomForms} ({@code Y}/{@code N}).
     *
     * @param value true for {@code Y}, false for {@code N}
     * @return this element
     */
    public Option includeCustomForms(boolean value) {
      this.includeCustomForms = value ? "Y" : "N";
      return this;
    }

    /**
     * {@code IncludeCustomForms} ({@code Y}/{@code N}), or null.
     *
     * @return {@code Y}, {@code N}, or null when the element is absent
     */
    public @Nullable String includeCustomForms() {
      return includeCustomForms;
    }

    /**
     * Sets {@code AsOfPeriod}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Option asOfPeriod(@Nullable String value) {
      this.asOfPeriod = value;
      return this;
    }

    /**
     * {@code AsOfPeriod}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String asOfPeriod() {
      return asOfPeriod;
    }

    /**
     * Sets {@code AgeingOption}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Option ageingOption(@Nullable String value) {
      this.ageingOption = value;
      return this;
    }

    /**
     * {@code AgeingOption}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String ageingOption() {
      return ageingOption;
    }
  }
}
