/**
 * Acumatica connector on the contract-based REST API ({@code /entity/Default/{version}}): {@link
 * io.mlconnector.acumatica.AcumaticaClient} signs in with OAuth 2.0 or a cookie login, keeps within
 * the licence's limits and reads and writes value-wrapped entities; {@link
 * io.mlconnector.acumatica.AcumaticaLedger} is the receivables ledger role (customers and released
 * invoices out; payments applied and released, fee, refund and payout GL journals in); {@link
 * io.mlconnector.acumatica.AcumaticaPushReceiver} takes push notifications.
 *
 * <p>Configuration is one immutable {@link io.mlconnector.acumatica.AcumaticaConfig} per tenant
 * credential ({@link io.mlconnector.acumatica.AcumaticaCredentials} are never printed).
 * Implementation classes are in {@code io.mlconnector.acumatica.internal}.
 */
@NullMarked
package io.mlconnector.acumatica;

import org.jspecify.annotations.NullMarked;
