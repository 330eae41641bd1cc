/** Implementation of {@link io.mlconnector.integrations.PayablesIntegration}; not API. */
package io.mlconnector.integrations.internal.payables;
