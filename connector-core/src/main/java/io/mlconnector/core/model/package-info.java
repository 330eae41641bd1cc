/**
 * The canonical accounting model: immutable records every connector maps its own records to and
 * from, so that any ERP pairs with any payment, billing or AP system (N + M mappers, not N x M).
 *
 * <p>Records: {@link io.mlconnector.core.model.Customer}, {@link io.mlconnector.core.model.Vendor},
 * {@link io.mlconnector.core.model.Invoice} (with {@link io.mlconnector.core.model.InvoiceLine}s
 * and {@link io.mlconnector.core.model.TaxLine}s), {@link io.mlconnector.core.model.Payment} (with
 * {@link io.mlconnector.core.model.PaymentApplication}s), {@link io.mlconnector.core.model.Refund},
 * {@link io.mlconnector.core.model.Dispute}, {@link io.mlconnector.core.model.Fee}, {@link
 * io.mlconnector.core.model.Payout}, {@link io.mlconnector.core.model.JournalEntry} (with {@link
 * io.mlconnector.core.model.JournalLine}s), {@link io.mlconnector.core.model.GlAccount} and {@link
 * io.mlconnector.core.model.CostCenter}. Each implements {@link
 * io.mlconnector.core.model.CanonicalRecord}: it carries its {@link
 * io.mlconnector.core.model.ExternalRef} and a version, and refers to other records by their refs
 * (an invoice names its customer's ref, a payment application its invoice's ref).
 *
 * <p>Rules shared by every record:
 *
 * <ul>
 *   <li>Records are validated when built; a bad field is refused with a message that names it
 *       ({@code Invoice INV-1 dueDate 2026-01-01 is before its issueDate 2026-02-01}). Null for a
 *       required field is a {@link java.lang.NullPointerException}, any other bad value an {@link
 *       java.lang.IllegalArgumentException}. Optional text is null, never blank.
 *   <li>Totals are derived or checked, never trusted: an invoice whose stated total disagrees with
 *       its lines and a journal whose debits and credits differ are refused.
 *   <li>Lists and maps are copied and unmodifiable.
 *   <li>What only one system knows goes into the record's {@link
 *       io.mlconnector.core.model.Extensions} under a typed key the connector declares, never into
 *       a field of the canonical model.
 *   <li>Money is a {@link io.mlconnector.core.model.Money}: a {@link java.math.BigDecimal} and a
 *       {@link java.util.Currency}. Arithmetic never mixes currencies and never rounds; conversion
 *       to and from minor units follows a {@link io.mlconnector.core.model.MinorUnits} policy and
 *       throws a {@link io.mlconnector.core.model.MinorUnitsException} rather than lose precision.
 * </ul>
 */
@NullMarked
package io.mlconnector.core.model;

import org.jspecify.annotations.NullMarked;
