/** Implementation of the HTTP transport: interceptors, the token bucket, the session holder. Not API. */
package io.mlconnector.core.http.internal;
