/**
 * The roles a connector's system can play, so that pairs are N + M and not N x M.
 *
 * <ul>
 *   <li>{@link io.mlconnector.core.role.ReceivablesLedger}: the ERP's AR side (customers and AR
 *       invoices out; payments, refunds, disputes in; fee, refund and payout journals in where the
 *       ERP takes them).
 *   <li>{@link io.mlconnector.core.role.Collector}: the system that collects on those invoices
 *       (customer and invoice sinks with default mappers from the canonical model; verified webhook
 *       sources with an events backstop for payments, refunds, disputes, fees, payouts).
 *   <li>{@link io.mlconnector.core.role.PayablesSource}: an AP system (approved AP invoices, AP
 *       payments, vendor changes; vendors, GL accounts and cost centres imported back).
 *   <li>{@link io.mlconnector.core.role.PayablesLedger}: the ERP's AP side (vendors both ways, AP
 *       invoices or GL journals, GL accounts and cost centres as reference data).
 * </ul>
 *
 * <p>Each role has a per-tenant interface (built from one tenant's clients) and a {@code Provider}
 * that says what the integration must know before any tenant's client exists (the system name, the
 * record types and kinds of input) and creates the per-tenant instances. Only core types appear in
 * the signatures: a connector implements the roles its system can play, passes the role contracts
 * in connector-testkit, and a published integration pairs any two of them in one line.
 */
@NullMarked
package io.mlconnector.core.role;

import org.jspecify.annotations.NullMarked;
