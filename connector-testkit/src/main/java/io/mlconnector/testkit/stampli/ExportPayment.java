package io.mlconnector.testkit.stampli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A payment as Stampli's payment export carries it (one row per invoice paid).
 *
 * @param company the Stampli company id (the invoice's company, part of its natural key), or null
 * @param paymentId the payment id
 * @param invoiceNumber the invoice paid
 * @param vendorCode the vendor
 * @param date the payment date
 * @param amount the amount applied to the invoice
 * @param currency the ISO currency
 * @param method ACH, Check, Wire, Card or VirtualCard
 * @param reference the cheque number or trace, or null
 * @param status Paid or Voided
 */
public record ExportPayment(
    @Nullable String company,
    String paymentId,
    String invoiceNumber,
    String vendorCode,
    LocalDate date,
    BigDecimal amount,
    String currency,
    String method,
    @Nullable String reference,
    String status) {

  /**
   * Checks the payment and invoice ids.
   *
   * @param company the Stampli company id, or null
   * @param paymentId the payment id
   * @param invoiceNumber the invoice paid
   * @param vendorCode the vendor
   * @param date the payment date
   * @param amount the amount applied to the invoice
   * @param currency the ISO currency
   * @param method ACH, Check, Wire, Card or VirtualCard
   * @param reference the cheque number or trace, or null
   * @param status Paid or Voided
   */
  public ExportPayment {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
  }
}
