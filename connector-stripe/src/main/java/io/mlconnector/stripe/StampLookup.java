package io.mlconnector.stripe;

/**
 * How the connector finds a Stripe object (customer, invoice) stamped with an ERP reference in its
 * metadata ({@link StripeMetadata#SOURCE_REF}): the engine's recovery lookup after a lost answer.
 *
 * <p>Stripe's Search API is eventually consistent: an object created a moment ago is normally
 * searchable within a minute but can lag up to about an hour during incidents. The recovery lookup
 * runs exactly in that window (a write whose answer was lost), so the default reads the list
 * endpoint, which is consistent, and filters on metadata.
 */
public enum StampLookup {
  /** Page through the list endpoint ({@code GET /v1/customers}, {@code GET /v1/invoices}) (newest first, bounded scan) and filter on metadata. Consistent; the default. */
  LIST_SCAN,
  /** Search first; when search finds nothing, fall back to the list scan (covers the indexing delay). */
  SEARCH_THEN_LIST_SCAN,
  /** Search only. Cheapest on large accounts but misses customers written within the indexing delay. */
  SEARCH
}
