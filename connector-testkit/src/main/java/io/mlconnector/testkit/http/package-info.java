/**
 * The HTTP plumbing every simulator shares: a loopback {@link io.mlconnector.testkit.http.SimServer}
 * and the {@link io.mlconnector.testkit.http.FaultInjector} (latency, 5xx, dropped connections,
 * responses lost after the remote committed).
 */
@NullMarked
package io.mlconnector.testkit.http;

import org.jspecify.annotations.NullMarked;
