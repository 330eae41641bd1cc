package io.mlconnector.stripe;

import org.jspecify.annotations.Nullable;

/**
 * A Stripe invoice as the connector sees it. {@code number} and {@code hostedInvoiceUrl} are set
 * once the invoice is finalized; keep them as mapping attributes.
 *
 * @param id Stripe's id ({@code in_...})
 * @param customerId the customer ({@code cus_...})
 * @param status {@code draft}, {@code open}, {@code paid}, {@code uncollectible} or {@code void}
 * @param number the invoice number Stripe assigned at finalization, or null for a draft
 * @param hostedInvoiceUrl the page where the customer pays, or null for a draft
 * @param currency lower-case ISO code
 * @param total total in minor units
 * @param amountDue amount due in minor units
 * @param amountPaid amount paid in minor units
 * @param sourceRef the ERP reference stamped on it, or null
 * @param sourceVersion the ERP version stamped on it, or null
 * @param operationKey the idempotency key of the connector write that last changed it, or null
 * @param created when Stripe created it, or null when Stripe did not say
 * @param originalId the first invoice of its re-issue chain ({@link StripeMetadata#ORIGINAL}), or
 *     its own id when it was never re-issued
 */
public record StripeInvoice(
    String id,
    String customerId,
    String status,
    @Nullable String number,
    @Nullable String hostedInvoiceUrl,
    String currency,
    long total,
    long amountDue,
    long amountPaid,
    @Nullable String sourceRef,
    @Nullable String sourceVersion,
    @Nullable String operationKey,
    java.time.@Nullable Instant created,
    String originalId) {

  /**
   * Whether the invoice is still a draft.
   *
   * @return true for {@code draft}
   */
  public boolean isDraft() {
    return "draft".equals(status);
  }

  /**
   * Whether the invoice is finalized and still collectable or voidable.
   *
   * @return true for {@code open} or {@code uncollectible}
   */
  public boolean isOpen() {
    return "open".equals(status) || "uncollectible".equals(status);
  }

  /**
   * Whether the invoice is paid.
   *
   * @return true for {@code paid}
   */
  public boolean isPaid() {
    return "paid".equals(status);
  }

  /**
   * Whether the invoice was voided.
   *
   * @return true for {@code void}
   */
  public boolean isVoid() {
    return "void".equals(status);
  }
}
