/**
 * The engine's durable state: the {@link io.mlconnector.core.state.StateStore} SPI, its value
 * records, and its implementations: {@link io.mlconnector.core.state.InMemoryStateStore} for tests
 * and {@link io.mlconnector.core.state.JdbcStateStore} on embedded H2 (the default) or PostgreSQL.
 */
package io.mlconnector.core.state;
