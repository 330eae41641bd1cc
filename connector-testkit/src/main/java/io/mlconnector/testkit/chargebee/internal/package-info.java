/** Internals of the Chargebee simulator: routing, form parsing, records, lists, limits, webhooks. */
@NullMarked
package io.mlconnector.testkit.chargebee.internal;

import org.jspecify.annotations.NullMarked;
