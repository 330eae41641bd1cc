package io.mlconnector.acumatica.internal;

import io.mlconnector.acumatica.InvoiceEntity;
import java.util.Set;

/**
 * The receivables ledger's settings (see {@code AcumaticaLedger.Builder}).
 *
 * @param tenant this SDK's tenant
 * @param invoiceEntity which AR document entity is read
 * @param paymentMethod {@code PaymentMethod} of the payments written
 * @param cashAccount {@code CashAccount} of the payments written (the collector's clearing account)
 * @param clearingAccount the GL account refunds and disputes are credited to
 * @param refundAccount the GL account refunds are debited to
 * @param disputeAccount the GL account disputed funds are debited to
 * @param branch {@code BranchID} of journals, or null for the user's branch
 * @param defaultCurrency the currency of AR invoices whose entity has none ({@code Invoice})
 * @param openStatuses statuses of released invoices with a balance
 * @param closedStatuses statuses of paid invoices
 * @param cancelledStatuses statuses of voided or cancelled invoices
 * @param collector the collector's name used in descriptions, e.g. {@code Stripe}
 */
public record LedgerSettings(
    String tenant,
    InvoiceEntity invoiceEntity,
    String paymentMethod,
    String cashAccount,
    String clearingAccount,
    String refundAccount,
    String disputeAccount,
    String branch,
    String defaultCurrency,
    Set<String> openStatuses,
    Set<String> closedStatuses,
    Set<String> cancelledStatuses,
    String collector) {}
