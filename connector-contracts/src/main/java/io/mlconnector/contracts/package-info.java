/**
 * The connector author's kit: abstract JUnit 5 tests that a {@link io.mlconnector.core.state.StateStore}
 * ({@link io.mlconnector.contracts.StateStoreContract}), a {@link io.mlconnector.core.sync.Sink}
 * ({@link io.mlconnector.contracts.SinkContract}), a receivables ledger ({@link
 * io.mlconnector.contracts.ReceivablesLedgerContract}) and a collector ({@link
 * io.mlconnector.contracts.CollectorContract}) pass against their system's simulator, plus a
 * {@link io.mlconnector.contracts.TestMappingContext} for tests. The clock the contracts move is the
 * testkit's {@link io.mlconnector.testkit.SimClock}.
 *
 * <p>A new pair is: implement the roles, pass these contracts, add one line of wiring.
 */
@NullMarked
package io.mlconnector.contracts;

import org.jspecify.annotations.NullMarked;
