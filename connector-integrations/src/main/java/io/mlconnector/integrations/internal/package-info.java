/** Internals of the published integrations: the default mappers between roles. Not API. */
package io.mlconnector.integrations.internal;
