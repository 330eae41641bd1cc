/** Implementation of the HTTP transport: interceptors, the token bucket, the session holder. Not API. */
@NullMarked
package io.mlconnector.core.http.internal;

import org.jspecify.annotations.NullMarked;
