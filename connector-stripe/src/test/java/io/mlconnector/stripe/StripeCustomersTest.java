package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StripeCustomersTest {
  private final StripeSimulator sim = Sim.start();
  private final StripeConnector stripe = Sim.connector(sim);

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void createsACustomerStampedWithItsErpReference() {
    StripeCustomerRequest request =
        StripeCustomerRequest.of("syspro:customer:C100", "2026-11-01T10:00:00Z", "Acme Ltd")
            .withEmail("ap@acme.test")
            .withAddress(new StripeAddress("1 Main St", null, "Cape Town", "WC", "8001", "ZA"));

    StripeCustomer created = stripe.createCustomer(request, "op-customer-1");

    assertThat(created.id()).startsWith("cus_");
    assertThat(created.sourceRef()).isEqualTo("syspro:customer:C100");
    assertThat(created.sourceVersion()).isEqualTo("2026-11-01T10:00:00Z");
    Map<String, Object> stored = sim.object(created.id());
    assertThat(stored).containsEntry("name", "Acme Ltd").containsEntry("email", "ap@acme.test");
    assertThat(Sim.map(stored.get("metadata")))
        .containsEntry(StripeMetadata.SOURCE_REF, "syspro:customer:C100")
        .containsEntry(StripeMetadata.TENANT, "acme")
        .containsEntry(StripeMetadata.SOURCE_VERSION, "2026-11-01T10:00:00Z");
    assertThat(Sim.map(stored.get("address"))).containsEntry("city", "Cape Town").containsEntry("country", "ZA");
  }

  @Test
  void repeatingACreateWithTheSameKeyReturnsTheSameCustomer() {
    StripeCustomerRequest request = StripeCustomerRequest.of("syspro:customer:C7", "v1", "Seven");

    StripeCustomer first = stripe.createCustomer(request, "op-c7");
    StripeCustomer again = stripe.createCustomer(request, "op-c7");

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(sim.countWithMetadata("customer", StripeMetadata.SOURCE_REF, "syspro:customer:C7")).isEqualTo(1);
  }

  @Test
  void updatesFieldsAndTheStampedVersion() {
    StripeCustomer c = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:C200", "v1", "Old Name"), "op-1");

    StripeCustomer updated =
        stripe.updateCustomer(
            c.id(), StripeCustomerRequest.of("syspro:customer:C200", "v2", "New Name").withEmail("new@acme.test"), "op-2");

    assertThat(updated.id()).isEqualTo(c.id());
    assertThat(updated.name()).isEqualTo("New Name");
    assertThat(updated.email()).isEqualTo("new@acme.test");
    assertThat(stripe.retrieveCustomer(c.id()).sourceVersion()).isEqualTo("v2");
  }

  @Test
  void theDefaultListScanFindsACustomerRightAfterItWasWritten() {
    try (StripeSimulator slowIndex = StripeSimulator.builder().searchIndexingDelay(Duration.ofMinutes(5)).build()) {
      StripeConnector listing = Sim.connector(slowIndex);
      StripeCustomer c = listing.createCustomer(StripeCustomerRequest.of("syspro:customer:C300", "v1", "Fresh"), "op-3");

      assertThat(listing.findCustomerBySourceRef("syspro:customer:C300")).map(StripeCustomer::id).contains(c.id());
      assertThat(listing.findCustomerBySourceRef("syspro:customer:nope")).isEmpty();
    }
  }

  @Test
  void searchAloneMissesWhatIsNotIndexedYetAndTheFallbackCoversIt() {
    try (StripeSimulator slowIndex = StripeSimulator.builder().searchIndexingDelay(Duration.ofMinutes(5)).build()) {
      StripeConnector searchOnly = StripeConnector.create(Sim.config(slowIndex).stampLookup(StampLookup.SEARCH).build());
      StripeConnector searchThenList =
          StripeConnector.create(Sim.config(slowIndex).stampLookup(StampLookup.SEARCH_THEN_LIST_SCAN).build());
      StripeCustomer c = searchOnly.createCustomer(StripeCustomerRequest.of("syspro:customer:O'Brien", "v1", "O'Brien & Co"), "op-4");

      assertThat(searchOnly.findCustomerBySourceRef("syspro:customer:O'Brien")).isEmpty();
      assertThat(searchThenList.findCustomerBySourceRef("syspro:customer:O'Brien")).map(StripeCustomer::id).contains(c.id());

      slowIndex.advanceClock(Duration.ofMinutes(6));
      assertThat(searchOnly.findCustomerBySourceRef("syspro:customer:O'Brien")).map(StripeCustomer::id).contains(c.id());
    }
  }

  @Test
  void theListScanPagesThroughOlderCustomers() {
    StripeCustomer oldest = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:FIRST", "v1", "First"), "op-first");
    for (int i = 0; i < 120; i++) {
      stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:N" + i, "v1", "Customer " + i), "op-n" + i);
    }

    assertThat(stripe.findCustomerBySourceRef("syspro:customer:FIRST")).map(StripeCustomer::id).contains(oldest.id());

    StripeConnector bounded = StripeConnector.create(Sim.config(sim).lookupScanLimit(50).build());
    assertThat(bounded.findCustomerBySourceRef("syspro:customer:FIRST")).isEmpty();
  }

  @Test
  void anUnknownCustomerIsNotFound() {
    assertThatThrownBy(() -> stripe.retrieveCustomer("cus_doesnotexist"))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> {
          NotFoundException nf = (NotFoundException) e;
          assertThat(nf.httpStatus()).isEqualTo(404);
          assertThat(nf.remoteCode()).isEqualTo("resource_missing");
          assertThat(nf.requestId()).startsWith("req_");
          assertThat(nf.operation()).isEqualTo("GET /v1/customers/{id}");
        });
  }

  @Test
  void argumentsAreCheckedAtTheBoundary() {
    assertThatThrownBy(() -> stripe.updateCustomer("in_123", StripeCustomerRequest.of("a:b:c", "v", "n"), "k"))
        .hasMessageContaining("customerId must be a Stripe id starting with 'cus_'");
    assertThatThrownBy(() -> stripe.createCustomer(StripeCustomerRequest.of("a:b:c", "v", "n"), " "))
        .hasMessageContaining("idempotencyKey must not be blank");
    assertThatThrownBy(() -> StripeCustomerRequest.of("a:b:c", "v", "n").withEmail("not-an-email"))
        .hasMessageContaining("email");
    assertThatThrownBy(() -> new StripeCustomerRequest("a:b:c", "v", "n", null, null, null, null, Map.of("mlc_x", "1")))
        .hasMessageContaining("reserved prefix mlc_");
  }
}
