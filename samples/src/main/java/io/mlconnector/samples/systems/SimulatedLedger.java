package io.mlconnector.samples.systems;

import io.mlconnector.core.model.ExternalRef;
import java.util.List;
import java.util.Map;

/**
 * An ERP simulator as the offline demo drives it: the settings that point the sample at it, the
 * demo company it seeds, and what its users do during the demo (cancel an invoice).
 */
public interface SimulatedLedger extends AutoCloseable {

  /** The ERP's display name, for example {@code SYSPRO}. */
  String name();

  /** The sample's settings for this simulator, secrets included, for {@code tenant}. */
  Map<String, String> properties(String tenant);

  /**
   * Seeds {@code customers} customers and {@code invoices} AR invoices of the demo company and
   * returns the invoices' refs as the ledger reads them, with their numbers.
   */
  List<SeededInvoice> seed(String tenant, int customers, int invoices, long seed);

  /**
   * Completes the seeding through the opened system where the simulator's seeding API cannot (the
   * default does nothing).
   */
  default void prepare(LedgerSystem system, int customers) {}

  /**
   * Cancels {@code invoice} in the ERP as its users would; false where the ERP has no
   * cancellation the ledger reads (the default).
   */
  default boolean cancel(SeededInvoice invoice) {
    return false;
  }

  /** One line about what the ERP holds after the demo, for example how many payments were posted. */
  String summary();

  /** Stops the simulator. */
  @Override
  void close();

  /**
   * One seeded invoice.
   *
   * @param ref the invoice's ref as the ledger reads it
   * @param number the invoice number
   */
  record SeededInvoice(ExternalRef ref, String number) {}
}
