/**
 * The engine's durable state: {@link io.mlconnector.core.state.StateStore}, the view a host uses
 * (cursors, mappings, operations, dead letters and replay, the audit, leases, retention), its value
 * records, and its implementations: {@link io.mlconnector.core.state.InMemoryStateStore} for tests
 * and {@link io.mlconnector.core.state.JdbcStateStore} on embedded H2 (the default) or PostgreSQL.
 * The engine's protocol over a store is {@link io.mlconnector.core.state.spi.StateStoreSpi}.
 */
@NullMarked
package io.mlconnector.core.state;

import org.jspecify.annotations.NullMarked;
