/**
 * Internals of the SYSPRO simulator: e.net REST, OData, business objects, sessions and the
 * company's tables; not public API.
 */
@NullMarked
package io.mlconnector.testkit.syspro.internal;

import org.jspecify.annotations.NullMarked;
