package io.mlconnector.testkit.chargebee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargebee.Environment;
import com.chargebee.ListResult;
import com.chargebee.Result;
import com.chargebee.exceptions.InvalidRequestException;
import com.chargebee.models.Customer;
import com.chargebee.models.Event;
import com.chargebee.models.Invoice;
import com.chargebee.models.Subscription;
import com.chargebee.models.enums.EventType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official client, chargebee-java 3.30.0 (the newest on Maven Central as mirrored here), against
 * the simulator: the simulator speaks the wire as the vendor's own code expects it. The client
 * builds its URL as {@code <protocol>://<site>.<domain suffix>/api/v2} from system properties read
 * when an {@link Environment} is made; the test makes a per-request environment whose site {@code
 * 127.0.0} and suffix {@code 1:<port>} land on the loopback simulator (no static configure).
 */
class ChargebeeSimulatorOfficialClientTest {
  private static ChargebeeSimulator sim;
  private static Environment env;

  @BeforeAll
  static void start() {
    sim = ChargebeeSimulator.builder().requestsPerMinute(0).build();
    String protocol = System.getProperty("com.chargebee.api.protocol");
    String suffix = System.getProperty("com.chargebee.api.domain.suffix");
    System.setProperty("com.chargebee.api.protocol", "http");
    System.setProperty("com.chargebee.api.domain.suffix", "1:" + sim.port());
    try {
      env = new Environment("127.0.0", sim.apiKey());
    } finally {
      restore("com.chargebee.api.protocol", protocol);
      restore("com.chargebee.api.domain.suffix", suffix);
    }
    assertThat(env.apiBaseUrl()).isEqualTo(sim.baseUrl());
  }

  private static void restore(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void customersRoundTripAndErrorsBecomeTheClientsTypedExceptions() throws Exception {
    Result created = Customer.create().id("OC-1").company("Acme").email("ap@acme.test")
        .billingAddressLine1("1 Main St").billingAddressCountry("US").request(env);
    assertThat(created.customer().id()).isEqualTo("OC-1");
    assertThat(created.customer().billingAddress().line1()).isEqualTo("1 Main St");
    Customer read = Customer.retrieve("OC-1").request(env).customer();
    assertThat(read.company()).isEqualTo("Acme");
    assertThat(read.resourceVersion()).isPositive();

    assertThatThrownBy(() -> Customer.create().id("OC-1").request(env))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.apiErrorCode).isEqualTo("duplicate_entry");
          assertThat(e.param).isEqualTo("id");
          assertThat(e.httpStatusCode).isEqualTo(400);
        });
    assertThatThrownBy(() -> Customer.retrieve("missing").request(env))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.apiErrorCode).isEqualTo("resource_not_found");
          assertThat(e.httpStatusCode).isEqualTo(404);
        });
  }

  @Test
  void invoicesFromChargesPageAndReplayIdempotently() throws Exception {
    Customer.create().id("OC-2").company("Beta").request(env);
    Result inv = Invoice.createForChargeItemsAndCharges().customerId("OC-2").currencyCode("USD").poNumber("SYS-42")
        .chargeAmount(0, 1250L).chargeDescription(0, "Widget")
        .chargeAmount(1, 4000L).chargeDescription(1, "Service")
        .setIdempotencyKey("oc-inv-1").request(env);
    assertThat(inv.invoice().total()).isEqualTo(5250L);
    assertThat(inv.invoice().poNumber()).isEqualTo("SYS-42");
    assertThat(inv.invoice().lineItems()).extracting(Invoice.LineItem::description).containsExactly("Widget", "Service");
    assertThat(inv.invoice().status()).isEqualTo(Invoice.Status.PAYMENT_DUE);
    assertThat(inv.isIdempotencyReplayed()).isFalse();

    Result again = Invoice.createForChargeItemsAndCharges().customerId("OC-2").currencyCode("USD").poNumber("SYS-42")
        .chargeAmount(0, 1250L).chargeDescription(0, "Widget")
        .chargeAmount(1, 4000L).chargeDescription(1, "Service")
        .setIdempotencyKey("oc-inv-1").request(env);
    assertThat(again.isIdempotencyReplayed()).isTrue();
    assertThat(again.invoice().id()).isEqualTo(inv.invoice().id());

    for (int i = 0; i < 4; i++) {
      Invoice.createForChargeItemsAndCharges().customerId("OC-2").chargeAmount(0, 100L + i)
          .chargeDescription(0, "Fee " + i).request(env);
    }
    List<String> ids = new ArrayList<>();
    String offset = null;
    do {
      Invoice.InvoiceListRequest req = Invoice.list().limit(2).customerId().is("OC-2");
      if (offset != null) {
        req.offset(offset);
      }
      ListResult page = req.request(env);
      for (ListResult.Entry e : page) {
        ids.add(e.invoice().id());
      }
      offset = page.nextOffset();
    } while (offset != null);
    assertThat(ids).hasSize(5).doesNotHaveDuplicates();

    sim.pay(inv.invoice().id(), null);
    ListResult events = Event.list().eventType().is(EventType.PAYMENT_SUCCEEDED).request(env);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).event().content().invoice().status()).isEqualTo(Invoice.Status.PAID);
    Event one = Event.retrieve(events.get(0).event().id()).request(env).event();
    assertThat(one.eventType()).isEqualTo(EventType.PAYMENT_SUCCEEDED);
  }

  @Test
  void subscriptionsWithItems() throws Exception {
    Customer.create().id("OC-3").company("Gamma").request(env);
    com.chargebee.models.Item.create().id("hosting").name("Hosting").type(com.chargebee.models.Item.Type.PLAN)
        .itemFamilyId("erp").request(env);
    com.chargebee.models.ItemPrice.create().id("hosting-USD").itemId("hosting").name("Hosting monthly")
        .price(5000L).currencyCode("USD").period(1).periodUnit(com.chargebee.models.ItemPrice.PeriodUnit.MONTH)
        .request(env);
    Result sub = Subscription.createWithItems("OC-3").id("OC-3-erp").poNumber("SYS-77")
        .subscriptionItemItemPriceId(0, "hosting-USD").subscriptionItemQuantity(0, 3).request(env);
    assertThat(sub.subscription().status()).isEqualTo(Subscription.Status.ACTIVE);
    assertThat(sub.invoice().total()).isEqualTo(15000L);
    assertThat(sub.invoice().poNumber()).isEqualTo("SYS-77");
    Result cancelled = Subscription.cancelForItems("OC-3-erp").request(env);
    assertThat(cancelled.subscription().status()).isEqualTo(Subscription.Status.CANCELLED);
  }
}
