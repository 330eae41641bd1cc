package io.mlconnector.sapb1;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An incoming payment ({@code IncomingPayments(45)}, object 24). It has no UpdateDate/UpdateTime
 * and no ETag. A property the entity read lacks is null here, or zero for the amounts.
 *
 * @param docEntry the key
 * @param docNum the number users see
 * @param cardCode the customer
 * @param docDate the payment date
 * @param currency {@code DocCurrency}
 * @param transferSum {@code TransferSum}, or zero
 * @param cashSum {@code CashSum}, or zero
 * @param cancelled whether {@code Cancelled} is {@code tYES}
 * @param invoices the {@code PaymentInvoices}
 * @param entity the whole entity
 */
public record IncomingPayment(
    long docEntry,
    @Nullable Long docNum,
    @Nullable String cardCode,
    @Nullable LocalDate docDate,
    @Nullable String currency,
    BigDecimal transferSum,
    BigDecimal cashSum,
    boolean cancelled,
    List<Applied> invoices,
    B1Entity entity) {

  /**
   * Copies the list.
   *
   * @param docEntry the key
   * @param docNum the number users see
   * @param cardCode the customer
   * @param docDate the payment date
   * @param currency {@code DocCurrency}
   * @param transferSum {@code TransferSum}, or zero
   * @param cashSum {@code CashSum}, or zero
   * @param cancelled whether {@code Cancelled} is {@code tYES}
   * @param invoices the {@code PaymentInvoices}
   * @param entity the whole entity
   */
  public IncomingPayment {
    invoices = List.copyOf(invoices);
  }

  /**
   * Reads a payment.
   *
   * @param e an {@code IncomingPayments} entity
   * @return the payment
   * @throws B1FormatException if the entity has no {@code DocEntry}
   */
  public static IncomingPayment of(B1Entity e) {
    Objects.requireNonNull(e, "e");
    Long entry = e.integer("DocEntry");
    if (entry == null) {
      throw new B1FormatException("incoming payment without DocEntry");
    }
    List<Applied> rows = new ArrayList<>();
    for (B1Entity r : e.rows("PaymentInvoices")) {
      rows.add(new Applied(r.integer("DocEntry") == null ? 0 : r.integer("DocEntry"), nz(r.decimal("SumApplied")),
          nz(r.decimal("AppliedFC"))));
    }
    return new IncomingPayment(entry, e.integer("DocNum"), e.string("CardCode"), e.date("DocDate"),
        e.string("DocCurrency"), nz(e.decimal("TransferSum")), nz(e.decimal("CashSum")), e.yes("Cancelled"), rows, e);
  }

  /**
   * The payment's amount in its own currency (transfer plus cash).
   *
   * @return {@code TransferSum} plus {@code CashSum}
   */
  public BigDecimal amount() {
    return transferSum.add(cashSum);
  }

  private static BigDecimal nz(@Nullable BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  /**
   * One invoice the payment is applied to.
   *
   * @param invoiceDocEntry the invoice's DocEntry
   * @param sumApplied {@code SumApplied} (local currency)
   * @param appliedFc {@code AppliedFC} (foreign currency), or zero
   */
  public record Applied(long invoiceDocEntry, BigDecimal sumApplied, BigDecimal appliedFc) {}

  /** Builds the body of {@code POST IncomingPayments}: a customer receipt by bank transfer. */
  public static final class Draft {
    private final String cardCode;
    private final String currency;
    private final boolean foreign;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private @Nullable BigDecimal transferSum;
    private @Nullable String transferAccount;
    private @Nullable LocalDate date;
    private @Nullable String transferReference;

    /**
     * A draft for {@code cardCode} in {@code currency}.
     *
     * @param localCurrency the company's local currency: applications in any other are {@code AppliedFC}
     * @param cardCode the customer
     * @param currency the payment's B1 currency code
     */
    public Draft(String cardCode, String currency, String localCurrency) {
      this.cardCode = Objects.requireNonNull(cardCode, "cardCode");
      this.currency = Objects.requireNonNull(currency, "currency");
      this.foreign = !currency.equals(localCurrency);
    }

    /**
     * The bank transfer: amount, G/L account, date, and the bank's reference (may be null).
     *
     * @param amount the amount, in the payment's currency
     * @param account the G/L account the transfer is booked to
     * @param date the payment, tax and transfer date
     * @param reference the bank's reference, or null
     * @return this draft
     */
    public Draft transfer(BigDecimal amount, String account, LocalDate date, @Nullable String reference) {
      this.transferSum = Objects.requireNonNull(amount, "amount");
      this.transferAccount = Objects.requireNonNull(account, "account");
      this.date = Objects.requireNonNull(date, "date");
      this.transferReference = reference;
      return this;
    }

    /**
     * Applies {@code amount} (in the payment's currency) to the A/R invoice {@code docEntry}.
     *
     * @param docEntry the invoice's {@code DocEntry}
     * @param amount the amount applied, in the payment's currency
     * @return this draft
     */
    public Draft apply(long docEntry, BigDecimal amount) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("LineNum", rows.size());
      row.put("DocEntry", docEntry);
      row.put(foreign ? "AppliedFC" : "SumApplied", amount);
      row.put("InvoiceType", "it_Invoice");
      rows.add(row);
      return this;
    }

    /**
     * Sets a further header field ({@code Remarks}, {@code JournalRemarks}, a {@code U_} field).
     *
     * @param name the field's name
     * @param value its JSON value
     * @return this draft
     */
    public Draft field(String name, Object value) {
      extra.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /**
     * The JSON body.
     *
     * @return the body, fields in B1's order
     * @throws IllegalStateException if {@link #transfer} was not called
     */
    public Map<String, Object> toBody() {
      if (transferSum == null) {
        throw new IllegalStateException("call transfer(...) first");
      }
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("DocType", "rCustomer");
      b.put("CardCode", cardCode);
      b.put("DocDate", date.toString());
      b.put("TaxDate", date.toString());
      b.put("DocCurrency", currency);
      b.put("TransferAccount", transferAccount);
      b.put("TransferSum", transferSum);
      b.put("TransferDate", date.toString());
      if (transferReference != null) {
        b.put("TransferReference", transferReference);
      }
      b.putAll(extra);
      b.put("PaymentInvoices", rows);
      return b;
    }
  }
}
