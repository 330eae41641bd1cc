/**
 * What every kind of test shares: the test clock {@link io.mlconnector.testkit.SimClock} (hand the
 * same one to the engine, the store, a connector and a simulator) and {@link
 * io.mlconnector.testkit.TestPostgres} (a PostgreSQL server for a test, or the test skipped, or
 * failed under {@code CI=true}).
 */
@NullMarked
package io.mlconnector.testkit;

import org.jspecify.annotations.NullMarked;
