/**
 * The state store's protocol with the engine: {@link
 * io.mlconnector.core.state.spi.StateStoreSpi} (intents begun, completed and failed, the webhook
 * inbox, the seen-files ledger and its claims, the retry queue, audit appends, leases). Only store
 * implementers and the engine use it; a host works with {@link io.mlconnector.core.state.StateStore}.
 * A new store proves itself against {@code io.mlconnector.contracts.StateStoreContract}.
 */
@NullMarked
package io.mlconnector.core.state.spi;

import org.jspecify.annotations.NullMarked;
