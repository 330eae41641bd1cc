package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.Wire;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A line of a payment's {@code DocumentsToApply} ({@code PaymentDetail}): the AR document the
 * payment pays and how much of it.
 *
 * <p>A field is null when the record does not carry it: a PUT sends only the fields set, and a
 * read returns only the fields the endpoint serves and the query selects.
 *
 * @param docType {@code DocType}: the display value {@code Invoice} or the code {@code INV} (which
 *     one a server accepts is unconfirmed; see {@link AcumaticaConfig.Builder#docTypeStyle})
 * @param referenceNbr {@code ReferenceNbr} of the invoice
 * @param amountPaid {@code AmountPaid}
 */
public record DocumentToApply(@Nullable String docType, @Nullable String referenceNbr, @Nullable BigDecimal amountPaid) {

  Map<String, Object> toWire() {
    Map<String, Object> m = Wire.object();
    Wire.put(m, "DocType", docType);
    Wire.put(m, "ReferenceNbr", referenceNbr);
    Wire.put(m, "AmountPaid", amountPaid);
    return m;
  }

  static DocumentToApply fromWire(Map<String, Object> m) {
    return new DocumentToApply(
        Wire.text(m, "DocType"), Wire.text(m, "ReferenceNbr"), Wire.decimal(m, "AmountPaid"));
  }
}
