/** Implementation details of {@code io.mlconnector.acumatica}; not API, may change without notice. */
@NullMarked
package io.mlconnector.acumatica.internal;

import org.jspecify.annotations.NullMarked;
