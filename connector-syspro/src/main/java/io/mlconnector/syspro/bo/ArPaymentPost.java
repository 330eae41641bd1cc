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

  /** Adds one {@code Item}. */
  public ArPaymentPost addItems(Item value) {
    items.add(Objects.requireNonNull(value, "items"));
    return this;
  }

  /** The {@code Item} elements (live list). */
  public List<Item> items() {
    return items;
  }

  /** {@code Item}: a payment or adjustments. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Item {
    @XmlElement(name = "Payment")
    private Payment payment;

    @XmlElement(name = "Adjustments")
    private Adjustments adjustments;

    /** An empty element. */
    public Item() {}

    /** Sets {@code Payment}. */
    public Item payment(Payment value) {
      this.payment = value;
      return this;
    }

    /** {@code Payment}, or null. */
    public Payment payment() {
      return payment;
    }

    /** Sets {@code Adjustments}. */
    public Item adjustments(Adjustments value) {
      this.adjustments = value;
      return this;
    }

    /** {@code Adjustments}, or null. */
    public Adjustments adjustments() {
      return adjustments;
    }
  }

  /** {@code Payment} of one customer. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Payment {
    @XmlElement(name = "Customer")
    private String customer;

    @XmlElement(name = "PaymentValue")
    private BigDecimal paymentValue;

    @XmlElement(name = "Reference")
    private String reference;

    @XmlElement(name = "PaymentDate")
    private String paymentDate;

    @XmlElement(name = "JournalNotation")
    private String journalNotation;

    @XmlElement(name = "PaymentNarration")
    private String paymentNarration;

    @XmlElement(name = "Bank")
    private String bank;

    @XmlElement(name = "PaymentType")
    private String paymentType;

    @XmlElement(name = "InvoiceToPay")
    private List<InvoiceToPay> invoicesToPay = new ArrayList<>();

    /** An empty element. */
    public Payment() {}

    /** Sets {@code Customer}. */
    public Payment customer(String value) {
      this.customer = value;
      return this;
    }

    /** {@code Customer}, or null. */
    public String customer() {
      return customer;
    }

    /** Sets {@code PaymentValue}. */
    public Payment paymentValue(BigDecimal value) {
      this.paymentValue = value;
      return this;
    }

    /** {@code PaymentValue}, or null. */
    public BigDecimal paymentValue() {
      return paymentValue;
    }

    /** Sets {@code Reference}. */
    public Payment reference(String value) {
      this.reference = value;
      return this;
    }

    /** {@code Reference}, or null. */
    public String reference() {
      return reference;
    }

    /** Sets {@code PaymentDate} (written CCYY-MM-DD; null leaves it out). */
    public Payment paymentDate(LocalDate value) {
      this.paymentDate = value == null ? null : value.toString();
      return this;
    }

    /** {@code PaymentDate} as written, or null. */
    public String paymentDate() {
      return paymentDate;
    }

    /** Sets {@code JournalNotation}. */
    public Payment journalNotation(String value) {
      this.journalNotation = value;
      return this;
    }

    /** {@code JournalNotation}, or null. */
    public String journalNotation() {
      return journalNotation;
    }

    /** Sets {@code PaymentNarration}. */
    public Payment paymentNarration(String value) {
      this.paymentNarration = value;
      return this;
    }

    /** {@code PaymentNarration}, or null. */
    public String paymentNarration() {
      return paymentNarration;
    }

    /** Sets {@code Bank}. */
    public Payment bank(String value) {
      this.bank = value;
      return this;
    }

    /** {@code Bank}, or null. */
    public String bank() {
      return bank;
    }

    /** Sets {@code PaymentType}. */
    public Payment paymentType(String value) {
      this.paymentType = value;
      return this;
    }

    /** {@code PaymentType}, or null. */
    public String paymentType() {
      return paymentType;
    }

    /** Adds one {@code InvoiceToPay}. */
    public Payment addInvoicesToPay(InvoiceToPay value) {
      invoicesToPay.add(Objects.requireNonNull(value, "invoicesToPay"));
      return this;
    }

    /** The {@code InvoiceToPay} elements (live list). */
    public List<InvoiceToPay> invoicesToPay() {
      return invoicesToPay;
    }
  }

  /** {@code InvoiceToPay}: the part of a payment applied to one invoice. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class InvoiceToPay {
    @XmlElement(name = "TransactionType")
    private String transactionType;

    @XmlElement(name = "Invoice")
    private String invoice;

    @XmlElement(name = "GrossPaymentValue")
    private BigDecimal grossPaymentValue;

    @XmlElement(name = "DiscountValue")
    private BigDecimal discountValue;

    /** An empty element. */
    public InvoiceToPay() {}

    /** Sets {@code TransactionType}. */
    public InvoiceToPay transactionType(String value) {
      this.transactionType = value;
      return this;
    }

    /** {@code TransactionType}, or null. */
    public String transactionType() {
      return transactionType;
    }

    /** Sets {@code Invoice}. */
    public InvoiceToPay invoice(String value) {
      this.invoice = value;
      return this;
    }

    /** {@code Invoice}, or null. */
    public String invoice() {
      return invoice;
    }

    /** Sets {@code GrossPaymentValue}. */
    public InvoiceToPay grossPaymentValue(BigDecimal value) {
      this.grossPaymentValue = value;
      return this;
    }

    /** {@code GrossPaymentValue}, or null. */
    public BigDecimal grossPaymentValue() {
      return grossPaymentValue;
    }

    /** Sets {@code DiscountValue}. */
    public InvoiceToPay discountValue(BigDecimal value) {
      this.discountValue = value;
      return this;
    }

    /** {@code DiscountValue}, or null. */
    public BigDecimal discountValue() {
      return discountValue;
    }
  }

  /** {@code Adjustments} of one customer. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Adjustments {
    @XmlElement(name = "Customer")
    private String customer;

    @XmlElement(name = "Bank")
    private String bank;

    @XmlElement(name = "InvoiceToAdjust")
    private List<InvoiceToAdjust> invoicesToAdjust = new ArrayList<>();

    /** An empty element. */
    public Adjustments() {}

    /** Sets {@code Customer}. */
    public Adjustments customer(String value) {
      this.customer = value;
      return this;
    }

    /** {@code Customer}, or null. */
    public String customer() {
      return customer;
    }

    /** Sets {@code Bank}. */
    public Adjustments bank(String value) {
      this.bank = value;
      return this;
    }

    /** {@code Bank}, or null. */
    public String bank() {
      return bank;
    }

    /** Adds one {@code InvoiceToAdjust}. */
    public Adjustments addInvoicesToAdjust(InvoiceToAdjust value) {
      invoicesToAdjust.add(Objects.requireNonNull(value, "invoicesToAdjust"));
      return this;
    }

    /** The {@code InvoiceToAdjust} elements (live list). */
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
    private String transactionType;

    @XmlElement(name = "Invoice")
    private String invoice;

    @XmlElement(name = "AdjustmentValue")
    private BigDecimal adjustmentValue;

    @XmlElement(name = "Reference")
    private String reference;

    @XmlElement(name = "AdjustmentLedgerCode")
    private String adjustmentLedgerCode;

    @XmlElement(name = "JournalNotation")
    private String journalNotation;

    /** An empty element. */
    public InvoiceToAdjust() {}

    /** Sets {@code TransactionType}. */
    public InvoiceToAdjust transactionType(String value) {
      this.transactionType = value;
      return this;
    }

    /** {@code TransactionType}, or null. */
    public String transactionType() {
      return transactionType;
    }

    /** Sets {@code Invoice}. */
    public InvoiceToAdjust invoice(String value) {
      this.invoice = value;
      return this;
    }

    /** {@code Invoice}, or null. */
    public String invoice() {
      return invoice;
    }

    /** Sets {@code AdjustmentValue}. */
    public InvoiceToAdjust adjustmentValue(BigDecimal value) {
      this.adjustmentValue = value;
      return this;
    }

    /** {@code AdjustmentValue}, or null. */
    public BigDecimal adjustmentValue() {
      return adjustmentValue;
    }

    /** Sets {@code Reference}. */
    public InvoiceToAdjust reference(String value) {
      this.reference = value;
      return this;
    }

    /** {@code Reference}, or null. */
    public String reference() {
      return reference;
    }

    /** Sets {@code AdjustmentLedgerCode}. */
    public InvoiceToAdjust adjustmentLedgerCode(String value) {
      this.adjustmentLedgerCode = value;
      return this;
    }

    /** {@code AdjustmentLedgerCode}, or null. */
    public String adjustmentLedgerCode() {
      return adjustmentLedgerCode;
    }

    /** Sets {@code JournalNotation}. */
    public InvoiceToAdjust journalNotation(String value) {
      this.journalNotation = value;
      return this;
    }

    /** {@code JournalNotation}, or null. */
    public String journalNotation() {
      return journalNotation;
    }
  }
}
