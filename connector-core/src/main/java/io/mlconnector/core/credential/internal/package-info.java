/** Implementation details of {@code io.mlconnector.core.credential}; not API, may change without notice. */
package io.mlconnector.core.credential.internal;
