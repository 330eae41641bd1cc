/**
 * A Chargebee (API v2) connector: {@link io.mlconnector.chargebee.ChargebeeClient} (usable alone)
 * and the collector role, {@link io.mlconnector.chargebee.ChargebeeCollector}.
 */
@NullMarked
package io.mlconnector.chargebee;

import org.jspecify.annotations.NullMarked;
