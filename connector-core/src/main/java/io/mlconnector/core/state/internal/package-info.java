/**
 * Internals of the state stores: SQL dialects, schema migrations, JDBC plumbing. Not API: may
 * change in any release.
 */
@NullMarked
package io.mlconnector.core.state.internal;

import org.jspecify.annotations.NullMarked;
