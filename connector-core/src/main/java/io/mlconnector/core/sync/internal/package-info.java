/** Implementation of the sync engine; not public API, may change in any release. */
package io.mlconnector.core.sync.internal;
