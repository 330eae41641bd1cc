/** Implementation of the sync engine; not public API, may change in any release. */
@NullMarked
package io.mlconnector.core.sync.internal;

import org.jspecify.annotations.NullMarked;
