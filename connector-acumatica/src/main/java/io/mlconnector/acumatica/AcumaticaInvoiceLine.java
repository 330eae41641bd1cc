package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.Wire;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A detail line of a {@code SalesInvoice} ({@code SalesInvoiceDetail}) or an AR {@code Invoice}
 * ({@code InvoiceDetail}).
 *
 * <p>A field is null when the record does not carry it: a PUT sends only the fields set, and a
 * read returns only the fields the endpoint serves and the query selects.
 *
 * @param id the line's entity id, or null on a new line
 * @param lineNbr {@code LineNbr}, or null
 * @param inventoryId {@code InventoryID}, or null
 * @param description {@code TransactionDescr} (SalesInvoice) or {@code TransactionDescription}
 *     (Invoice), or null
 * @param quantity {@code Qty}, or null
 * @param unitPrice {@code UnitPrice}, or null
 * @param amount {@code Amount} (the extended line amount), or null
 * @param account {@code Account}, or null
 */
public record AcumaticaInvoiceLine(
    @Nullable String id,
    @Nullable Integer lineNbr,
    @Nullable String inventoryId,
    @Nullable String description,
    @Nullable BigDecimal quantity,
    @Nullable BigDecimal unitPrice,
    @Nullable BigDecimal amount,
    @Nullable String account) {

  /**
   * A new line.
   *
   * @param inventoryId the {@code InventoryID}, or null
   * @param description the line description, or null
   * @param quantity the quantity, or null
   * @param unitPrice the unit price, or null
   * @return the line, with the amount left to Acumatica
   */
  public static AcumaticaInvoiceLine of(
      @Nullable String inventoryId,
      @Nullable String description,
      @Nullable BigDecimal quantity,
      @Nullable BigDecimal unitPrice) {
    return new AcumaticaInvoiceLine(null, null, inventoryId, description, quantity, unitPrice, null, null);
  }

  Map<String, Object> toWire(InvoiceEntity entity) {
    Map<String, Object> m = Wire.object();
    if (id != null) {
      m.put("id", id);
    }
    Wire.put(m, "LineNbr", lineNbr);
    Wire.put(m, "InventoryID", inventoryId);
    Wire.put(m, entity.lineDescriptionField(), description);
    Wire.put(m, "Qty", quantity);
    Wire.put(m, "UnitPrice", unitPrice);
    Wire.put(m, "Amount", amount);
    Wire.put(m, "Account", account);
    return m;
  }

  static AcumaticaInvoiceLine fromWire(Map<String, Object> m, InvoiceEntity entity) {
    return new AcumaticaInvoiceLine(
        Wire.system(m, "id"),
        Wire.integer(m, "LineNbr"),
        Wire.text(m, "InventoryID"),
        Wire.text(m, entity.lineDescriptionField()),
        Wire.decimal(m, "Qty"),
        Wire.decimal(m, "UnitPrice"),
        Wire.decimal(m, "Amount"),
        Wire.text(m, "Account"));
  }
}
