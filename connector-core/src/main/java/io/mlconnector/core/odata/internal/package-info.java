/** Implementation details of {@code io.mlconnector.core.odata}; not API, may change without notice. */
package io.mlconnector.core.odata.internal;
