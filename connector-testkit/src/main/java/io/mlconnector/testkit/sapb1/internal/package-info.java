/** The SAP Business One Service Layer simulator's internals; not public API. */
@NullMarked
package io.mlconnector.testkit.sapb1.internal;

import org.jspecify.annotations.NullMarked;
