/** Internals of the SAP Business One connector; not public API. */
package io.mlconnector.sapb1.internal;
