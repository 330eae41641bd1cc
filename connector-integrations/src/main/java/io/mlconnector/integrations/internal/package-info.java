/** Internals of the published integrations: the default mappers between roles. Not API. */
@NullMarked
package io.mlconnector.integrations.internal;

import org.jspecify.annotations.NullMarked;
