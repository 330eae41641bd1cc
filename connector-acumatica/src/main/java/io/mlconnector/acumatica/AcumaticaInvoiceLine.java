package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.Wire;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A detail line of a {@code SalesInvoice} ({@code SalesInvoiceDetail}) or an AR {@code Invoice}
 * ({@code InvoiceDetail}).
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
    String id,
    Integer lineNbr,
    String inventoryId,
    String description,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal amount,
    String account) {

  /** A new line. */
  public static AcumaticaInvoiceLine of(
      String inventoryId, String description, BigDecimal quantity, BigDecimal unitPrice) {
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
