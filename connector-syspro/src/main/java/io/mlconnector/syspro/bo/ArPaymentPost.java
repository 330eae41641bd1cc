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
 * ARSTPY posting ({@code PostArPayment}): each {@link Item} holds one {@code Payment} against
 * invoices or one set of {@code Adjustments} (refunds, disputes). SYSPRO has no idempotency key
 * here: a repeated document posts again, so put a unique {@code Reference} on each payment and look
 * it up before retrying.
 */
@XmlRootElement(name = "PostArPayment")
@XmlAccessorType(XmlAccessType.FIELD)
public final class ArPaymentPost implements BusinessObjectDocument {
  @XmlElement(name = "Item")
  private List<Item> items = new ArrayList<>();

  /** An empty element. */
  public ArPaymentPost() {}

  @Override
  public String businessObject() {
    return "ARSTPY";
  }

  /**
   * Adds one {@code Item}.
   *
   * @param value the element to add, not null
   * @return this element
   */
  public ArPaymentPost addItems(Item value) {
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

  /** {@code Item}: a payment or adjustments. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Item {
    @XmlElement(name = "Payment")
    private @Nullable Payment payment;

    @XmlElement(name = "Adjustments")
    private @Nullable Adjustments adjustments;

    /** An empty element. */
    public Item() {}

    /**
     * Sets {@code Payment}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item payment(@Nullable Payment value) {
      this.payment = value;
      return this;
    }

    /**
     * {@code Payment}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable Payment payment() {
      return payment;
    }

    /**
     * Sets {@code Adjustments}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item adjustments(@Nullable Adjustments value) {
      this.adjustments = value;
      return this;
    }

    /**
     * {@code Adjustments}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable Adjustments adjustments() {
      return adjustments;
    }
  }

  /** {@code Payment} of one customer. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Payment {
    @XmlElement(name = "Customer")
    private @Nullable String customer;

    @XmlElement(name = "PaymentValue")
    private @Nullable BigDecimal paymentValue;

    @XmlElement(name = "Reference")
    private @Nullable String reference;

    @XmlElement(name = "PaymentDate")
    private @Nullable String paymentDate;

    @XmlElement(name = "JournalNotation")
    private @Nullable String journalNotation;

    @XmlElement(name = "PaymentNarration")
    private @Nullable String paymentNarration;

    @XmlElement(name = "Bank")
    private @Nullable String bank;

    @XmlElement(name = "PaymentType")
    private @Nullable String paymentType;

    @XmlElement(name = "InvoiceToPay")
    private List<InvoiceToPay> invoicesToPay = new ArrayList<>();

    /** An empty element. */
    public Payment() {}

    /**
     * Sets {@code Customer}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Payment customer(@Nullable String value) {
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

    /**
     * Sets {@code PaymentValue}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Payment paymentValue(@Nullable BigDecimal value) {
      this.paymentValue = value;
      return this;
    }

    /**
     * {@code PaymentValue}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable BigDecimal paymentValue() {
      return paymentValue;
    }

    /**
     * Sets {@code Reference}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Payment reference(@Nullable String value) {
      this.reference = value;
      return this;
    }

    /**
     * {@code Reference}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String reference() {
      return reference;
    }

    /**
     * Sets {@code PaymentDate} (written CCYY-MM-DD; null leaves it out).
     *
     * @param value the date, or null to leave the element out
     * @return this element
     */
    public Payment paymentDate(@Nullable LocalDate value) {
      this.paymentDate = value == null ? null : value.toString();
      return this;
    }

    /**
     * {@code PaymentDate} as written, or null.
     *
     * @return the date as written ({@code CCYY-MM-DD}), or null when the element is absent
     */
    public @Nullable String paymentDate() {
      return paymentDate;
    }

    /**
     * Sets {@code JournalNotation}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Payment journalNotation(@Nullable String value) {
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
     * Sets {@code PaymentNarration}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Payment paymentNarration(@Nullable String value) {
      this.paymentNarration = value;
      return this;
    }

    /**
     * {@code PaymentNarration}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String paymentNarration() {
      return paymentNarration;
    }

    /**
     * Sets {@code Bank}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Payment bank(@Nullable String value) {
      this.bank = value;
      return this;
    }

    /**
     * {@code Bank}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String bank() {
      return bank;
    }

    /**
     * Sets {@code PaymentType}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Payment paymentType(@Nullable String value) {
      this.paymentType = value;
      return this;
    }

    /**
     * {@code PaymentType}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String paymentType() {
      return paymentType;
    }

    /**
     * Adds one {@code InvoiceToPay}.
     *
     * @param value the element to add, not null
     * @return this element
     */
    public Payment addInvoicesToPay(InvoiceToPay value) {
      invoicesToPay.add(Objects.requireNonNull(value, "invoicesToPay"));
      return this;
    }

    /**
     * The {@code InvoiceToPay} elements (live list).
     *
     * @return the elements; adding to or removing from the list changes the document
     */
    public List<InvoiceToPay> invoicesToPay() {
      return invoicesToPay;
    }
  }

  /** {@code InvoiceToPay}: the part of a payment applied to one invoice. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class InvoiceToPay {
    @XmlElement(name = "TransactionType")
    private @Nullable String transactionType;

    @XmlElement(name = "Invoice")
    private @Nullable String invoice;

    @XmlElement(name = "GrossPaymentValue")
    private @Nullable BigDecimal grossPaymentValue;

    @XmlElement(name = "DiscountValue")
    private @Nullable BigDecimal discountValue;

    /** An empty element. */
    public InvoiceToPay() {}

    /**
     * Sets {@code TransactionType}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public InvoiceToPay transactionType(@Nullable String value) {
      this.transactionType = value;
      return this;
    }

    /**
     * {@code TransactionType}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String transactionType() {
      return transactionType;
    }

    /**
     * Sets {@code Invoice}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public InvoiceToPay invoice(@Nullable String value) {
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
     * Sets {@code GrossPaymentValue}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public InvoiceToPay grossPaymentValue(@Nullable BigDecimal value) {
      this.grossPaymentValue = value;
      return this;
    }

    /**
     * {@code GrossPaymentValue}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable BigDecimal grossPaymentValue() {
      return grossPaymentValue;
    }

    /**
     * Sets {@code DiscountValue}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public InvoiceToPay discountValue(@Nullable BigDecimal value) {
      this.discountValue = value;
      return this;
    }

    /**
     * {@code DiscountValue}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable BigDecimal discountValue() {
      return discountValue;
    }
  }

  /** {@code Adjustments} of one customer. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Adjustments {
    @XmlElement(name = "Customer")
    private @Nullable String customer;

    @XmlElement(name = "Bank")
    private @Nullable String bank;

    @XmlElement(name = "InvoiceToAdjust")
    private List<InvoiceToAdjust> invoicesToAdjust = new ArrayList<>();

    /** An empty element. */
    public Adjustments() {}

    /**
     * Sets {@code Customer}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Adjustments customer(@Nullable String value) {
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

    /**
     * Sets {@code Bank}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Adjustments bank(@Nullable String value) {
      this.bank = value;
      return this;
    }

    /**
     * {@code Bank}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String bank() {
      return bank;
    }

    /**
     * Adds one {@code InvoiceToAdjust}.
     *
     * @param value the element to add, not null
     * @return this element
     */
    public Adjustments addInvoicesToAdjust(InvoiceToAdjust value) {
      invoicesToAdjust.add(Objects.requireNonNull(value, "invoicesToAdjust"));
      return this;
    }

    /**
     * The {@code InvoiceToAdjust} elements (live list).
     *
     * @return the elements; adding to or removing from the list changes the document
     */
    public List<InvoiceToAdjust> invoicesToAdjust() {
      return invoicesToAdjust;
    }
  }

  /**
   * {@code InvoiceToAdjust}: a non-zero adjustment of one invoice (positive raises the balance, as
   * a refund does).
   */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class InvoiceToAdjust {
    @XmlElement(name = "TransactionType")
    private @Nullable String transactionType;

    @XmlElement(name = "Invoice")
    private @Nullable String invoice;

    @XmlElement(name = "AdjustmentValue")
    private @Nullable BigDecimal adjustmentValue;

    @XmlElement(name = "Reference")
    private @Nullable String reference;

    @XmlElement(name = "AdjustmentLedgerCode")
    private @Nullable String adjustmentLedgerCode;

    @XmlElement(name = "JournalNotation")
    private @Nullable String journalNotation;

    /** An empty element. */
    public InvoiceToAdjust() {}

    /**
     * Sets {@code TransactionType}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public InvoiceToAdjust transactionType(@Nullable String value) {
      this.transactionType = value;
      return this;
    }

    /**
     * {@code TransactionType}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String transactionType() {
      return transactionType;
    }

    /**
     * Sets {@code Invoice}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public InvoiceToAdjust invoice(@Nullable String value) {
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
     * Sets {@code AdjustmentValue}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public InvoiceToAdjust adjustmentValue(@Nullable BigDecimal value) {
      this.adjustmentValue = value;
      return this;
    }

    /**
     * {@code AdjustmentValue}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable BigDecimal adjustmentValue() {
      return adjustmentValue;
    }

    /**
     * Sets {@code Reference}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public InvoiceToAdjust reference(@Nullable String value) {
      this.reference = value;
      return this;
    }

    /**
     * {@code Reference}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String reference() {
      return reference;
    }

    /**
     * Sets {@code AdjustmentLedgerCode}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public InvoiceToAdjust adjustmentLedgerCode(@Nullable String value) {
      this.adjustmentLedgerCode = value;
      return this;
    }

    /**
     * {@code AdjustmentLedgerCode}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String adjustmentLedgerCode() {
      return adjustmentLedgerCode;
    }

    /**
     * Sets {@code JournalNotation}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public InvoiceToAdjust journalNotation(@Nullable String value) {
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
  }
}
