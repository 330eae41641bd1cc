/**
 * The engine's durable state: the {@link io.mlconnector.core.state.StateStore} SPI and its
 * in-memory and JDBC (H2, PostgreSQL) implementations.
 */
package io.mlconnector.core.state;
