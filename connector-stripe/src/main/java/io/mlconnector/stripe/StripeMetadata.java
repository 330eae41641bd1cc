package io.mlconnector.stripe;

/**
 * The metadata keys the connector writes on Stripe objects. They are how a target object is found
 * again from its source (the engine's find-by-stamp recovery) and must not be edited by hand.
 *
 * <p>All keys start with {@code mlc_} and respect Stripe's limits (key at most 40 characters without
 * brackets, value at most 500 characters).
 */
public final class StripeMetadata {
  /** The source record's key ({@code ExternalRef.key()}, e.g. {@code syspro:customer:C100}) on customers, invoices and invoice items. */
  public static final String SOURCE_REF = "mlc_source_ref";
  /** The source record's version at the time of the write, on customers and invoices. */
  public static final String SOURCE_VERSION = "mlc_source_version";
  /**
   * The idempotency key (the engine's operation key) of the write that last changed the object,
   * on customers and invoices: it tells the engine's recovery whether a found object came from the
   * very operation it is resolving.
   */
  public static final String OPERATION = "mlc_operation";
  /** The tenant the object was written for. */
  public static final String TENANT = "mlc_tenant";
  /** On invoice items: the index of the ERP line the item came from (0-based), or {@code tax:<n>} for a tax line. */
  public static final String LINE = "mlc_line";
  /** On a re-issued invoice: the id of the voided invoice it replaces. */
  public static final String REPLACES = "mlc_replaces";
  /**
   * On a re-issued invoice: the id of the first invoice of the chain, the one the engine's mapping
   * keeps (a mapping never moves to another target); payments on any invoice of the chain are
   * applied to it.
   */
  public static final String ORIGINAL = "mlc_original";

  /** Longest value Stripe stores in one metadata entry. */
  public static final int MAX_VALUE_LENGTH = 500;

  private StripeMetadata() {}
}
