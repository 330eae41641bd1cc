/** Implementation details of {@code io.mlconnector.core.credential}; not API, may change without notice. */
@NullMarked
package io.mlconnector.core.credential.internal;

import org.jspecify.annotations.NullMarked;
