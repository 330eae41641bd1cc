package io.mlconnector.testkit.stripe;

import static io.mlconnector.testkit.stripe.StripeTestSupport.client;
import static io.mlconnector.testkit.stripe.StripeTestSupport.customer;
import static io.mlconnector.testkit.stripe.StripeTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.StripeCollection;
import com.stripe.param.CustomerListParams;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** List pagination exactly as Stripe pages: limit 1..100, cursors both ways, has_more, newest first. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripeSimulatorPaginationTest {
  private StripeSimulator sim;
  private StripeClient stripe;
  /** 12 customers, newest first. */
  private final List<String> ids = new ArrayList<>();

  @BeforeAll
  void createCustomers() throws Exception {
    sim = StripeSimulator.builder().build();
    stripe = client(sim);
    for (int i = 0; i < 12; i++) {
      ids.add(0, customer(stripe, "P-" + i).getId());
    }
  }

  @AfterAll
  void close() {
    sim.close();
  }

  private List<String> page(CustomerListParams params) throws Exception {
    StripeCollection<Customer> page = stripe.v1().customers().list(params);
    List<String> out = new ArrayList<>();
    page.getData().forEach(c -> out.add(c.getId()));
    out.add("has_more=" + page.getHasMore());
    return out;
  }

  private List<String> expect(int from, int to, boolean hasMore) {
    List<String> out = new ArrayList<>(ids.subList(from, to));
    out.add("has_more=" + hasMore);
    return out;
  }

  @Test
  void defaultLimitIsTenNewestFirst() throws Exception {
    assertThat(page(CustomerListParams.builder().build())).isEqualTo(expect(0, 10, true));
    assertThat(page(CustomerListParams.builder().setLimit(100L).build())).isEqualTo(expect(0, 12, false));
    assertThat(page(CustomerListParams.builder().setLimit(12L).build())).isEqualTo(expect(0, 12, false));
    assertThat(page(CustomerListParams.builder().setLimit(11L).build())).isEqualTo(expect(0, 11, true));
  }

  @Test
  void cursorsPageOlderAndNewer() throws Exception {
    assertThat(page(CustomerListParams.builder().setLimit(5L).setStartingAfter(ids.get(4)).build()))
        .isEqualTo(expect(5, 10, true));
    assertThat(page(CustomerListParams.builder().setLimit(5L).setStartingAfter(ids.get(9)).build()))
        .isEqualTo(expect(10, 12, false));
    assertThat(page(CustomerListParams.builder().setStartingAfter(ids.get(11)).build()))
        .isEqualTo(expect(12, 12, false));
    assertThat(page(CustomerListParams.builder().setLimit(3L).setEndingBefore(ids.get(10)).build()))
        .as("ending_before returns the items just newer than the cursor").isEqualTo(expect(7, 10, true));
    assertThat(page(CustomerListParams.builder().setLimit(3L).setEndingBefore(ids.get(2)).build()))
        .isEqualTo(expect(0, 2, false));
  }

  @Test
  void badLimitsAndCursorsAreRejected() throws Exception {
    for (long limit : new long[] {0, 101}) {
      assertThatThrownBy(() -> stripe.v1().customers().list(CustomerListParams.builder().setLimit(limit).build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getParam()).isEqualTo("limit");
          });
    }
    assertThatThrownBy(() -> stripe.v1().customers().list(CustomerListParams.builder()
        .setStartingAfter(ids.get(1)).setEndingBefore(ids.get(5)).build()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("only specify one");
    assertThatThrownBy(() -> stripe.v1().customers().list(CustomerListParams.builder()
        .setStartingAfter("cus_doesNotExist").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getCode()).isEqualTo("resource_missing");
          assertThat(e.getParam()).isEqualTo("starting_after");
        });
    try (Response r = get(sim, "/v1/customers?limit=abc")) {
      assertThat(r.code()).isEqualTo(400);
      assertThat(r.body().string()).contains("parameter_invalid_integer");
    }
  }

  @Test
  void listsCarryObjectUrlAndExpansions() throws Exception {
    try (Response r = get(sim, "/v1/customers?limit=1&expand[]=data.invoice_settings")) {
      assertThat(r.code()).as("invoice_settings is a hash, not an id").isEqualTo(400);
      assertThat(r.body().string()).contains("This property cannot be expanded (data.invoice_settings)");
    }
    try (Response r = get(sim, "/v1/invoices?customer=" + ids.get(0))) {
      assertThat(r.body().string()).isEqualTo("{\"object\":\"list\",\"data\":[],\"has_more\":false,"
          + "\"url\":\"/v1/invoices\"}");
    }
  }
}
