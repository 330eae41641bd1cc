package io.mlconnector.chargebee;

import io.mlconnector.core.model.ExternalRef;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How a tenant's ERP records become Chargebee records. Immutable; {@link #defaults()} then the
 * {@code with...} methods.
 *
 * @param billingModel how invoices are billed (default {@link BillingModel#AD_HOC_CHARGES})
 * @param customerIdPrefix put before the ERP customer code to make the Chargebee customer id
 *     (default none)
 * @param poNumber the ERP invoice's {@code po_number} in Chargebee, made from the invoice's ref: the
 *     stamp find-by-stamp looks for (default the ref's id; a pair whose ERP packs several keys into
 *     the id can pick out the invoice number)
 * @param findLookback how far back (by {@code updated_at}) find-by-stamp scans invoices when it
 *     does not know the customer (default 14 days)
 * @param subscriptionSuffix the customer's ERP subscription id is the customer id plus this
 *     (default {@code -erp})
 * @param maxCustomerIdLength the longest customer id Chargebee takes (unconfirmed; default 50)
 */
public record ChargebeeCollectorOptions(
    BillingModel billingModel,
    String customerIdPrefix,
    Function<ExternalRef, String> poNumber,
    Duration findLookback,
    String subscriptionSuffix,
    int maxCustomerIdLength) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]+");

  /** How ERP invoices are billed in Chargebee. */
  public enum BillingModel {
    /**
     * (a) One Chargebee invoice per ERP invoice, made of ad-hoc charges ({@code
     * create_for_charge_items_and_charges}), one charge per ERP line, the ERP number as {@code
     * po_number}.
     */
    AD_HOC_CHARGES,
    /**
     * (b) Lines whose item code names an item price (reference table {@code chargebee}, key {@code
     * item_price.<item code>}) are added to the customer's subscription ({@code
     * subscription_for_items} or {@code update_for_items}, invoiced at once); invoices without
     * recurring lines are billed as (a). Meant for ERP invoices that start or extend a
     * subscription: Chargebee bills the following terms itself.
     */
    SUBSCRIPTION_ITEMS
  }

  /**
   * Checks the fields.
   *
   * @param billingModel how invoices are billed
   * @param customerIdPrefix put before the ERP customer code; empty for none; letters, digits,
   *     {@code _}, {@code .} and {@code -} only
   * @param poNumber makes the {@code po_number} stamp from the ERP invoice's ref
   * @param findLookback how far back find-by-stamp scans invoices when it does not know the
   *     customer
   * @param subscriptionSuffix appended to the customer id to make the ERP subscription's id
   * @param maxCustomerIdLength the longest customer id Chargebee takes
   * @throws IllegalArgumentException if the prefix holds other characters
   */
  public ChargebeeCollectorOptions {
    Objects.requireNonNull(billingModel, "billingModel");
    Objects.requireNonNull(customerIdPrefix, "customerIdPrefix");
    Objects.requireNonNull(poNumber, "poNumber");
    Objects.requireNonNull(findLookback, "findLookback");
    Objects.requireNonNull(subscriptionSuffix, "subscriptionSuffix");
    if (!customerIdPrefix.isEmpty() && !ID.matcher(customerIdPrefix).matches()) {
      throw new IllegalArgumentException("customerIdPrefix may hold letters, digits, '_', '.', '-' only, was '"
          + customerIdPrefix + "'");
    }
  }

  /**
   * The defaults: ad-hoc charges, no prefix, {@code po_number} = ref id, 14 days look-back.
   *
   * @return the default options
   */
  public static ChargebeeCollectorOptions defaults() {
    return new ChargebeeCollectorOptions(BillingModel.AD_HOC_CHARGES, "", ExternalRef::id, Duration.ofDays(14),
        "-erp", 50);
  }

  /**
   * With another billing model.
   *
   * @param model the billing model
   * @return a copy with the model replaced
   */
  public ChargebeeCollectorOptions withBillingModel(BillingModel model) {
    return new ChargebeeCollectorOptions(model, customerIdPrefix, poNumber, findLookback, subscriptionSuffix,
        maxCustomerIdLength);
  }

  /**
   * With a customer id prefix.
   *
   * @param prefix the prefix; empty for none
   * @return a copy with the prefix replaced
   * @throws IllegalArgumentException if the prefix holds characters other than letters, digits,
   *     {@code _}, {@code .} and {@code -}
   */
  public ChargebeeCollectorOptions withCustomerIdPrefix(String prefix) {
    return new ChargebeeCollectorOptions(billingModel, prefix, poNumber, findLookback, subscriptionSuffix,
        maxCustomerIdLength);
  }

  /**
   * With another {@code po_number} rule.
   *
   * @param rule makes the {@code po_number} from the ERP invoice's ref
   * @return a copy with the rule replaced
   */
  public ChargebeeCollectorOptions withPoNumber(Function<ExternalRef, String> rule) {
    return new ChargebeeCollectorOptions(billingModel, customerIdPrefix, rule, findLookback, subscriptionSuffix,
        maxCustomerIdLength);
  }

  /**
   * With another find-by-stamp look-back.
   *
   * @param lookback how far back by {@code updated_at}
   * @return a copy with the look-back replaced
   */
  public ChargebeeCollectorOptions withFindLookback(Duration lookback) {
    return new ChargebeeCollectorOptions(billingModel, customerIdPrefix, poNumber, lookback, subscriptionSuffix,
        maxCustomerIdLength);
  }

  /**
   * The Chargebee customer id of an ERP customer: the prefix plus the ERP code.
   *
   * @throws IllegalArgumentException when the code has characters or a length Chargebee refuses
   * @param customer the ERP customer's ref
   * @return the Chargebee customer id
   */
  public String customerIdFor(ExternalRef customer) {
    String id = customerIdPrefix + customer.id();
    if (!ID.matcher(id).matches() || id.length() > maxCustomerIdLength) {
      throw new IllegalArgumentException("customer code '" + customer.id() + "' cannot be a Chargebee customer id "
          + "(letters, digits, '_', '.', '-', at most " + maxCustomerIdLength + " characters with the prefix)");
    }
    return id;
  }
}
