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
import org.jspecify.annotations.Nullable;

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

  /**
   * Adds one {@code Item}.
   *
   * @param value the element to add, not null
   * @return this element
   */
  public ApInvoicePost addItems(Item value) {
    items.add(Objects.requireNonNull(value, "items"));
    return this;
  }

  /**
   * The {@code Item} elements (live list).
   *
   * @return the elements; adding to or removing from the list changes the document
   */
  public List<Item> items() {
    return items;
  }

  /** {@code Item}: one AP document. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Item {
    @XmlElement(name = "Supplier")
    private @Nullable String supplier;

    @XmlElement(name = "TransactionCode")
    private @Nullable String transactionCode;

    @XmlElement(name = "Branch")
    private @Nullable String branch;

    @XmlElement(name = "Invoice")
    private @Nullable String invoice;

    @XmlElement(name = "TransactionValue")
    private @Nullable BigDecimal transactionValue;

    @XmlElement(name = "Notation")
    private @Nullable String notation;

    @XmlElement(name = "TransactionReference")
    private @Nullable String transactionReference;

    @XmlElement(name = "JournalNotation")
    private @Nullable String journalNotation;

    @XmlElement(name = "InvoiceDate")
    private @Nullable String invoiceDate;

    @XmlElement(name = "DueDate")
    private @Nullable String dueDate;

    @XmlElement(name = "TaxCode")
    private @Nullable String taxCode;

    @XmlElement(name = "TaxValue")
    private @Nullable BigDecimal taxValue;

    @XmlElement(name = "LedgerDistribution")
    private List<LedgerDistribution> ledgerDistributions = new ArrayList<>();

    /** An empty element. */
    public Item() {}

    /**
     * Sets {@code Supplier}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item supplier(@Nullable String value) {
      this.supplier = value;
      return this;
    }

    /**
     * {@code Supplier}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String supplier() {
      return supplier;
    }

    /**
     * Sets {@code TransactionCode}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item transactionCode(@Nullable String value) {
      this.transactionCode = value;
      return this;
    }

    /**
     * {@code TransactionCode}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String transactionCode() {
      return transactionCode;
    }

    /**
     * Sets {@code Branch}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item branch(@Nullable String value) {
      this.branch = value;
      return this;
    }

    /**
     * {@code Branch}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String branch() {
      return branch;
    }

    /**
     * Sets {@code Invoice}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item invoice(@Nullable String value) {
      this.invoice = value;
      return this;
    }

    /**
     * {@code Invoice}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String invoice() {
      return invoice;
    }

    /**
     * Sets {@code TransactionValue}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item transactionValue(@Nullable BigDecimal value) {
      this.transactionValue = value;
      return this;
    }

    /**
     * {@code TransactionValue}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable BigDecimal transactionValue() {
      return transactionValue;
    }

    /**
     * Sets {@code Notation}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item notation(@Nullable String value) {
      this.notation = value;
      return this;
    }

    /**
     * {@code Notation}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String notation() {
      return notation;
    }

    /**
     * Sets {@code TransactionReference}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item transactionReference(@Nullable String value) {
      this.transactionReference = value;
      return this;
    }

    /**
     * {@code TransactionReference}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String transactionReference() {
      return transactionReference;
    }

    /**
     * Sets {@code JournalNotation}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item journalNotation(@Nullable String value) {
      this.journalNotation = value;
      return this;
    }

    /**
     * {@code JournalNotation}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String journalNotation() {
      return journalNotation;
    }

    /**
     * Sets {@code InvoiceDate} (written CCYY-MM-DD; null leaves it out).
     *
     * @param value the date, or null to leave the element out
     * @return this element
     */
    public Item invoiceDate(@Nullable LocalDate value) {
      this.invoiceDate = value == null ? null : value.toString();
      return this;
    }

    /**
     * {@code InvoiceDate} as written, or null.
     *
     * @return the date as written ({@code CCYY-MM-DD}), or null when the element is absent
     */
    public @Nullable String invoiceDate() {
      return invoiceDate;
    }

    /**
     * Sets {@code DueDate} (written CCYY-MM-DD; null leaves it out).
     *
     * @param value the date, or null to leave the element out
     * @return this element
     */
    public Item dueDate(@Nullable LocalDate value) {
      this.dueDate = value == null ? null : value.toString();
      return this;
    }

    /**
     * {@code DueDate} as written, or null.
     *
     * @return the date as written ({@code CCYY-MM-DD}), or null when the element is absent
     */
    public @Nullable String dueDate() {
      return dueDate;
    }

    /**
     * Sets {@code TaxCode}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item taxCode(@Nullable String value) {
      this.taxCode = value;
      return this;
    }

    /**
     * {@code TaxCode}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String taxCode() {
      return taxCode;
    }

    /**
     * Sets {@code TaxValue}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item taxValue(@Nullable BigDecimal value) {
      this.taxValue = value;
      return this;
    }

    /**
     * {@code TaxValue}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable BigDecimal taxValue() {
      return taxValue;
    }

    /**
     * Adds one {@code LedgerDistribution}.
     *
     * @param value the element to add, not null
     * @return this element
     */
    public Item addLedgerDistributions(LedgerDistribution value) {
      ledgerDistributions.add(Objects.requireNonNull(value, "ledgerDistributions"));
      return this;
    }

    /**
     * The {@code LedgerDistribution} elements (live list).
     *
     * @return the elements; adding to or removing from the list changes the document
     */
    public List<LedgerDistribution> ledgerDistributions() {
      return ledgerDistributions;
    }
  }

  /** {@code LedgerDistribution}: one GL line. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class LedgerDistribution {
    @XmlElement(name = "LedgerCode")
    private @Nullable String ledgerCode;

    @XmlElement(name = "LedgerNotation")
    private @Nullable String ledgerNotation;

    @XmlElement(name = "LedgerValue")
    private @Nullable BigDecimal ledgerValue;

    /** An empty element. */
    public LedgerDistribution() {}

    /**
     * Sets {@code LedgerCode}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public LedgerDistribution ledgerCode(@Nullable String value) {
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

    /**
     * Sets {@code LedgerNotation}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public LedgerDistribution ledgerNotation(@Nullable String value) {
      this.ledgerNotation = value;
      return this;
    }

    /**
     * {@code LedgerNotation}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String ledgerNotation() {
      return ledgerNotation;
    }

    /**
     * Sets {@code LedgerValue}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public LedgerDistribution ledgerValue(@Nullable BigDecimal value) {
      this.ledgerValue = value;
      return this;
    }

    /**
     * {@code LedgerValue}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable BigDecimal ledgerValue() {
      return ledgerValue;
    }
  }
}
