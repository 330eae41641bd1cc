package io.mlconnector.syspro;

import io.mlconnector.core.sync.ChangeDetection;

/**
 * How a SYSPRO table is read incrementally over OData. Declared per table in {@link ODataTable},
 * because installations differ and the reference could not confirm which columns OData exposes.
 *
 * <p>There is <b>no</b> {@code LastModifiedDate} column on {@code ArCustomer}, {@code ArInvoice},
 * {@code ApSupplier} or {@code ApInvoice}; none is assumed.
 */
public enum IncrementalStrategy {
  /**
   * A modified-timestamp column the tenant names (a custom-form or view column): reads resume at
   * the checkpoint minus the engine's overlap, ordered by (timestamp, key).
   */
  MODIFIED_TIMESTAMP(ChangeDetection.MODIFIED_TIMESTAMP),
  /**
   * The table's {@code TimeStamp} rowversion (SQL Server bumps it on every change, so a payment
   * that lowers {@code InvoiceBal1} re-emits the invoice): reads resume strictly after the last
   * value seen. Needs OData to expose and filter the column ({@code binary'...'} literals).
   */
  ROW_VERSION(ChangeDetection.MONOTONIC_KEY),
  /**
   * No usable marker: every run reads the whole table in key order and the engine writes only rows
   * whose content hash changed.
   */
  FULL_SCAN(ChangeDetection.FULL_SCAN);

  private final ChangeDetection detection;

  IncrementalStrategy(ChangeDetection detection) {
    this.detection = detection;
  }

  /**
   * The engine's change detection for this strategy.
   *
   * @return how the engine dedupes the records this strategy reads
   */
  public ChangeDetection changeDetection() {
    return detection;
  }
}
