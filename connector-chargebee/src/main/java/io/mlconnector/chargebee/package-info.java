/**
 * A Chargebee (API v2) connector: {@link io.mlconnector.chargebee.ChargebeeClient} (usable alone)
 * and the collector role, {@link io.mlconnector.chargebee.ChargebeeCollector}.
 */
package io.mlconnector.chargebee;
