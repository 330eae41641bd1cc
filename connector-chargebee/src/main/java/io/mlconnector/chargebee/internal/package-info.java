/** Internals of the Chargebee connector: JSON reading and the error decoder. Not public API. */
@NullMarked
package io.mlconnector.chargebee.internal;

import org.jspecify.annotations.NullMarked;
