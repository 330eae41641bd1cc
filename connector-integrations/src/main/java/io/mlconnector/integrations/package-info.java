/**
 * The published integrations. {@link io.mlconnector.integrations.ReceivablesIntegration} pairs any
 * {@link io.mlconnector.core.role.ReceivablesLedger} with any {@link
 * io.mlconnector.core.role.Collector}; {@code PayablesIntegration}
 * pairs any {@link io.mlconnector.core.role.PayablesSource} with any {@link
 * io.mlconnector.core.role.PayablesLedger}. Each runs one {@link
 * io.mlconnector.core.sync.SyncEngine} with its flows; a pair is one line of wiring.
 */
@NullMarked
package io.mlconnector.integrations;

import org.jspecify.annotations.NullMarked;
