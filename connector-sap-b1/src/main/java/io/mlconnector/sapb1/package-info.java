/**
 * SAP Business One Service Layer: {@link io.mlconnector.sapb1.SapB1Client} (usable alone) and the
 * receivables ledger role {@link io.mlconnector.sapb1.SapB1Ledger}.
 */
@NullMarked
package io.mlconnector.sapb1;

import org.jspecify.annotations.NullMarked;
