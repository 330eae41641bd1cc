package io.mlconnector.samples.spring;

import io.mlconnector.core.mapping.ReferenceTables;
import io.mlconnector.spring.boot.ReceivablesIntegrationCustomizer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * SYSPRO <-> Stripe inside a Spring Boot application: everything is in {@code application.yml}
 * (connector-spring-boot-starter reads {@code mlc.*}); this class only starts the application and
 * shows where code goes when properties are not enough. Run it with the systems' settings in the
 * environment ({@code SYSPRO_REST_URL}, {@code STRIPE_API_KEY} ..., and {@code MLC_KEY_CURRENT} /
 * {@code MLC_KEY_<ID>} for the credential store's key); Stripe delivers to {@code
 * /webhooks/stripe/acme}; {@code /actuator/health/mlc} pings both systems per tenant and {@code
 * /actuator/deadletters/billing/acme} lists and replays parked records.
 */
@SpringBootApplication
public class ReceivablesApplication {

  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(ReceivablesApplication.class, args);
  }

  /**
   * Code where properties are not enough: here, the GL accounts of Stripe's processing fees and
   * payouts for tenant {@code acme}, when {@code GL_FEES} is set (turning the fee and payout journal
   * flows on; the ERP must take journals).
   */
  @Bean
  ReceivablesIntegrationCustomizer journals(org.springframework.core.env.Environment env) {
    return (name, builder) -> {
      String fees = env.getProperty("GL_FEES");
      if (fees != null && !fees.isBlank()) {
        ReferenceTables.Builder tables = ReferenceTables.builder().put("acme", "gl-accounts", "fees", fees);
        for (String key : new String[] {"clearing", "bank"}) {
          String code = env.getProperty("GL_" + key.toUpperCase(java.util.Locale.ROOT));
          if (code != null && !code.isBlank()) {
            tables.put("acme", "gl-accounts", key, code);
          }
        }
        builder.journals(true).referenceTables(tables.build());
      }
    };
  }
}
