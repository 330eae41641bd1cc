package io.mlconnector.acumatica.internal;

import io.mlconnector.acumatica.InvoiceEntity;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The receivables ledger's settings (see {@code AcumaticaLedger.Builder}).
 *
 * @param tenant this SDK's tenant
 * @param invoiceEntity which AR document entity is read
 * @param paymentMethod {@code PaymentMethod} of the payments written, or null until set
 * @param cashAccount {@code CashAccount} of the payments written (the collector's clearing
 *     account), or null until set
 * @param clearingAccount the GL account refunds and disputes are credited to, or null until set
 * @param refundAccount the GL account refunds are debited to, or null (refunds refused)
 * @param disputeAccount the GL account disputed funds are debited to, or null (disputes refused)
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
    @Nullable String paymentMethod,
    @Nullable String cashAccount,
    @Nullable String clearingAccount,
    @Nullable String refundAccount,
    @Nullable String disputeAccount,
    @Nullable String branch,
    String defaultCurrency,
    Set<String> openStatuses,
    Set<String> closedStatuses,
    Set<String> cancelledStatuses,
    String collector) {}
