/**
 * A stateful, in-process Chargebee simulator: {@link
 * io.mlconnector.testkit.chargebee.ChargebeeSimulator} serves API v2 on a loopback port with its
 * real rules (form list encoding, wrapped answers, paging, idempotency window, rate and concurrency
 * limits, error JSON, webhooks with Basic auth and the retry schedule).
 */
@NullMarked
package io.mlconnector.testkit.chargebee;

import org.jspecify.annotations.NullMarked;
