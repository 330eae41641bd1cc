/** Implementation details of {@code io.mlconnector.core.odata}; not API, may change without notice. */
@NullMarked
package io.mlconnector.core.odata.internal;

import org.jspecify.annotations.NullMarked;
