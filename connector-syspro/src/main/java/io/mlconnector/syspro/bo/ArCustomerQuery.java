package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * ARSQRY customer query ({@code Query}): the customer master and its open invoices ({@code
 * ARStatement}).
 */
@XmlRootElement(name = "Query")
@XmlAccessorType(XmlAccessType.FIELD)
public final class ArCustomerQuery implements BusinessObjectDocument {
  @XmlElement(name = "Key")
  private CustomerKey key;

  @XmlElement(name = "Option")
  private Option option;

  /** An empty element. */
  public ArCustomerQuery() {}

  @Override
  public String businessObject() {
    return "ARSQRY";
  }

  /** Sets {@code Key}. */
  public ArCustomerQuery key(CustomerKey value) {
    this.key = value;
    return this;
  }

  /** {@code Key}, or null. */
  public CustomerKey key() {
    return key;
  }

  /** Sets {@code Option}. */
  public ArCustomerQuery option(Option value) {
    this.option = value;
    return this;
  }

  /** {@code Option}, or null. */
  public Option option() {
    return option;
  }

  /** {@code Key/Customer}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class CustomerKey {
    @XmlElement(name = "Customer")
    private String customer;

    /** An empty element. */
    public CustomerKey() {}

    /** Sets {@code Customer}. */
    public CustomerKey customer(String value) {
      this.customer = value;
      return this;
    }

    /** {@code Customer}, or null. */
    public String customer() {
      return customer;
    }
  }

  /** {@code Option}: what the statement includes. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Option {
    @XmlElement(name = "IncludeFutures")
    private String includeFutures;

    @XmlElement(name = "IncludeTransactions")
    private String includeTransactions;

    @XmlElement(name = "IncludeInvoices")
    private String includeInvoices;

    @XmlElement(name = "IncludeCheckPayments")
    private String includeCheckPayments;

    @XmlElement(name = "IncludePostDated")
    private String includePostDated;

    @XmlElement(name = "IncludeZeroBalances")
    private String includeZeroBalances;

    @XmlElement(name = "IncludeCustomForms")
    private String includeCustomForms;

    @XmlElement(name = "AsOfPeriod")
    private String asOfPeriod;

    @XmlElement(name = "AgeingOption")
    private String ageingOption;

    /** An empty element. */
    public Option() {}

    /** Sets {@code IncludeFutures} ({@code Y}/{@code N}). */
    public Option includeFutures(boolean value) {
      this.includeFutures = value ? "Y" : "N";
      return this;
    }

    /** {@code IncludeFutures} ({@code Y}/{@code N}), or null. */
    public String includeFutures() {
      return includeFutures;
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

    /** Sets {@code IncludeInvoices} ({@code Y}/{@code N}). */
    public Option includeInvoices(boolean value) {
      this.includeInvoices = value ? "Y" : "N";
      return this;
    }

    /** {@code IncludeInvoices} ({@code Y}/{@code N}), or null. */
    public String includeInvoices() {
      return includeInvoices;
    }

    /** Sets {@code IncludeCheckPayments} ({@code Y}/{@code N}). */
    public Option includeCheckPayments(boolean value) {
      this.includeCheckPayments = value ? "Y" : "N";
      return this;
    }

    /** {@code IncludeCheckPayments} ({@code Y}/{@code N}), or null. */
    public String includeCheckPayments() {
      return includeCheckPayments;
    }

    /** Sets {@code IncludePostDated} ({@code Y}/{@code N}). */
    public Option includePostDated(boolean value) {
      this.includePostDated = value ? "Y" : "N";
      return this;
    }

    /** {@code IncludePostDated} ({@code Y}/{@code N}), or null. */
    public String includePostDated() {
      return includePostDated;
    }

    /** Sets {@code IncludeZeroBalances} ({@code Y}/{@code N}). */
    public Option includeZeroBalances(boolean value) {
      this.includeZeroBalances = value ? "Y" : "N";
      return this;
    }

    /** {@code IncludeZeroBalances} ({@code Y}/{@code N}), or null. */
    public String includeZeroBalances() {
      return includeZeroBalances;
    }

    /** Sets {@code IncludeCustomForms} ({@code Y}/{@code N}). */
    public Option includeCustomForms(boolean value) {
      this.includeCustomForms = value ? "Y" : "N";
      return this;
    }

    /** {@code IncludeCustomForms} ({@code Y}/{@code N}), or null. */
    public String includeCustomForms() {
      return includeCustomForms;
    }

    /** Sets {@code AsOfPeriod}. */
    public Option asOfPeriod(String value) {
      this.asOfPeriod = value;
      return this;
    }

    /** {@code AsOfPeriod}, or null. */
    public String asOfPeriod() {
      return asOfPeriod;
    }

    /** Sets {@code AgeingOption}. */
    public Option ageingOption(String value) {
      this.ageingOption = value;
      return this;
    }

    /** {@code AgeingOption}, or null. */
    public String ageingOption() {
      return ageingOption;
    }
  }
}
