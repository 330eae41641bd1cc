/**
 * A SYSPRO 8 simulator: e.net Solutions REST and OData v4 over one in-memory company, with
 * sessions, licence seats, SYSPRO-shaped business-object validation and the shared fault injection.
 * Start one with {@link io.mlconnector.testkit.syspro.SysproSimulator#builder()}.
 */
@NullMarked
package io.mlconnector.testkit.syspro;

import org.jspecify.annotations.NullMarked;
