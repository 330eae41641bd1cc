package io.mlconnector.samples;

import io.mlconnector.stripe.StripeConnector;
import io.mlconnector.stripe.StripeWebhookVerifier;
import io.mlconnector.syspro.SysproClient;
import java.util.Objects;

/**
 * One tenant's clients: its SYSPRO client, its Stripe connector and the verifier of its Stripe
 * webhook signing secret. Built by the host from that tenant's credentials.
 *
 * @param syspro the SYSPRO client (e.net REST + OData)
 * @param stripe the Stripe connector
 * @param webhooks verifies Stripe's webhook signatures with the tenant's signing secret
 */
public record Systems(SysproClient syspro, StripeConnector stripe, StripeWebhookVerifier webhooks) {
  /** Checks that every client is set. */
  public Systems {
    Objects.requireNonNull(syspro, "syspro");
    Objects.requireNonNull(stripe, "stripe");
    Objects.requireNonNull(webhooks, "webhooks");
  }

  @Override
  public String toString() {
    return "Systems{" + syspro + ", " + stripe + "}";
  }
}
