package io.mlconnector.testkit.chargebee;

import static io.mlconnector.testkit.chargebee.CbSupport.basic;
import static io.mlconnector.testkit.chargebee.CbSupport.customer;
import static io.mlconnector.testkit.chargebee.CbSupport.get;
import static io.mlconnector.testkit.chargebee.CbSupport.num;
import static io.mlconnector.testkit.chargebee.CbSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testkit.chargebee.CbSupport.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routing, auth, form list encoding, answers wrapped by name, errors, paging and filters. */
class ChargebeeSimulatorWireTest {
  private final ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(0).build();

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void wrongKeyIsRefusedWithChargebeesErrorJson() {
    Answer a = CbSupport.call(new Request.Builder().url(sim.baseUrl() + "/customers")
        .header("Authorization", basic("not-the-key")).build());
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.json()).containsEntry("api_error_code", "api_authentication_failed")
        .containsEntry("error_code", "api_authentication_failed").containsKey("error_msg")
        .containsEntry("http_status_code", 401.0).containsKey("message");
  }

  @Test
  void unknownSiteIsNotFoundAndTheSiteHostIsServed() {
    Answer other = CbSupport.call(new Request.Builder().url(sim.baseUrl() + "/customers")
        .header("Host", "someone-else.chargebee.com").header("Authorization", basic(sim.apiKey())).build());
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.json()).containsEntry("api_error_code", "site_not_found");
    Answer mine = CbSupport.call(new Request.Builder().url(sim.baseUrl() + "/customers")
        .header("Host", sim.site() + ".chargebee.com").header("Authorization", basic(sim.apiKey())).build());
    assertThat(mine.status()).isEqualTo(200);
  }

  @Test
  void deleteIsAPostAndOtherMethodsAre405() {
    customer(sim, "C-1");
    Answer del = CbSupport.call(new Request.Builder().url(sim.baseUrl() + "/customers/C-1").delete()
        .header("Authorization", basic(sim.apiKey())).build());
    assertThat(del.status()).isEqualTo(405);
    assertThat(del.json()).containsEntry("api_error_code", "http_method_not_supported");
    Answer ok = post(sim, "/customers/C-1/delete", null);
    assertThat(ok.get("customer")).containsEntry("deleted", true);
    assertThat(get(sim, "/customers").list()).isEmpty();
    assertThat(get(sim, "/customers?include_deleted=true").list()).hasSize(1);
  }

  @Test
  void customersAreWrappedByNameAndDuplicatesAndMissingOnesAreErrors() {
    Answer a = post(sim, "/customers", null, "id", "C-1", "company", "Acme", "billing_address[line1]", "1 Main St",
        "billing_address[country]", "US", "meta_data", "{\"erp\":\"C-1\"}", "cf_erp_code", "C-1");
    assertThat(a.status()).isEqualTo(200);
    Map<String, Object> c = a.get("customer");
    assertThat(c).containsEntry("id", "C-1").containsEntry("object", "customer").containsEntry("cf_erp_code", "C-1")
        .containsEntry("meta_data", Map.of("erp", "C-1")).containsKeys("resource_version", "updated_at", "created_at");
    assertThat(((Map<?, ?>) c.get("billing_address")).get("line1")).isEqualTo("1 Main St");
    Answer dup = post(sim, "/customers", null, "id", "C-1");
    assertThat(dup.status()).isEqualTo(400);
    assertThat(dup.json()).containsEntry("api_error_code", "duplicate_entry").containsEntry("param", "id")
        .containsEntry("type", "invalid_request");
    Answer missing = get(sim, "/customers/nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json()).containsEntry("api_error_code", "resource_not_found").containsEntry("type", "invalid_request");
  }

  @Test
  void unknownParametersAreRefusedNamingThemInBracketForm() {
    customer(sim, "C-1");
    Answer a = post(sim, "/invoices/create_for_charge_items_and_charges", null, "customer_id", "C-1",
        "charges[amount][0]", "100", "charges[description][0]", "x", "charges[colour][0]", "red");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json()).containsEntry("api_error_code", "param_wrong_value").containsEntry("param", "charges[colour][0]");
    Answer stripeOrder = post(sim, "/invoices/create_for_charge_items_and_charges", null, "customer_id", "C-1",
        "charges[0][amount]", "100");
    assertThat(stripeOrder.status()).isEqualTo(400);
  }

  @Test
  void chargesAreReadAttributeFirstIndexLastAndOrderedByIndex() {
    customer(sim, "C-1");
    Answer a = post(sim, "/invoices/create_for_charge_items_and_charges", null, "customer_id", "C-1",
        "currency_code", "USD", "po_number", "INV-100",
        "charges[amount][7]", "300", "charges[description][7]", "third",
        "charges[amount][0]", "100", "charges[description][0]", "first",
        "charges[description][3]", "second", "charges[amount][3]", "200");
    assertThat(a.status()).as("%s", a.json()).isEqualTo(200);
    Map<String, Object> inv = a.get("invoice");
    List<String> descriptions = new ArrayList<>();
    for (Object o : (List<?>) inv.get("line_items")) {
      descriptions.add((String) ((Map<?, ?>) o).get("description"));
    }
    assertThat(descriptions).containsExactly("first", "second", "third");
    assertThat(num(inv.get("total"))).isEqualTo(600);
    assertThat(num(inv.get("amount_due"))).isEqualTo(600);
    assertThat(inv).containsEntry("po_number", "INV-100").containsEntry("status", "payment_due")
        .containsEntry("currency_code", "USD");
  }

  @Test
  void anInvoiceNeedsAChargeAndPositiveAmounts() {
    customer(sim, "C-1");
    Answer none = post(sim, "/invoices/create_for_charge_items_and_charges", null, "customer_id", "C-1");
    assertThat(none.status()).isEqualTo(400);
    Answer negative = post(sim, "/invoices/create_for_charge_items_and_charges", null, "customer_id", "C-1",
        "charges[amount][0]", "-5", "charges[description][0]", "refund?");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.json()).containsEntry("param", "charges[amount][0]");
  }

  @Test
  void pagingByOpaqueNextOffsetIsStableWhileRecordsAreAdded() {
    for (int i = 0; i < 25; i++) {
      customer(sim, "C-" + i);
    }
    List<String> seen = new ArrayList<>();
    String offset = null;
    int pages = 0;
    do {
      Answer page = get(sim, "/customers?limit=10&sort_by[asc]=created_at"
          + (offset == null ? "" : "&offset=" + java.net.URLEncoder.encode(offset, java.nio.charset.StandardCharsets.UTF_8)));
      for (Map<String, Object> e : page.list()) {
        seen.add((String) ((Map<?, ?>) e.get("customer")).get("id"));
      }
      offset = (String) page.json().get("next_offset");
      if (pages++ == 0) {
        assertThat(offset).isNotNull().doesNotMatch("\\d+");
        customer(sim, "C-late");   // added mid-listing, at the end of the order
      }
    } while (offset != null);
    assertThat(seen).hasSize(26).doesNotHaveDuplicates().startsWith("C-0", "C-1").endsWith("C-late");
    assertThat(get(sim, "/customers?limit=101").status()).isEqualTo(400);
    assertThat(get(sim, "/customers").list()).hasSize(10);
  }

  @Test
  void anEventListOffsetLastsForEverOrAsLongAsTheSimulatorIsToldTo() {
    // how long Chargebee keeps a next_offset valid is not documented: the simulator plays both
    for (java.time.Duration lifetime : List.of(java.time.Duration.ZERO, java.time.Duration.ofHours(1))) {
      try (ChargebeeSimulator site = ChargebeeSimulator.builder().requestsPerMinute(0).eventOffsetLifetime(lifetime)
          .build()) {
        for (int i = 0; i < 3; i++) {
          customer(site, "C-" + i);
        }
        String query = "/events?limit=2&sort_by[asc]=occurred_at&event_type[in]=" + enc("[\"customer_created\"]");
        String offset = (String) get(site, query).json().get("next_offset");
        assertThat(offset).isNotNull();
        assertThat(get(site, query + "&offset=" + enc(offset)).list()).hasSize(1);

        site.advanceClock(java.time.Duration.ofHours(2));
        Answer later = get(site, query + "&offset=" + enc(offset));
        if (lifetime.isZero()) {
          assertThat(later.list()).hasSize(1);
        } else {
          assertThat(later.status()).isEqualTo(400);
          assertThat(later.json()).containsEntry("api_error_code", "param_wrong_value").containsEntry("param", "offset");
          assertThat(get(site, query).list()).hasSize(2);
        }
      }
    }
  }

  @Test
  void filtersIsInStartsWithAndStrictTimestamps() {
    // a fixed clock: the three customers share one updated_at second however slow the machine is
    try (ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(0)
        .clock(java.time.Clock.fixed(java.time.Instant.parse("2026-01-05T10:00:00Z"), java.time.ZoneOffset.UTC))
        .build()) {
      customer(sim, "AB-1");
      customer(sim, "AB-2");
      customer(sim, "XY-1");
      assertThat(get(sim, "/customers?id[starts_with]=AB").list()).hasSize(2);
      assertThat(get(sim, "/customers?id[in]=" + enc("[\"AB-1\",\"XY-1\"]")).list()).hasSize(2);
      assertThat(get(sim, "/customers?id[is]=XY-1").list()).hasSize(1);
      long updated = num(((Map<?, ?>) get(sim, "/customers/XY-1").get("customer")).get("updated_at"));
      assertThat(get(sim, "/customers?updated_at[after]=" + updated).list()).isEmpty();
      assertThat(get(sim, "/customers?updated_at[after]=" + (updated - 1)).list()).hasSize(3);
      assertThat(get(sim, "/customers?colour[is]=red").status()).isEqualTo(400);
    }
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
