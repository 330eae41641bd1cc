/**
 * An in-process SAP Business One Service Layer ({@code /b1s/v1} OData V3 and {@code /b1s/v2} OData
 * V4 over one company): {@link io.mlconnector.testkit.sapb1.SapB1Simulator}.
 */
@NullMarked
package io.mlconnector.testkit.sapb1;

import org.jspecify.annotations.NullMarked;
