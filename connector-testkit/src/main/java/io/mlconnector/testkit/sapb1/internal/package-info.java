/** The SAP Business One Service Layer simulator's internals; not public API. */
package io.mlconnector.testkit.sapb1.internal;
