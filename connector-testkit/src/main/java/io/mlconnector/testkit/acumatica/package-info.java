/**
 * A wire-level Acumatica ERP simulator: {@link io.mlconnector.testkit.acumatica.AcumaticaSimulator}
 * serves the contract-based REST API ({@code Default} 22.200.001 to 24.200.001), OAuth and cookie
 * sign-in, licence limits, long-running actions and push notifications.
 */
@NullMarked
package io.mlconnector.testkit.acumatica;

import org.jspecify.annotations.NullMarked;
