package io.mlconnector.syspro;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one SYSPRO table is reached over OData: its SQL name, the entity set that exposes it (SYSPRO
 * installations differ and the names are unconfirmed), its key columns and its incremental strategy
 * with the column that drives it.
 *
 * @param sqlName the SQL table name ({@code ArCustomer}), as COMFND uses it
 * @param entitySet the OData entity set name
 * @param keyColumns the key columns, in order (the stable tie-breaker)
 * @param strategy how changes are found
 * @param watermarkColumn the timestamp or rowversion column; null for {@link
 *     IncrementalStrategy#FULL_SCAN}
 */
public record ODataTable(
    String sqlName,
    String entitySet,
    List<String> keyColumns,
    IncrementalStrategy strategy,
    @Nullable String watermarkColumn) {

  /**
   * Validates the fields.
   *
   * @param sqlName the SQL table name ({@code ArCustomer}), as COMFND uses it
   * @param entitySet the OData entity set name
   * @param keyColumns the key columns, in order (the stable tie-breaker)
   * @param strategy how changes are found
   * @param watermarkColumn the timestamp or rowversion column; ignored (null) for {@link
   *     IncrementalStrategy#FULL_SCAN}, required otherwise
   * @throws IllegalArgumentException when a name is blank, there are no key columns or a required
   *     watermark column is missing
   */
  public ODataTable {
    requireName(sqlName, "sqlName");
    requireName(entitySet, "entitySet");
    keyColumns = List.copyOf(Objects.requireNonNull(keyColumns, "keyColumns"));
    if (keyColumns.isEmpty()) {
      throw new IllegalArgumentException("keyColumns of " + sqlName + " must not be empty");
    }
    keyColumns.forEach(k -> requireName(k, "keyColumns of " + sqlName));
    Objects.requireNonNull(strategy, "strategy");
    if (strategy == IncrementalStrategy.FULL_SCAN) {
      watermarkColumn = null;
    } else {
      requireName(
          watermarkColumn, "watermarkColumn of " + sqlName + " (needed by " + strategy + ")");
    }
  }

  /**
   * {@code ArCustomer} keyed by {@code Customer}, incremental on its {@code TimeStamp} rowversion.
   *
   * @return the table, under entity set {@code ArCustomer}
   */
  public static ODataTable arCustomer() {
    return new ODataTable(
        "ArCustomer",
        "ArCustomer",
        List.of("Customer"),
        IncrementalStrategy.ROW_VERSION,
        "TimeStamp");
  }

  /**
   * {@code ArInvoice} keyed by (Customer, Invoice, DocumentType), on its {@code TimeStamp}.
   *
   * @return the table, under entity set {@code ArInvoice}
   */
  public static ODataTable arInvoice() {
    return new ODataTable(
        "ArInvoice",
        "ArInvoice",
        List.of("Customer", "Invoice", "DocumentType"),
        IncrementalStrategy.ROW_VERSION,
        "TimeStamp");
  }

  /**
   * AR invoice lines, read per invoice (never incrementally). SYSPRO keeps them in the sales
   * history tables; the name {@code ArTrnDetail} and its columns ({@code DetailLine}, {@code
   * StockCode}, {@code StockDes}, {@code QtyInvoiced}, {@code NetSalesValue}, {@code TaxValue}) are
   * a convention to configure per site.
   *
   * @return the table, read by full scan
   */
  public static ODataTable arInvoiceLines() {
    return new ODataTable(
        "ArTrnDetail",
        "ArTrnDetail",
        List.of("Customer", "Invoice", "DetailLine"),
        IncrementalStrategy.FULL_SCAN,
        null);
  }

  /**
   * {@code ApSupplier} keyed by {@code Supplier}, on its {@code TimeStamp}.
   *
   * @return the table, under entity set {@code ApSupplier}
   */
  public static ODataTable apSupplier() {
    return new ODataTable(
        "ApSupplier",
        "ApSupplier",
        List.of("Supplier"),
        IncrementalStrategy.ROW_VERSION,
        "TimeStamp");
  }

  /**
   * {@code GenMaster} (GL accounts) keyed by {@code GlCode}, on its {@code TimeStamp}.
   *
   * @return the table, under entity set {@code GenMaster}
   */
  public static ODataTable genMaster() {
    return new ODataTable(
        "GenMaster", "GenMaster", List.of("GlCode"), IncrementalStrategy.ROW_VERSION, "TimeStamp");
  }

  /**
   * This table under another entity set name.
   *
   * @param entitySet the entity set that exposes the table on this site
   * @return a new table; this one is unchanged
   */
  public ODataTable withEntitySet(String entitySet) {
    return new ODataTable(sqlName, entitySet, keyColumns, strategy, watermarkColumn);
  }

  /**
   * This table with another strategy and watermark column (null for a full scan).
   *
   * @param strategy how changes are found
   * @param watermarkColumn the column that drives it; null for {@link IncrementalStrategy#FULL_SCAN}
   * @return a new table; this one is unchanged
   */
  public ODataTable withStrategy(IncrementalStrategy strategy, @Nullable String watermarkColumn) {
    return new ODataTable(sqlName, entitySet, keyColumns, strategy, watermarkColumn);
  }

  private static void requireName(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
