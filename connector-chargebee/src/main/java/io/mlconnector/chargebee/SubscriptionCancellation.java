package io.mlconnector.chargebee;

import io.mlconnector.core.model.CanonicalRecord;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Chargebee subscription that was cancelled ({@code subscription_cancelled}), as Chargebee's own
 * copy of the subscription says it stands when the event is handled. No money moves with a
 * cancellation: what a ledger does with it is a record someone acts on (stop the recurring SYSPRO
 * lines of the contract, follow up the customer), never a posting.
 *
 * @param ref {@code chargebee:subscription:<id>}
 * @param version the subscription's {@code resource_version}
 * @param customer {@code chargebee:customer:<id>}
 * @param status the subscription's status now: {@code cancelled}, or {@code active} / {@code
 *     in_trial} / {@code non_renewing} when it was reactivated since the event
 * @param cancelledAt when it was cancelled ({@code cancelled_at}), or null when Chargebee gives none
 * @param reasonCode {@code cancel_reason_code} or {@code cancel_reason}, or null
 * @param itemPriceIds the item prices the subscription carried
 * @param recurring the monthly recurring revenue it carried ({@code mrr}), or null when the site
 *     does not report it
 */
public record SubscriptionCancellation(ExternalRef ref, String version, ExternalRef customer, String status,
    @Nullable Instant cancelledAt, @Nullable String reasonCode, List<String> itemPriceIds, @Nullable Money recurring)
    implements CanonicalRecord {

  /**
   * Checks the parts and copies the item prices.
   *
   * @param ref {@code chargebee:subscription:<id>}
   * @param version the subscription's {@code resource_version}
   * @param customer {@code chargebee:customer:<id>}
   * @param status the subscription's status now
   * @param cancelledAt when it was cancelled, or null
   * @param reasonCode the cancellation reason, or null
   * @param itemPriceIds the item prices the subscription carried
   * @param recurring the monthly recurring revenue it carried, or null
   */
  public SubscriptionCancellation {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(status, "status");
    itemPriceIds = List.copyOf(itemPriceIds);
  }

  /**
   * Whether the subscription is still cancelled.
   *
   * @return true for status {@code cancelled}; false when it was reactivated since
   */
  public boolean stillCancelled() {
    return "cancelled".equals(status);
  }

  /**
   * The subscription as read from Chargebee.
   *
   * @param tenant the tenant the refs are stamped with
   * @param s the subscription
   * @return the cancellation as the subscription stands now
   * @throws IllegalArgumentException if the subscription names no customer
   */
  public static SubscriptionCancellation of(String tenant, ChargebeeResource s) {
    Objects.requireNonNull(s, "subscription");
    String customer = s.string("customer_id");
    if (customer == null) {
      throw new IllegalArgumentException("subscription " + s.id() + " names no customer_id");
    }
    Long cancelled = s.number("cancelled_at");
    String reason = s.string("cancel_reason_code") != null ? s.string("cancel_reason_code") : s.string("cancel_reason");
    List<String> items = s.list("subscription_items").stream().map(i -> i.string("item_price_id"))
        .filter(Objects::nonNull).toList();
    Long mrr = s.number("mrr");
    String currency = s.string("currency_code");
    return new SubscriptionCancellation(
        ChargebeeCanonical.ref(tenant, ChargebeeCanonical.SUBSCRIPTION, s.id()),
        String.valueOf(s.resourceVersion()),
        ChargebeeCanonical.ref(tenant, ChargebeeCanonical.CUSTOMER, customer),
        String.valueOf(s.string("status")),
        cancelled == null ? null : Instant.ofEpochSecond(cancelled),
        reason,
        items,
        mrr == null || currency == null ? null : ChargebeeCanonical.money(mrr, currency));
  }
}
