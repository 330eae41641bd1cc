package io.mlconnector.testkit.syspro;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment or adjustment that ARSTPY posted against one AR invoice (a row of {@code
 * ArInvoicePay}), for read-back.
 *
 * @param customer the customer code
 * @param invoice the invoice number
 * @param type {@code P} payment, {@code A} adjustment
 * @param reference the reference given in the document (a payment's {@code Reference}, an
 *     adjustment's {@code Reference})
 * @param value the signed effect on the invoice balance (a payment of 100.00 is -100.00)
 * @param discount the discount allowed (payments)
 * @param trnYear the posting year
 * @param trnMonth the posting month
 * @param journal the AR payment journal number
 * @param date the payment date
 */
public record ArPayment(
    String customer,
    String invoice,
    String type,
    String reference,
    BigDecimal value,
    BigDecimal discount,
    int trnYear,
    int trnMonth,
    int journal,
    LocalDate date) {}
