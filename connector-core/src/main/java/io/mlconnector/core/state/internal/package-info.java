/**
 * Internals of the state stores: SQL dialects, schema migrations, JDBC plumbing. Not API: may
 * change in any release.
 */
package io.mlconnector.core.state.internal;
