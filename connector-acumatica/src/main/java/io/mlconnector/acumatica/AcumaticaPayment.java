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
 * An AR {@code Payment} (screen AR302000) with its {@code DocumentsToApply}. Keys {@code Type} +
 * {@code ReferenceNbr} (auto-numbered on create).
 *
 * <p>A field is null when the record does not carry it: a PUT sends only the fields set, and a
 * read returns only the fields the endpoint serves and the query selects.
 *
 * @param id the entity id, or null on a new record
 * @param type {@code Type} ({@code Payment}, {@code Prepayment}, {@code Refund}, ...)
 * @param referenceNbr {@code ReferenceNbr}, or null to auto-number
 * @param customerId {@code CustomerID}
 * @param paymentMethod {@code PaymentMethod}
 * @param cashAccount {@code CashAccount}, or null for the method's default
 * @param paymentRef {@code PaymentRef} (the external payment's reference, shown to users)
 * @param paymentAmount {@code PaymentAmount}
 * @param applicationDate {@code ApplicationDate}
 * @param currencyId {@code CurrencyID}, or null
 * @param description {@code Description}, or null
 * @param externalRef {@code ExternalRef}: this SDK's stamp (see the README), or null
 * @param hold {@code Hold}
 * @param status {@code Status}
 * @param appliedToDocuments {@code AppliedToDocuments}, read only
 * @param availableBalance {@code AvailableBalance}, read only
 * @param lastModified {@code LastModifiedDateTime}
 * @param documentsToApply {@code DocumentsToApply}; empty unless expanded
 * @param note the record's note ({@code note}), or null
 */
public record AcumaticaPayment(
    @Nullable String id,
    @Nullable String type,
    @Nullable String referenceNbr,
    @Nullable String customerId,
    @Nullable String paymentMethod,
    @Nullable String cashAccount,
    @Nullable String paymentRef,
    @Nullable BigDecimal paymentAmount,
    @Nullable LocalDate applicationDate,
    @Nullable String currencyId,
    @Nullable String description,
    @Nullable String externalRef,
    @Nullable Boolean hold,
    @Nullable String status,
    @Nullable BigDecimal appliedToDocuments,
    @Nullable BigDecimal availableBalance,
    @Nullable OffsetDateTime lastModified,
    List<DocumentToApply> documentsToApply,
    @Nullable String note) {

  /**
   * Copies the applications.
   *
   * @param id the entity id, or null on a new record
   * @param type {@code Type} ({@code Payment}, {@code Prepayment}, {@code Refund}, ...)
   * @param referenceNbr {@code ReferenceNbr}, or null to auto-number
   * @param customerId {@code CustomerID}
   * @param paymentMethod {@code PaymentMethod}
   * @param cashAccount {@code CashAccount}, or null for the method's default
   * @param paymentRef {@code PaymentRef} (the external payment's reference, shown to users)
   * @param paymentAmount {@code PaymentAmount}
   * @param applicationDate {@code ApplicationDate}
   * @param currencyId {@code CurrencyID}, or null
   * @param description {@code Description}, or null
   * @param externalRef {@code ExternalRef}: this SDK's stamp (see the README), or null
   * @param hold {@code Hold}
   * @param status {@code Status}
   * @param appliedToDocuments {@code AppliedToDocuments}, read only
   * @param availableBalance {@code AvailableBalance}, read only
   * @param lastModified {@code LastModifiedDateTime}
   * @param documentsToApply {@code DocumentsToApply}; empty unless expanded
   * @param note the record's note ({@code note}), or null
   */
  public AcumaticaPayment {
    documentsToApply = documentsToApply == null ? List.of() : List.copyOf(documentsToApply);
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
    Wire.put(m, "note", note);
    Wire.put(m, "Type", type);
    Wire.put(m, "ReferenceNbr", referenceNbr);
    Wire.put(m, "CustomerID", customerId);
    Wire.put(m, "PaymentMethod", paymentMethod);
    Wire.put(m, "CashAccount", cashAccount);
    Wire.put(m, "PaymentRef", paymentRef);
    Wire.put(m, "PaymentAmount", paymentAmount);
    Wire.putDate(m, "ApplicationDate", applicationDate);
    Wire.put(m, "CurrencyID", currencyId);
    Wire.put(m, "Description", description);
    Wire.put(m, "ExternalRef", externalRef);
    Wire.put(m, "Hold", hold);
    if (!documentsToApply.isEmpty()) {
      List<Object> docs = new ArrayList<>();
      for (DocumentToApply d : documentsToApply) {
        docs.add(d.toWire());
      }
      m.put("DocumentsToApply", docs);
    }
    return m;
  }

  static AcumaticaPayment fromWire(Map<String, Object> m, ZoneId zone) {
    List<DocumentToApply> docs = new ArrayList<>();
    for (Map<String, Object> d : Wire.details(m, "DocumentsToApply")) {
      docs.add(DocumentToApply.fromWire(d));
    }
    return new AcumaticaPayment(
        Wire.system(m, "id"),
        Wire.text(m, "Type"),
        Wire.text(m, "ReferenceNbr"),
        Wire.text(m, "CustomerID"),
        Wire.text(m, "PaymentMethod"),
        Wire.text(m, "CashAccount"),
        Wire.text(m, "PaymentRef"),
        Wire.decimal(m, "PaymentAmount"),
        Wire.date(m, "ApplicationDate"),
        Wire.text(m, "CurrencyID"),
        Wire.text(m, "Description"),
        Wire.text(m, "ExternalRef"),
        Wire.bool(m, "Hold"),
        Wire.text(m, "Status"),
        Wire.decimal(m, "AppliedToDocuments"),
        Wire.decimal(m, "AvailableBalance"),
        Wire.dateTime(m, "LastModifiedDateTime", zone),
        docs,
        Wire.text(m, "note"));
  }
}
