package io.mlconnector.chargebee;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ERP invoice to collect through Chargebee, as the invoice sink takes it. Amounts are in minor
 * units of {@code currency} (cents; JPY as is).
 *
 * @param customerId the Chargebee customer
 * @param currency the currency code, upper case
 * @param invoiceDate the ERP invoice date (sent as {@code invoice_date} when not in the future), or null
 * @param poNumber the stamp and the ERP invoice number people see ({@code po_number}, at most 100
 *     characters)
 * @param note a note printed on the invoice ({@code invoice_note}), or null
 * @param charges one ad-hoc charge per ERP line (and per tax amount)
 * @param recurring recurring lines, for {@link ChargebeeCollectorOptions.BillingModel#SUBSCRIPTION_ITEMS}
 * @param cancelled whether the ERP cancelled or voided the invoice (the sink voids it in Chargebee)
 */
public record ChargebeeInvoiceRequest(
    String customerId,
    String currency,
    @Nullable LocalDate invoiceDate,
    String poNumber,
    @Nullable String note,
    List<Charge> charges,
    List<RecurringItem> recurring,
    boolean cancelled) {

  /**
   * Checks and copies.
   *
   * @param customerId the Chargebee customer
   * @param currency the currency code, upper case
   * @param invoiceDate the ERP invoice date, or null
   * @param poNumber the stamp and ERP invoice number, 1 to 100 characters
   * @param note a note printed on the invoice, or null
   * @param charges the ad-hoc charges (copied)
   * @param recurring the recurring lines (copied)
   * @param cancelled whether the ERP cancelled or voided the invoice
   * @throws IllegalArgumentException if {@code poNumber} is blank or too long, or there is neither a
   *     charge nor a recurring item
   */
  public ChargebeeInvoiceRequest {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(poNumber, "poNumber");
    if (poNumber.isBlank() || poNumber.length() > 100) {
      throw new IllegalArgumentException("poNumber must be 1 to 100 characters, was '" + poNumber + "'");
    }
    charges = List.copyOf(charges);
    recurring = List.copyOf(recurring);
    if (charges.isEmpty() && recurring.isEmpty()) {
      throw new IllegalArgumentException("an invoice needs at least one charge or recurring item");
    }
  }

  /**
   * The sum of the charges and recurring items.
   *
   * @return the total in minor units of {@code currency}
   */
  public long total() {
    long t = 0;
    for (Charge c : charges) {
      t += c.amount();
    }
    for (RecurringItem r : recurring) {
      t += r.unitPrice() * r.quantity();
    }
    return t;
  }

  /**
   * One ad-hoc charge: {@code charges[description][i]}, {@code charges[amount][i]}.
   *
   * @param description what it is for
   * @param amount minor units, positive
   */
  public record Charge(String description, long amount) {
    /**
     * Checks the amount and the description.
     *
     * @param description what it is for
     * @param amount minor units, at least 1
     * @throws IllegalArgumentException if {@code amount} is below 1
     */
    public Charge {
      Objects.requireNonNull(description, "description");
      if (amount < 1) {
        throw new IllegalArgumentException("a Chargebee charge must be positive, was " + amount + " for " + description);
      }
    }
  }

  /**
   * One recurring line: a subscription item.
   *
   * @param itemPriceId the Chargebee item price
   * @param quantity how many
   * @param unitPrice minor units per item
   */
  public record RecurringItem(String itemPriceId, int quantity, long unitPrice) {
    /**
     * Checks the fields.
     *
     * @param itemPriceId the Chargebee item price
     * @param quantity how many, at least 1
     * @param unitPrice minor units per item, not negative
     * @throws IllegalArgumentException if {@code quantity} is below 1 or {@code unitPrice} negative
     */
    public RecurringItem {
      Objects.requireNonNull(itemPriceId, "itemPriceId");
      if (quantity < 1 || unitPrice < 0) {
        throw new IllegalArgumentException("quantity must be >= 1 and unitPrice >= 0 for " + itemPriceId);
      }
    }
  }
}
