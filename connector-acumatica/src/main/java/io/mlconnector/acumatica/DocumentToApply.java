package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.Wire;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A line of a payment's {@code DocumentsToApply} ({@code PaymentDetail}): the AR document the
 * payment pays and how much of it.
 *
 * @param docType {@code DocType}: the display value {@code Invoice} or the code {@code INV} (which
 *     one a server accepts is unconfirmed; see {@link AcumaticaConfig.Builder#docTypeStyle})
 * @param referenceNbr {@code ReferenceNbr} of the invoice
 * @param amountPaid {@code AmountPaid}
 */
public record DocumentToApply(String docType, String referenceNbr, BigDecimal amountPaid) {

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
