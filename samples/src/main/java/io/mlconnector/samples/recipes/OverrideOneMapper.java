package io.mlconnector.samples.recipes;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.model.Customer;
import io.mlconnector.integrations.ReceivablesIntegration;
import io.mlconnector.stripe.StripeMappers;
import io.mlconnector.stripe.StripeCustomerRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * Recipe: change how one record type is mapped, for one tenant, and keep every other default.
 * Here tenant {@code acme} sends its SYSPRO branch to Stripe as customer metadata and prefixes the
 * customer name with the customer code.
 */
public final class OverrideOneMapper {
  private OverrideOneMapper() {}

  /** The overriding mapper: the default first, then the tenant's changes. */
  public static Mapper<Customer, StripeCustomerRequest> acmeCustomers() {
    Mapper<Customer, StripeCustomerRequest> defaults = StripeMappers.customer();
    return (customer, context) -> {
      StripeCustomerRequest r = defaults.map(customer, context);
      Map<String, String> metadata = new HashMap<>(r.metadata());
      customer.extensions().get(io.mlconnector.syspro.SysproExtensions.BRANCH)
          .filter(b -> !b.isBlank())
          .ifPresent(b -> metadata.put("syspro_branch", b));
      return new StripeCustomerRequest(r.sourceRef(), r.sourceVersion(), customer.ref().id() + " " + r.name(),
          r.email(), r.phone(), r.address(), r.preferredLocale(), metadata);
    };
  }

  /** Registers the override on the integration's builder. */
  public static <B extends ReceivablesIntegration.Builder<?, ?>> B apply(B builder) {
    builder.mappers(registry ->
        registry.override("acme", Customer.class, StripeCustomerRequest.class, acmeCustomers()));
    return builder;
  }
}
