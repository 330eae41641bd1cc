package io.mlconnector.spring.boot;

import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.stripe.StripeSimulator;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.ArInvoiceLine;
import io.mlconnector.testkit.syspro.Customer;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A SYSPRO and a Stripe simulator on loopback ports, and the {@code mlc.*} properties pointing at them (test helper). */
final class Simulators implements AutoCloseable {
  static final String OPERATOR = "STRIPE";
  static final String COMPANY = "EDU1";
  static final String OPERATOR_PASSWORD = "Op3rator-Pw";
  static final String ODATA_PASSWORD = "OData-Pw";
  static final String WEBHOOK_SECRET = "whsec_starterTestSecret000000000000";
  /** A 32-byte test key (base64), given as MLC_KEY_T1 through the properties. */
  static final String KEY = Base64.getEncoder().encodeToString(new byte[] {
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
      31, 32});

  final SysproSimulator syspro;
  final StripeSimulator stripe;

  Simulators(int invoices, Duration stripeLatency) {
    Instant now = Instant.now();
    this.syspro = SysproSimulator.builder()
        .operator(Operator.of(OPERATOR, OPERATOR_PASSWORD).withODataPassword(ODATA_PASSWORD))
        .companyId(COMPANY).licenceSeats(10).startTime(now).threads(8).start();
    syspro.setCurrentPeriod(YearMonth.from(now.atZone(ZoneOffset.UTC)));
    this.stripe = StripeSimulator.builder().seed(42).threads(8)
        .faults(new FaultInjector().latency(stripeLatency)).build();
    syspro.addCustomer(Customer.of("C1000", "Northwind Traders").withCurrency("USD").withEmail("ap@northwind.test"));
    syspro.addCustomer(Customer.of("C1001", "Brighton Tea Company").withCurrency("USD").withEmail("ap@tea.test"));
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    for (int n = 0; n < invoices; n++) {
      BigDecimal amount = new BigDecimal(100 + n).setScale(2);
      syspro.addArInvoice(ArInvoice.of(n % 2 == 0 ? "C1000" : "C1001", String.valueOf(100001 + n), today, amount)
          .withLines(List.of(new ArInvoiceLine(1, "S300", "Service", BigDecimal.ONE, amount, null))));
    }
  }

  /** The properties of integration {@code name} (pair syspro-stripe) for {@code tenant}, keys included. */
  Map<String, Object> properties(String name, String tenant, String stripeApiKey) {
    String t = "mlc.integrations." + name + ".tenants." + tenant + ".";
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("MLC_KEY_CURRENT", "t1");
    p.put("MLC_KEY_T1", KEY);
    p.put("mlc.integrations." + name + ".pair", "syspro-stripe");
    p.put("mlc.integrations." + name + ".schedule.interval", "500ms");
    p.put("mlc.integrations." + name + ".schedule.jitter", "0s");
    p.put(t + "syspro.rest-url", syspro.restBaseUri().toString());
    p.put(t + "syspro.odata-url", syspro.odataServiceUri().toString());
    p.put(t + "syspro.operator", OPERATOR);
    p.put(t + "syspro.company", COMPANY);
    p.put(t + "syspro.operator-password", OPERATOR_PASSWORD);
    p.put(t + "syspro.odata-password", ODATA_PASSWORD);
    p.put(t + "stripe.api-key", stripeApiKey == null ? stripe.apiKey() : stripeApiKey);
    p.put(t + "stripe.api-base", stripe.baseUrl());
    p.put(t + "stripe.webhook-secret", WEBHOOK_SECRET);
    return p;
  }

  /** Stripe invoices created so far. */
  int stripeInvoices() {
    return stripe.count("invoice", o -> true);
  }

  @Override
  public void close() {
    stripe.close();
    syspro.close();
  }
}
