package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * APSTIN posting ({@code PostApInvoice}): AP invoices ({@code TransactionCode} I), adjustments,
 * credit and debit notes with their ledger distribution. An invoice posts once: a second I for the
 * same supplier and invoice is refused.
 */
@XmlRootElement(name = "PostApInvoice")
@XmlAccessorType(XmlAccessType.FIELD)
public final class ApInvoicePost implements BusinessObjectDocument {
  @XmlElement(name = "Item")
  private List<Item> items = new ArrayList<>();

  /** An empty element. */
  public ApInvoicePost() {}

  @Override
  public String businessObject() {
    return "APSTIN";
  }

  /** Adds one {@code Item}. */
  public ApInvoicePost addItems(Item value) {
    items.add(Objects.requireNonNull(value, "items"));
    return this;
  }

  /** The {@code Item} elements (live list). */
  public List<Item> items() {
    return items;
  }

  /** {@code Item}: one AP document. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Item {
    @XmlElement(name = "Supplier")
    private String supplier;

    @XmlElement(name = "TransactionCode")
    private String transactionCode;

    @XmlElement(name = "Branch")
    private String branch;

    @XmlElement(name = "Invoice")
    private String invoice;

    @XmlElement(name = "TransactionValue")
    private BigDecimal transactionValue;

    @XmlElement(name = "Notation")
    private String notation;

    @XmlElement(name = "TransactionReference")
    private String transactionReference;

    @XmlElement(name = "JournalNotation")
    private String journalNotation;

    @XmlElement(name = "InvoiceDate")
    private String invoiceDate;

    @XmlElement(name = "DueDate")
    private String dueDate;

    @XmlElement(name = "TaxCode")
    private String taxCode;

    @XmlElement(name = "TaxValue")
    private BigDecimal taxValue;

    @XmlElement(name = "LedgerDistribution")
    private List<LedgerDistribution> ledgerDistributions = new ArrayList<>();

    /** An empty element. */
    public Item() {}

    /** Sets {@code Supplier}. */
    public Item supplier(String value) {
      this.supplier = value;
      return this;
    }

    /** {@code Supplier}, or null. */
    public String supplier() {
      return supplier;
    }

    /** Sets {@code TransactionCode}. */
    public Item transactionCode(String value) {
      this.transactionCode = value;
      return this;
    }

    /** {@code TransactionCode}, or null. */
    public String transactionCode() {
      return transactionCode;
    }

    /** Sets {@code Branch}. */
    public Item branch(String value) {
      this.branch = value;
      return this;
    }

    /** {@code Branch}, or null. */
    public String branch() {
      return branch;
    }

    /** Sets {@code Invoice}. */
    public Item invoice(String value) {
      this.invoice = value;
      return this;
    }

    /** {@code Invoice}, or null. */
    public String invoice() {
      return invoice;
    }

    /** Sets {@code TransactionValue}. */
    public Item transactionValue(BigDecimal value) {
      this.transactionValue = value;
      return this;
    }

    /** {@code TransactionValue}, or null. */
    public BigDecimal transactionValue() {
      return transactionValue;
    }

    /** Sets {@code Notation}. */
    public Item notation(String value) {
      this.notation = value;
      return this;
    }

    /** {@code Notation}, or null. */
    public String notation() {
      return notation;
    }

    /** Sets {@code TransactionReference}. */
    public Item transactionReference(String value) {
      this.transactionReference = value;
      return this;
    }

    /** {@code TransactionReference}, or null. */
    public String transactionReference() {
      return transactionReference;
    }

    /** Sets {@code JournalNotation}. */
    public Item journalNotation(String value) {
      this.journalNotation = value;
      return this;
    }

    /** {@code JournalNotation}, or null. */
    public String journalNotation() {
      return journalNotation;
    }

    /** Sets {@code InvoiceDate} (written CCYY-MM-DD; null leaves it out). */
    public Item invoiceDate(LocalDate value) {
      this.invoiceDate = value == null ? null : value.toString();
      return this;
    }

    /** {@code InvoiceDate} as written, or null. */
    public String invoiceDate() {
      return invoiceDate;
    }

    /** Sets {@code DueDate} (written CCYY-MM-DD; null leaves it out). */
    public Item dueDate(LocalDate value) {
      this.dueDate = value == null ? null : value.toString();
      return this;
    }

    /** {@code DueDate} as written, or null. */
    public String dueDate() {
      return dueDate;
    }

    /** Sets {@code TaxCode}. */
    public Item taxCode(String value) {
      this.taxCode = value;
      return this;
    }

    /** {@code TaxCode}, or null. */
    public String taxCode() {
      return taxCode;
    }

    /** Sets {@code TaxValue}. */
    public Item taxValue(BigDecimal value) {
      this.taxValue = value;
      return this;
    }

    /** {@code TaxValue}, or null. */
    public BigDecimal taxValue() {
      return taxValue;
    }

    /** Adds one {@code LedgerDistribution}. */
    public Item addLedgerDistributions(LedgerDistribution value) {
      ledgerDistributions.add(Objects.requireNonNull(value, "ledgerDistributions"));
      return this;
    }

    /** The {@code LedgerDistribution} elements (live list). */
    public List<LedgerDistribution> ledgerDistributions() {
      return ledgerDistributions;
    }
  }

  /** {@code LedgerDistribution}: one GL line. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class LedgerDistribution {
    @XmlElement(name = "LedgerCode")
    private String ledgerCode;

    @XmlElement(name = "LedgerNotation")
    private String ledgerNotation;

    @XmlElement(name = "LedgerValue")
    private BigDecimal ledgerValue;

    /** An empty element. */
    public LedgerDistribution() {}

    /** Sets {@code LedgerCode}. */
    public LedgerDistribution ledgerCode(String value) {
      this.ledgerCode = value;
      return this;
    }

    /** {@code LedgerCode}, or null. */
    public String ledgerCode() {
      return ledgerCode;
    }

    /** Sets {@code LedgerNotation}. */
    public LedgerDistribution ledgerNotation(String value) {
      this.ledgerNotation = value;
      return this;
    }

    /** {@code LedgerNotation}, or null. */
    public String ledgerNotation() {
      return ledgerNotation;
    }

    /** Sets {@code LedgerValue}. */
    public LedgerDistribution ledgerValue(BigDecimal value) {
      this.ledgerValue = value;
      return this;
    }

    /** {@code LedgerValue}, or null. */
    public BigDecimal ledgerValue() {
      return ledgerValue;
    }
  }
}
