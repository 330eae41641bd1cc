/** Internals of the Chargebee connector: JSON reading and the error decoder. Not public API. */
package io.mlconnector.chargebee.internal;
