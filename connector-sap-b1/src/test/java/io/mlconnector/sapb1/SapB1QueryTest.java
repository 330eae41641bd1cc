package io.mlconnector.sapb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.odata.ODataFilter;
import io.mlconnector.core.odata.ODataPage;
import io.mlconnector.sapb1.internal.ChangeReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SapB1QueryTest {

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void pagesFollowNextLinksCountsAndFiltersInBothVersions(boolean v2) {
    try (SimFixture f = new SimFixture()) {
      for (int i = 0; i < 45; i++) {
        f.sim.addCustomer(String.format("C%03d", i), "Customer " + i, "USD");
      }
      f.sim.addBusinessPartner(Map.of("CardCode", "S001", "CardName", "Supplier", "CardType", "cSupplier"));
      try (SapB1Client client = f.client(v2)) {
        ODataFilter customers = client.enumEquals("CardType", "BoCardTypes", "cCustomer");
        List<B1Entity> all = client.listAll("BusinessPartners", client.query().filter(customers).orderBy("CardCode"));
        assertThat(all).hasSize(45);
        assertThat(all.get(44).string("CardCode")).isEqualTo("C044");
        assertThat(client.count("BusinessPartners", customers)).isEqualTo(45);
        assertThat(client.count("BusinessPartners", null)).isEqualTo(46);
        ODataPage<B1Entity> page = client.page("BusinessPartners", client.query().filter(customers).top(5), true);
        assertThat(page.items()).hasSize(5);
        assertThat(page.totalCount()).isEqualTo(45L);
        assertThat(page.nextLink()).isNull();
        List<B1Entity> limited = client.listAll("BusinessPartners", client.query().top(30));
        assertThat(limited).hasSize(30); // $top above the page size: the link carries the remaining $top
        List<B1Entity> starts = client.listAll("BusinessPartners",
            client.query().filter(ODataFilter.startsWith("CardName", "Customer 1")).select("CardCode", "CardName"));
        assertThat(starts).hasSize(11);
        assertThat(starts.get(0).properties()).containsOnlyKeys("CardCode", "CardName");
      }
    }
  }

  @Test
  void anIncrementalPageLargerThanTheServersPageSizeReadsOnToTheEnd() {
    try (SimFixture f = new SimFixture(b -> b.pageSize(20))) {
      for (int i = 0; i < 45; i++) {
        f.sim.addCustomer(String.format("C%03d", i), "n", "USD");
        f.sim.advance(Duration.ofSeconds(7));
      }
      try (SapB1Client client = SapB1Client.create(f.transport, f.config(false).pageSize(10).build())) {
        ChangePage first = client.readChanges("BusinessPartners", "CardCode", null, null, Duration.ZERO, 30);
        assertThat(first.records()).hasSize(30);
        assertThat(first.hasMore()).isTrue();
        ChangePage rest = client.readChanges("BusinessPartners", "CardCode", null, first.next(), Duration.ZERO, 30);
        assertThat(rest.records()).hasSize(15);
        assertThat(rest.records().get(0).string("CardCode")).isEqualTo("C030");
        assertThat(rest.hasMore()).isFalse();
      }
    }
  }

  @Test
  void qualifiedEnumLiteralsWorkOnV2() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "A", "USD");
      try (SapB1Client client = SapB1Client.create(f.transport,
          f.config(true).enumLiterals(SapB1Config.EnumLiterals.QUALIFIED).build())) {
        assertThat(client.count("BusinessPartners", client.enumEquals("CardType", "BoCardTypes", "cCustomer")))
            .isEqualTo(1);
      }
    }
  }

  @Test
  void anUnknownPropertyInAFilterIsRejectedWithSapsText() {
    try (SimFixture f = new SimFixture()) {
      try (SapB1Client client = f.client(false)) {
        assertThatThrownBy(() -> client.count("BusinessPartners", ODataFilter.eq("NoSuchField", "x")))
            .isInstanceOf(RejectedException.class)
            .hasMessageContaining("Property 'NoSuchField' of 'BusinessPartner' is invalid");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void incrementalReadsMissNothingChangedInTheSameMinuteOrSecond(boolean v2) {
    try (SimFixture f = new SimFixture()) {
      // 25 partners changed within one second, then 3 more in the same minute, then one a day later
      for (int i = 0; i < 25; i++) {
        f.sim.addCustomer(String.format("A%02d", i), "n", "USD");
      }
      try (SapB1Client client = f.client(v2)) {
        ODataFilter customers = client.enumEquals("CardType", "BoCardTypes", "cCustomer");
        Set<String> seen = new HashSet<>();
        ChangePage.Cursor cursor = null;
        int pages = 0;
        List<String> order = new ArrayList<>();
        do {
          ChangePage p = client.readChanges("BusinessPartners", "CardCode", customers, cursor, Duration.ZERO, 10);
          p.records().forEach(r -> order.add(r.string("CardCode")));
          p.records().forEach(r -> assertThat(seen.add(r.string("CardCode"))).as("read twice").isTrue());
          cursor = p.next() == null ? cursor : p.next();
          pages++;
          if (!p.hasMore()) {
            break;
          }
        } while (pages < 10);
        assertThat(seen).hasSize(25);
        f.sim.advance(Duration.ofSeconds(20));
        f.sim.addCustomer("B01", "n", "USD");
        f.sim.updateBusinessPartner("A03", Map.of("CardName", "renamed"));
        ChangePage p = client.readChanges("BusinessPartners", "CardCode", customers, cursor, Duration.ZERO, 10);
        assertThat(p.records()).extracting(r -> r.string("CardCode")).containsExactly("A03", "B01");
        cursor = p.next();
        f.sim.advance(Duration.ofDays(1));
        f.sim.updateBusinessPartner("A07", Map.of("EmailAddress", "a7@example.com"));
        p = client.readChanges("BusinessPartners", "CardCode", customers, cursor, Duration.ZERO, 10);
        assertThat(p.records()).extracting(r -> r.string("CardCode")).containsExactly("A07");
        assertThat(p.next().updated().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 3));
        // an overlap re-reads the window before the cursor
        ChangePage again = client.readChanges("BusinessPartners", "CardCode", customers, p.next(), Duration.ofMinutes(5), 10);
        assertThat(again.records()).extracting(r -> r.string("CardCode")).contains("A07");
      }
    }
  }
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void pagesOfOneBusyMinuteResumeWhereTheLastEndedNotAtTheMinutesStart(boolean v2) {
    try (SimFixture f = new SimFixture(b -> b.pageSize(10))) {
      // 200 partners changed in one second: every page's cursor sits in the same minute
      for (int i = 0; i < 200; i++) {
        f.sim.addCustomer(String.format("C%03d", i), "n", "USD");
      }
      try (SapB1Client client = SapB1Client.create(f.transport, f.config(v2).pageSize(10).build())) {
        long before = f.sim.requestCount();
        List<String> read = readToEnd(client, null);
        assertThat(read).hasSize(200).doesNotHaveDuplicates();
        assertThat(read).isSorted();
        // 10 reads of 20, each starting at its cursor's record (checked, then dropped), so three
        // server pages of 10 each, plus the login: linear, where reading each page's minute from its
        // start would cost 2 + 4 + ... + 20 = 110 server pages
        assertThat(f.sim.requestCount() - before).isLessThanOrEqualTo(10 * 3 + 1);
      }
    }
  }

  @Test
  void aBusyMinuteThatChangedSinceTheLastReadIsReadFromItsStartAndNothingIsMissed() {
    try (SimFixture f = new SimFixture(b -> b.pageSize(10))) {
      for (int i = 0; i < 60; i++) {
        f.sim.addCustomer(String.format("C%03d", i), "n", "USD");
      }
      f.sim.advance(Duration.ofSeconds(1));
      try (SapB1Client client = SapB1Client.create(f.transport, f.config(false).pageSize(10).build())) {
        ChangePage first = client.readChanges("BusinessPartners", "CardCode", null, null, Duration.ZERO, 20);
        assertThat(first.records()).hasSize(20);
        // two partners of the first page change a second later, in the same minute: the rows
        // before the cursor shift, so the remembered position no longer holds the cursor's record
        f.sim.updateBusinessPartner("C003", Map.of("CardName", "renamed"));
        f.sim.updateBusinessPartner("C004", Map.of("CardName", "renamed"));
        List<String> read = readToEnd(client, first.next());
        List<String> expected = new ArrayList<>();
        for (int i = 20; i < 60; i++) {
          expected.add(String.format("C%03d", i));
        }
        expected.add("C003");
        expected.add("C004");
        assertThat(read).containsExactlyElementsOf(expected);
      }
    }
  }

  @Test
  void aRecordThatChangesWhileAReadPagesOnDoesNotMakeTheNextSkipMissARow() {
    try (SimFixture f = new SimFixture(b -> b.pageSize(10))) {
      for (int i = 0; i < 60; i++) {
        f.sim.addCustomer(String.format("C%03d", i), "n", "USD");
      }
      try (SapB1Client client = SapB1Client.create(f.transport, f.config(false).pageSize(10).build())) {
        int[] fetches = {0};
        ChangeReader reader = new ChangeReader((set, q) -> {
          ODataPage<B1Entity> page = client.page(set, q, false);
          if (fetches[0]++ == 0) {
            // after the first server page: C003 changes a second later and leaves its place for the
            // end of the order, so every row behind it moves up by one
            f.sim.advance(Duration.ofSeconds(1));
            f.sim.updateBusinessPartner("C003", Map.of("CardName", "renamed"));
          }
          return page;
        });
        List<String> read = new ArrayList<>();
        ChangePage.Cursor cursor = null;
        while (true) {
          ChangePage p = reader.read(client.query(), "BusinessPartners", "CardCode", null, cursor, Duration.ZERO, 30);
          p.records().forEach(r -> read.add(r.string("CardCode")));
          cursor = p.next() == null ? cursor : p.next();
          if (!p.hasMore()) {
            break;
          }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
          expected.add(String.format("C%03d", i));
        }
        expected.add("C003"); // read again at its new place: it changed
        assertThat(read).containsExactlyElementsOf(expected);
      }
    }
  }

  /** The CardCodes of every change after {@code cursor}, read in pages of 20. */
  private static List<String> readToEnd(SapB1Client client, ChangePage.Cursor cursor) {
    List<String> read = new ArrayList<>();
    while (true) {
      ChangePage p = client.readChanges("BusinessPartners", "CardCode", null, cursor, Duration.ZERO, 20);
      p.records().forEach(r -> read.add(r.string("CardCode")));
      cursor = p.next() == null ? cursor : p.next();
      if (!p.hasMore()) {
        return read;
      }
    }
  }
}
