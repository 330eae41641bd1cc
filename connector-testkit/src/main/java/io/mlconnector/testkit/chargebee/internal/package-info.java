/** Internals of the Chargebee simulator: routing, form parsing, records, lists, limits, webhooks. */
package io.mlconnector.testkit.chargebee.internal;
