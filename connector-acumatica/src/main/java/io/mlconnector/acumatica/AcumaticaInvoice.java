package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.Wire;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An AR document: a {@code SalesInvoice} or an {@code Invoice} (see {@link InvoiceEntity}). Keys
 * {@code Type} + {@code ReferenceNbr}.
 *
 * <p>A field is null when the record does not carry it: a PUT sends only the fields set, and a
 * read returns only the fields the endpoint serves and the query selects.
 *
 * @param entity which entity it is
 * @param id the entity id (GUID), or null on a new record
 * @param type {@code Type} ({@code Invoice}, {@code Credit Memo}, ...)
 * @param referenceNbr {@code ReferenceNbr}, or null to auto-number
 * @param customerId {@code CustomerID} or {@code Customer}
 * @param date {@code Date}
 * @param dueDate {@code DueDate}, or null
 * @param currency {@code Currency} (SalesInvoice only; null on Invoice)
 * @param description {@code Description}, or null
 * @param amount {@code Amount}, the document total
 * @param balance {@code Balance}, what is still owed
 * @param status {@code Status}
 * @param hold {@code Hold}
 * @param lastModified {@code LastModifiedDateTime}, or null
 * @param lines {@code Details}; empty unless expanded
 */
public record AcumaticaInvoice(
    InvoiceEntity entity,
    @Nullable String id,
    @Nullable String type,
    @Nullable String referenceNbr,
    @Nullable String customerId,
    @Nullable LocalDate date,
    @Nullable LocalDate dueDate,
    @Nullable String currency,
    @Nullable String description,
    @Nullable BigDecimal amount,
    @Nullable BigDecimal balance,
    @Nullable String status,
    @Nullable Boolean hold,
    @Nullable OffsetDateTime lastModified,
    List<AcumaticaInvoiceLine> lines) {

  /**
   * Copies the lines.
   *
   * @param entity which entity it is
   * @param id the entity id (GUID), or null on a new record
   * @param type {@code Type} ({@code Invoice}, {@code Credit Memo}, ...)
   * @param referenceNbr {@code ReferenceNbr}, or null to auto-number
   * @param customerId {@code CustomerID} or {@code Customer}
   * @param date {@code Date}
   * @param dueDate {@code DueDate}, or null
   * @param currency {@code Currency} (SalesInvoice only; null on Invoice)
   * @param description {@code Description}, or null
   * @param amount {@code Amount}, the document total
   * @param balance {@code Balance}, what is still owed
   * @param status {@code Status}
   * @param hold {@code Hold}
   * @param lastModified {@code LastModifiedDateTime}, or null
   * @param lines {@code Details}; empty unless expanded
   */
  public AcumaticaInvoice {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /**
   * A new invoice of type {@code Invoice}, not on hold.
   *
   * @param entity which entity to create it in
   * @param customerId the customer
   * @param date the document date
   * @param description the description, or null
   * @param lines the lines
   * @return the invoice; Acumatica numbers it
   */
  public static AcumaticaInvoice newInvoice(
      InvoiceEntity entity, String customerId, LocalDate date, @Nullable String description,
      List<AcumaticaInvoiceLine> lines) {
    return new AcumaticaInvoice(
        entity, null, "Invoice", null, customerId, date, null, null, description, null, null, null,
        false, null, lines);
  }

  /**
   * The URL keys: {@code Type}, {@code ReferenceNbr}.
   *
   * @return the key values in URL order; null where the record does not carry one
   */
  public List<@Nullable String> keys() {
    return java.util.Arrays.asList(type, referenceNbr);
  }

  Map<String, Object> toWire() {
    Map<String, Object> m = Wire.object();
    if (id != null) {
      m.put("id", id);
    }
    Wire.put(m, "Type", type);
    Wire.put(m, "ReferenceNbr", referenceNbr);
    Wire.put(m, entity.customerField(), customerId);
    Wire.putDate(m, "Date", date);
    Wire.putDate(m, "DueDate", dueDate);
    if (entity == InvoiceEntity.SALES_INVOICE) {
      Wire.put(m, "Currency", currency);
    }
    Wire.put(m, "Description", description);
    Wire.put(m, "Hold", hold);
    if (!lines.isEmpty()) {
      List<Object> details = new ArrayList<>();
      for (AcumaticaInvoiceLine line : lines) {
        details.add(line.toWire(entity));
      }
      m.put("Details", details);
    }
    return m;
  }

  static AcumaticaInvoice fromWire(Map<String, Object> m, ZoneId zone, InvoiceEntity entity) {
    List<AcumaticaInvoiceLine> lines = new ArrayList<>();
    for (Map<String, Object> d : Wire.details(m, "Details")) {
      lines.add(AcumaticaInvoiceLine.fromWire(d, entity));
    }
    return new AcumaticaInvoice(
        entity,
        Wire.system(m, "id"),
        Wire.text(m, "Type"),
        Wire.text(m, "ReferenceNbr"),
        Wire.text(m, entity.customerField()),
        Wire.date(m, "Date"),
        Wire.date(m, "DueDate"),
        Wire.text(m, "Currency"),
        Wire.text(m, "Description"),
        Wire.decimal(m, "Amount"),
        Wire.decimal(m, "Balance"),
        Wire.text(m, "Status"),
        Wire.bool(m, "Hold"),
        Wire.dateTime(m, "LastModifiedDateTime", zone),
        lines);
  }
}
