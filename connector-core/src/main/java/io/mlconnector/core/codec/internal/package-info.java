/** Implementation details of {@code io.mlconnector.core.codec}; not API, may change without notice. */
package io.mlconnector.core.codec.internal;
