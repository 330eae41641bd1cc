package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.Event;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StripeEventsBackstopTest {
  private final StripeSimulator sim = Sim.start();
  private final StripeConnector stripe = Sim.connector(sim);

  @AfterEach
  void stop() {
    sim.close();
  }

  private List<String> simEventIds() {
    return sim.events().stream().map(e -> (String) e.get("id")).toList();
  }

  @Test
  void readsEveryEventOldestFirstThenOnlyNewerOnes() {
    for (int i = 0; i < 5; i++) {
      stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:E" + i, "v1", "E" + i), "op-e" + i);
    }
    List<String> all = simEventIds();
    assertThat(all).hasSize(5);

    StripeEvents first = stripe.reads().listEventsSince(null, null, 1000);
    assertThat(first.events()).extracting(Event::getId).containsExactlyElementsOf(all);
    assertThat(first.lastEventId()).isEqualTo(all.get(4));
    assertThat(first.hasMore()).isFalse();

    StripeEvents none = stripe.reads().listEventsSince(first.lastEventId(), null, 1000);
    assertThat(none.events()).isEmpty();
    assertThat(none.lastEventId()).isEqualTo(first.lastEventId());

    stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:E5", "v1", "E5"), "op-e5");
    stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:E6", "v1", "E6"), "op-e6");
    StripeEvents newer = stripe.reads().listEventsSince(first.lastEventId(), null, 1000);
    assertThat(newer.events()).extracting(Event::getId).containsExactlyElementsOf(simEventIds().subList(5, 7));
    assertThat(newer.events()).extracting(Event::getType).containsOnly("customer.created");
  }

  @Test
  void pagesForwardInBatchesWithoutLosingOrRepeatingAny() {
    for (int i = 0; i < 130; i++) {
      stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:B" + i, "v1", "B" + i), "op-b" + i);
    }
    List<String> all = simEventIds();
    assertThat(all).hasSize(130);

    List<String> seen = new ArrayList<>();
    StripeEvents batch = stripe.reads().listEventsSince(null, null, 7);
    batch.events().forEach(e -> seen.add(e.getId()));
    assertThat(batch.hasMore()).isTrue();
    int rounds = 0;
    while (batch.hasMore() && rounds++ < 20) {
      batch = stripe.reads().listEventsSince(batch.lastEventId(), null, 50);
      batch.events().forEach(e -> seen.add(e.getId()));
    }

    assertThat(seen).containsExactlyElementsOf(all);
  }

  @Test
  void eventsCarryThePinnedApiVersionSoStripeJavaDeserialisesTheirObjects() {
    stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:V", "v1", "V"), "op-v");

    Event event = stripe.reads().listEventsSince(null, null, 10).events().get(0);

    assertThat(event.getApiVersion()).isEqualTo(StripeConnector.apiVersion());
    assertThat(event.getDataObjectDeserializer().getObject()).isPresent();
    Map<String, Object> raw = sim.events().get(0);
    assertThat(event.getId()).isEqualTo(raw.get("id"));
  }
}
