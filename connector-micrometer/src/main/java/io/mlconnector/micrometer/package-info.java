/**
 * Optional Micrometer metrics for ml-connector: {@link io.mlconnector.micrometer.ConnectorMetrics}
 * binds the engine's {@link io.mlconnector.core.sync.SyncListener} and the transport's {@link
 * io.mlconnector.core.http.TransportListener} to a {@code MeterRegistry}.
 */
@NullMarked
package io.mlconnector.micrometer;

import org.jspecify.annotations.NullMarked;
