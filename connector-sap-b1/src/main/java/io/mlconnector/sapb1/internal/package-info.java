/** Internals of the SAP Business One connector; not public API. */
@NullMarked
package io.mlconnector.sapb1.internal;

import org.jspecify.annotations.NullMarked;
