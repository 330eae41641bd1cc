/** Implementation details of {@code io.mlconnector.stripe}; not API, may change without notice. */
@NullMarked
package io.mlconnector.stripe.internal;

import org.jspecify.annotations.NullMarked;
