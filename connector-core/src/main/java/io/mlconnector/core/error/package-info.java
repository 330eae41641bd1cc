/**
 * The SDK's exception tree: one unchecked root, {@link io.mlconnector.core.error.ConnectorException},
 * and one subclass per thing a caller can do about a failure.
 */
@NullMarked
package io.mlconnector.core.error;

import org.jspecify.annotations.NullMarked;
