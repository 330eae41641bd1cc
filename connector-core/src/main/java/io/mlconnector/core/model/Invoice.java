package io.mlconnector.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An invoice: receivable (billed to a {@link Customer}, e.g. a SYSPRO AR invoice collected through
 * Stripe) or payable (received from a {@link Vendor}, e.g. an approved Stampli AP invoice posted to
 * SYSPRO).
 *
 * <p>Totals follow from the lines: {@code subtotal} is the sum of the line amounts, {@code
 * taxTotal} the sum of the line taxes and the {@link TaxLine}s, and {@code total} their sum. A
 * total the source states is passed in and checked; one that disagrees with the lines is refused
 * with both figures in the message. A rounding difference in the source belongs in an explicit
 * line. Tax is given either per line or as tax lines, not both. All amounts are in the invoice's
 * currency. Amounts of a credit note are positive; its {@link DocumentType} says it is a credit.
 *
 * @param ref where the invoice lives
 * @param version the version of this state of the invoice
 * @param direction receivable or payable
 * @param documentType invoice, credit note or debit note
 * @param number the document number people see (may differ from {@code ref.id()}), or null while
 *     the source has not assigned one (a draft)
 * @param party the customer (receivable) or vendor (payable) the invoice is with
 * @param status the invoice's state
 * @param issueDate the invoice date
 * @param dueDate when payment is due, or null; not before {@code issueDate}
 * @param postingDate the accounting (GL) date if it differs from the invoice date, or null
 * @param currency the invoice currency
 * @param lines the lines, at least one, with unique numbers
 * @param taxes invoice-level taxes; empty when tax is given per line
 * @param subtotal the sum of the line amounts (derived when null)
 * @param taxTotal the sum of all tax (derived when null)
 * @param total {@code subtotal + taxTotal} (derived when null)
 * @param amountPaid how much of the total has been paid; defaults to the total for a {@code PAID}
 *     invoice and to zero otherwise
 * @param purchaseOrder the purchase order number, or null
 * @param paymentTerms the payment terms code as the source holds it, or null
 * @param memo a free-text note, or null
 * @param extensions system-specific extras
 */
public record Invoice(
    ExternalRef ref,
    String version,
    Direction direction,
    DocumentType documentType,
    @Nullable String number,
    ExternalRef party,
    Status status,
    LocalDate issueDate,
    @Nullable LocalDate dueDate,
    @Nullable LocalDate postingDate,
    Currency currency,
    List<InvoiceLine> lines,
    List<TaxLine> taxes,
    Money subtotal,
    Money taxTotal,
    Money total,
    Money amountPaid,
    @Nullable String purchaseOrder,
    @Nullable String paymentTerms,
    @Nullable String memo,
    Extensions extensions)
    implements CanonicalRecord {

  /** Whether the invoice is money owed to us or by us. */
  public enum Direction {
    /** Accounts receivable: billed to a customer. */
    RECEIVABLE,
    /** Accounts payable: received from a vendor. */
    PAYABLE
  }

  /** What kind of document this is. */
  public enum DocumentType {
    /** An invoice. */
    INVOICE,
    /** A credit note (credit memo): reduces what is owed; amounts are positive. */
    CREDIT_NOTE,
    /** A debit note: increases what is owed. */
    DEBIT_NOTE
  }

  /** The invoice's state. */
  public enum Status {
    /** Not yet final; may still change and has no effect on balances. */
    DRAFT,
    /** Final and awaiting payment (for AP: approved and ready to post). */
    OPEN,
    /** Paid in full. */
    PAID,
    /** Written off as uncollectible; may still be paid or voided. */
    UNCOLLECTIBLE,
    /** Voided after being final; stays on record with no balance. */
    VOID,
    /** Cancelled (for example reversed in the ERP, or rejected in the AP system). */
    CANCELLED
  }

  /**
   * Validates the fields, derives or checks the totals and copies the lists.
   *
   * @param ref where the invoice lives
   * @param version the version of this state of the invoice
   * @param direction receivable or payable
   * @param documentType invoice, credit note or debit note
   * @param number the document number people see (may differ from {@code ref.id()}), or null while
   *     the source has not assigned one (a draft)
   * @param party the customer (receivable) or vendor (payable) the invoice is with
   * @param status the invoice's state
   * @param issueDate the invoice date
   * @param dueDate when payment is due, or null; not before {@code issueDate}
   * @param postingDate the accounting (GL) date if it differs from the invoice date, or null
   * @param currency the invoice currency
   * @param lines the lines, at least one, with unique numbers
   * @param taxes invoice-level taxes; empty when tax is given per line
   * @param subtotal the sum of the line amounts (derived when null)
   * @param taxTotal the sum of all tax (derived when null)
   * @param total {@code subtotal + taxTotal} (derived when null)
   * @param amountPaid how much of the total has been paid; defaults to the total for a {@code PAID}
   *     invoice and to zero otherwise
   * @param purchaseOrder the purchase order number, or null
   * @param paymentTerms the payment terms code as the source holds it, or null
   * @param memo a free-text note, or null
   * @param extensions system-specific extras
   */
  public Invoice {
    String what = Checks.identity(ref, version, "Invoice");
    Checks.notNull(direction, what + " direction");
    Checks.notNull(documentType, what + " documentType");
    Checks.optionalText(number, what + " number");
    Checks.notNull(party, what + " party");
    Checks.notNull(status, what + " status");
    Checks.notNull(issueDate, what + " issueDate");
    if (dueDate != null && dueDate.isBefore(issueDate)) {
      throw new IllegalArgumentException(
          what + " dueDate " + dueDate + " is before its issueDate " + issueDate);
    }
    Checks.notNull(currency, what + " currency");
    lines = Checks.list(lines, what + " lines");
    taxes = Checks.list(taxes, what + " taxes");
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(what + " lines must not be empty");
    }
    Set<Integer> numbers = new HashSet<>();
    Money lineTax = Money.zero(currency);
    Money sum = Money.zero(currency);
    for (InvoiceLine line : lines) {
      if (!numbers.add(line.number())) {
        throw new IllegalArgumentException(what + " has two lines numbered " + line.number());
      }
      Checks.inCurrency(line.amount(), currency, what + " line " + line.number() + " amount");
      Checks.inCurrency(line.taxAmount(), currency, what + " line " + line.number() + " taxAmount");
      sum = sum.plus(line.amount());
      lineTax = lineTax.plus(line.taxAmount());
    }
    Money headerTax = Money.zero(currency);
    for (int i = 0; i < taxes.size(); i++) {
      headerTax =
          headerTax.plus(
              Checks.inCurrency(
                  taxes.get(i).amount(), currency, what + " taxes[" + i + "] amount"));
    }
    if (!taxes.isEmpty() && !lineTax.isZero()) {
      throw new IllegalArgumentException(
          what
              + " gives tax both per line ("
              + lineTax
              + ") and as tax lines ("
              + headerTax
              + "); give it one way only");
    }
    Money derivedTax = lineTax.plus(headerTax);
    Money derivedTotal = sum.plus(derivedTax);
    subtotal = checkTotal(what, "subtotal", subtotal, sum, currency);
    taxTotal = checkTotal(what, "taxTotal", taxTotal, derivedTax, currency);
    if (total != null && !total.equals(derivedTotal)) {
      Checks.inCurrency(total, currency, what + " total");
      throw new IllegalArgumentException(
          what
              + " total "
              + total
              + " does not match its lines: subtotal "
              + sum
              + " + tax "
              + derivedTax
              + " = "
              + derivedTotal);
    }
    total = total == null ? derivedTotal : total;
    if (total.isNegative()) {
      throw new IllegalArgumentException(
          what
              + " total must not be negative but was "
              + total
              + "; give a credit as documentType CREDIT_NOTE with positive amounts");
    }
    if (amountPaid == null) {
      amountPaid = status == Status.PAID ? total : Money.zero(currency);
    }
    Checks.inCurrency(amountPaid, currency, what + " amountPaid");
    if (amountPaid.isNegative() || amountPaid.isGreaterThan(total)) {
      throw new IllegalArgumentException(
          what + " amountPaid " + amountPaid + " must be between zero and the total " + total);
    }
    Checks.optionalText(purchaseOrder, what + " purchaseOrder");
    Checks.optionalText(paymentTerms, what + " paymentTerms");
    Checks.optionalText(memo, what + " memo");
    extensions = Checks.extensions(extensions);
  }

  private static Money checkTotal(
      String what, String field, Money given, Money derived, Currency currency) {
    if (given == null) {
      return derived;
    }
    Checks.inCurrency(given, currency, what + " " + field);
    if (!given.equals(derived)) {
      throw new IllegalArgumentException(
          what + " " + field + " " + given + " does not match its lines, which give " + derived);
    }
    return given;
  }

  /** {@return what is still owed: {@code total - amountPaid}} */
  public Money amountDue() {
    return total.minus(amountPaid);
  }

  /** {@return a builder; document type defaults to {@code INVOICE}, status to {@code OPEN}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with this invoice's fields (totals are re-derived on build)} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ref = ref;
    b.version = version;
    b.direction = direction;
    b.documentType = documentType;
    b.number = number;
    b.party = party;
    b.status = status;
    b.issueDate = issueDate;
    b.dueDate = dueDate;
    b.postingDate = postingDate;
    b.currency = currency;
    b.lines.addAll(lines);
    b.taxes.addAll(taxes);
    b.amountPaid = amountPaid;
    b.purchaseOrder = purchaseOrder;
    b.paymentTerms = paymentTerms;
    b.memo = memo;
    b.extensions = extensions;
    return b;
  }

  /** Builds an {@link Invoice}; {@link #build()} validates and derives the totals. */
  public static final class Builder {
    private ExternalRef ref;
    private String version;
    private Direction direction;
    private DocumentType documentType = DocumentType.INVOICE;
    private @Nullable String number;
    private ExternalRef party;
    private Status status = Status.OPEN;
    private LocalDate issueDate;
    private @Nullable LocalDate dueDate;
    private @Nullable LocalDate postingDate;
    private Currency currency;
    private final List<InvoiceLine> lines = new ArrayList<>();
    private final List<TaxLine> taxes = new ArrayList<>();
    private Money subtotal;
    private Money taxTotal;
    private Money total;
    private Money amountPaid;
    private @Nullable String purchaseOrder;
    private @Nullable String paymentTerms;
    private @Nullable String memo;
    private Extensions extensions = Extensions.empty();

    private Builder() {}

    /**
     * Sets where the invoice lives.
     *
     * @param ref where the invoice lives
     * @return this builder
     */
    public Builder ref(ExternalRef ref) {
      this.ref = ref;
      return this;
    }

    /**
     * Sets the version.
     *
     * @param version the version of this state of the invoice
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * Makes this a receivable invoice billed to {@code customer}.
     *
     * @param customer the ref of the customer billed
     * @return this builder
     */
    public Builder customer(ExternalRef customer) {
      this.direction = Direction.RECEIVABLE;
      this.party = customer;
      return this;
    }

    /**
     * Makes this a payable invoice received from {@code vendor}.
     *
     * @param vendor the ref of the vendor (supplier) that issued it
     * @return this builder
     */
    public Builder vendor(ExternalRef vendor) {
      this.direction = Direction.PAYABLE;
      this.party = vendor;
      return this;
    }

    /**
     * Sets the document type.
     *
     * @param documentType invoice, credit note or debit note
     * @return this builder
     */
    public Builder documentType(DocumentType documentType) {
      this.documentType = documentType;
      return this;
    }

    /**
     * Sets the document number.
     *
     * @param number the document number people see (may differ from {@code ref.id()}), or null
     *     while the source has not assigned one (a draft)
     * @return this builder
     */
    public Builder number(@Nullable String number) {
      this.number = number;
      return this;
    }

    /**
     * Sets the status.
     *
     * @param status the invoice's state
     * @return this builder
     */
    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    /**
     * Sets the invoice date.
     *
     * @param issueDate the invoice date
     * @return this builder
     */
    public Builder issueDate(LocalDate issueDate) {
      this.issueDate = issueDate;
      return this;
    }

    /**
     * Sets the due date.
     *
     * @param dueDate when payment is due, or null; not before {@code issueDate}
     * @return this builder
     */
    public Builder dueDate(@Nullable LocalDate dueDate) {
      this.dueDate = dueDate;
      return this;
    }

    /**
     * Sets the accounting date.
     *
     * @param postingDate the accounting (GL) date if it differs from the invoice date, or null
     * @return this builder
     */
    public Builder postingDate(@Nullable LocalDate postingDate) {
      this.postingDate = postingDate;
      return this;
    }

    /**
     * Sets the currency.
     *
     * @param currency the invoice currency
     * @return this builder
     */
    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    /**
     * Sets the currency by ISO 4217 code.
     *
     * @param currencyCode the ISO 4217 currency code, for example {@code USD}
     * @return this builder
     */
    public Builder currency(String currencyCode) {
      this.currency = Money.currency(currencyCode);
      return this;
    }

    /**
     * Appends a line.
     *
     * @param line the next line; not null
     * @return this builder
     */
    public Builder addLine(InvoiceLine line) {
      lines.add(Checks.notNull(line, "line"));
      return this;
    }

    /**
     * Replaces the lines.
     *
     * @param lines the lines, at least one, with unique numbers
     * @return this builder
     */
    public Builder lines(List<InvoiceLine> lines) {
      this.lines.clear();
      Checks.notNull(lines, "lines").forEach(this::addLine);
      return this;
    }

    /**
     * Appends an invoice-level tax.
     *
     * @param tax the tax line; not null
     * @return this builder
     */
    public Builder addTax(TaxLine tax) {
      taxes.add(Checks.notNull(tax, "tax"));
      return this;
    }

    /**
     * Sets the subtotal the source states, to be checked against the lines.
     *
     * @param subtotal the sum of the line amounts (derived when null)
     * @return this builder
     */
    public Builder subtotal(Money subtotal) {
      this.subtotal = subtotal;
      return this;
    }

    /**
     * Sets the tax total the source states, to be checked against the lines.
     *
     * @param taxTotal the sum of all tax (derived when null)
     * @return this builder
     */
    public Builder taxTotal(Money taxTotal) {
      this.taxTotal = taxTotal;
      return this;
    }

    /**
     * Sets the total the source states, to be checked against the lines.
     *
     * @param total {@code subtotal + taxTotal} (derived when null)
     * @return this builder
     */
    public Builder total(Money total) {
      this.total = total;
      return this;
    }

    /**
     * Sets the amount paid so far.
     *
     * @param amountPaid how much of the total has been paid; defaults to the total for a {@code
     *     PAID} invoice and to zero otherwise
     * @return this builder
     */
    public Builder amountPaid(Money amountPaid) {
      this.amountPaid = amountPaid;
      return this;
    }

    /**
     * Sets the purchase order number.
     *
     * @param purchaseOrder the purchase order number, or null
     * @return this builder
     */
    public Builder purchaseOrder(@Nullable String purchaseOrder) {
      this.purchaseOrder = purchaseOrder;
      return this;
    }

    /**
     * Sets the payment terms code.
     *
     * @param paymentTerms the payment terms code as the source holds it, or null
     * @return this builder
     */
    public Builder paymentTerms(@Nullable String paymentTerms) {
      this.paymentTerms = paymentTerms;
      return this;
    }

    /**
     * Sets the memo.
     *
     * @param memo a free-text note, or null
     * @return this builder
     */
    public Builder memo(@Nullable String memo) {
      this.memo = memo;
      return this;
    }

    /**
     * Replaces the extensions.
     *
     * @param extensions system-specific extras
     * @return this builder
     */
    public Builder extensions(Extensions extensions) {
      this.extensions = extensions;
      return this;
    }

    /**
     * Adds one extension.
     *
     * @param <T> the type of the extension's values
     * @param key the extension's key
     * @param value its value
     * @return this builder
     */
    public <T> Builder extension(Extensions.Key<T> key, T value) {
      this.extensions = Checks.extensions(extensions).with(key, value);
      return this;
    }

    /**
     * The validated invoice.
     *
     * @return the invoice
     * @throws IllegalArgumentException if a field is invalid or a stated total disagrees with the
     *     lines
     */
    public Invoice build() {
      if (direction == null) {
        throw new NullPointerException(
            "Invoice direction must not be null: call customer(ref) or vendor(ref)");
      }
      return new Invoice(
          ref,
          version,
          direction,
          documentType,
          number,
          party,
          status,
          issueDate,
          dueDate,
          postingDate,
          currency,
          lines,
          taxes,
          subtotal,
          taxTotal,
          total,
          amountPaid,
          purchaseOrder,
          paymentTerms,
          memo,
          extensions);
    }
  }
}
