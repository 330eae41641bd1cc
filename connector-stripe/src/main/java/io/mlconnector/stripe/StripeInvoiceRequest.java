package io.mlconnector.stripe;

import io.mlconnector.core.model.Money;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Stripe invoice an ERP invoice should become: collected by sending it
 * ({@code collection_method=send_invoice}) with {@code daysUntilDue} days to pay.
 *
 * @param sourceRef the ERP invoice's key, e.g. {@code syspro:invoice:100234}; stamped in metadata
 * @param sourceVersion the ERP invoice's version, or null
 * @param customerId the Stripe customer ({@code cus_...}) the invoice is for
 * @param currency ISO 4217 code, any case
 * @param daysUntilDue days the customer has to pay, 0 to 3650
 * @param description the memo shown on the invoice, or null
 * @param lines the lines, at least one
 * @param metadata extra metadata to store on the invoice; keys must not start with {@code mlc_}
 * @param cancelled true when the ERP cancelled the invoice: the Stripe invoice is voided (a draft
 *     deleted) instead of changed
 */
public record StripeInvoiceRequest(
    String sourceRef,
    @Nullable String sourceVersion,
    String customerId,
    String currency,
    int daysUntilDue,
    @Nullable String description,
    List<StripeInvoiceLine> lines,
    Map<String, String> metadata,
    boolean cancelled) {

  /**
   * Checks the fields (naming the first one that is wrong), lower-cases the currency and copies the
   * lists.
   *
   * @param sourceRef the ERP invoice's key; stamped in metadata
   * @param sourceVersion the ERP invoice's version, or null
   * @param customerId the Stripe customer ({@code cus_...})
   * @param currency ISO 4217 code, any case
   * @param daysUntilDue days the customer has to pay, 0 to 3650
   * @param description the memo shown on the invoice, or null
   * @param lines the lines, 1 to 250, all in {@code currency}
   * @param metadata extra metadata; keys must not start with {@code mlc_}
   * @param cancelled true when the ERP cancelled the invoice
   * @throws IllegalArgumentException naming the first field that is wrong
   */
  public StripeInvoiceRequest {
    Validation.requireStamp(sourceRef, "sourceRef");
    Validation.requireId(customerId, "cus_", "customerId");
    currency = StripeCurrencies.normalize(currency);
    if (daysUntilDue < 0 || daysUntilDue > 3650) {
      throw new IllegalArgumentException("daysUntilDue must be in [0, 3650], was " + daysUntilDue);
    }
    Objects.requireNonNull(lines, "lines");
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("lines must not be empty: Stripe cannot collect an invoice without items");
    }
    if (lines.size() > 250) {
      throw new IllegalArgumentException("lines has " + lines.size() + " entries; Stripe invoices hold at most 250 items");
    }
    for (int i = 0; i < lines.size(); i++) {
      StripeInvoiceLine line = Objects.requireNonNull(lines.get(i), "lines[" + i + "]");
      if (!StripeCurrencies.normalize(line.amount().currencyCode()).equals(currency)) {
        throw new IllegalArgumentException(
            "lines[" + i + "].amount " + line.amount() + " is not in the invoice currency " + currency.toUpperCase(java.util.Locale.ROOT));
      }
    }
    lines = List.copyOf(lines);
    metadata = Validation.userMetadata(metadata);
  }

  /**
   * A request for an invoice that is not cancelled.
   *
   * @param sourceRef the ERP invoice's key; stamped in metadata
   * @param sourceVersion the ERP invoice's version, or null
   * @param customerId the Stripe customer ({@code cus_...})
   * @param currency ISO 4217 code, any case
   * @param daysUntilDue days the customer has to pay, 0 to 3650
   * @param description the memo shown on the invoice, or null
   * @param lines the lines, 1 to 250, all in {@code currency}
   * @param metadata extra metadata; keys must not start with {@code mlc_}
   * @throws IllegalArgumentException naming the first field that is wrong
   */
  public StripeInvoiceRequest(
      String sourceRef,
      @Nullable String sourceVersion,
      String customerId,
      String currency,
      int daysUntilDue,
      @Nullable String description,
      List<StripeInvoiceLine> lines,
      Map<String, String> metadata) {
    this(sourceRef, sourceVersion, customerId, currency, daysUntilDue, description, lines, metadata, false);
  }

  /**
   * This request marked as cancelled in the ERP.
   *
   * @return a copy with {@code cancelled} true
   */
  public StripeInvoiceRequest asCancelled() {
    return new StripeInvoiceRequest(sourceRef, sourceVersion, customerId, currency, daysUntilDue, description, lines, metadata, true);
  }

  /**
   * Sum of line amounts and tax amounts.
   *
   * @return the invoice total including tax, in the invoice currency
   */
  public Money total() {
    Money t = Money.zero(lines.get(0).amount().currency());
    for (StripeInvoiceLine l : lines) {
      t = t.plus(l.amount());
      if (l.hasTax()) {
        t = t.plus(l.taxAmount());
      }
    }
    return t;
  }
}
