/** Implementation of {@link io.mlconnector.integrations.PayablesIntegration}; not API. */
@NullMarked
package io.mlconnector.integrations.internal.payables;

import org.jspecify.annotations.NullMarked;
