/** Implementation details of {@code io.mlconnector.core.codec}; not API, may change without notice. */
@NullMarked
package io.mlconnector.core.codec.internal;

import org.jspecify.annotations.NullMarked;
