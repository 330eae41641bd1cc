/** Implementation of the SYSPRO connector; not public API and may change without notice. */
@NullMarked
package io.mlconnector.syspro.internal;

import org.jspecify.annotations.NullMarked;
