/**
 * The sync engine: {@link io.mlconnector.core.sync.SyncEngine} runs {@link
 * io.mlconnector.core.sync.Flow}s (poll, webhook, file) that read from a source SPI, map through
 * the Mapping SPI and write to a {@link io.mlconnector.core.sync.Sink} with an exactly-once effect,
 * recording every step in the {@link io.mlconnector.core.state.StateStore}.
 */
@NullMarked
package io.mlconnector.core.sync;

import org.jspecify.annotations.NullMarked;
