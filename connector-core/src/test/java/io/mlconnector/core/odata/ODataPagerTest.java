package io.mlconnector.core.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ODataPagerTest {
  private static final String ROOT = "https://sap.example:50000/b1s/v1/";
  private static final String COLLECTION = ROOT + "BusinessPartners";

  /** Answers scripted pages by exact URL and records what was asked. */
  private static final class ScriptedServer implements PageFetcher<String> {
    final Map<String, ODataPage<String>> pages = new HashMap<>();
    final List<String> requested = new ArrayList<>();

    ScriptedServer page(String url, List<String> items, String nextLink) {
      pages.put(url, ODataPage.of(items, nextLink));
      return this;
    }

    @Override
    public ODataPage<String> fetch(String url) {
      requested.add(url);
      ODataPage<String> page = pages.get(url);
      if (page == null) {
        throw new AssertionError("unexpected request " + url + "; scripted: " + pages.keySet());
      }
      return page;
    }
  }

  /** A server with {@code total} rows that honours $top/$skip and never sends next links. */
  private static PageFetcher<String> skipOnlyServer(int total, int cap, List<String> requested) {
    return url -> {
      requested.add(url);
      int top = param(url, "$top", Integer.MAX_VALUE);
      int skip = param(url, "$skip", 0);
      int n = Math.max(0, Math.min(Math.min(top, cap), total - skip));
      return ODataPage.of(IntStream.range(skip, skip + n).mapToObj(i -> "r" + i).collect(Collectors.toList()));
    };
  }

  private static int param(String url, String name, int fallback) {
    int q = url.indexOf('?');
    if (q < 0) {
      return fallback;
    }
    for (String part : url.substring(q + 1).split("&")) {
      if (part.startsWith(name + "=")) {
        return Integer.parseInt(part.substring(name.length() + 1));
      }
    }
    return fallback;
  }

  private static final ODataQuery QUERY =
      ODataQuery.of(ODataDialect.SAP_B1).filter(ODataFilter.eq("CardType", "cCustomer")).select("CardCode");
  private static final String FIRST =
      COLLECTION + "?$filter=CardType%20eq%20%27cCustomer%27&$select=CardCode";

  @Test
  void followsRelativeNextLinksResolvedAgainstTheRequestUrl() {
    ScriptedServer server =
        new ScriptedServer()
            .page(FIRST, List.of("C1", "C2"), "BusinessPartners?$filter=CardType%20eq%20%27cCustomer%27&$select=CardCode&$skip=2")
            .page(COLLECTION + "?$filter=CardType%20eq%20%27cCustomer%27&$select=CardCode&$skip=2", List.of("C3", "C4"),
                "BusinessPartners?$filter=CardType%20eq%20%27cCustomer%27&$select=CardCode&$skip=4")
            .page(COLLECTION + "?$filter=CardType%20eq%20%27cCustomer%27&$select=CardCode&$skip=4", List.of("C5"), null);

    List<String> all = ODataPager.builder(COLLECTION, QUERY, server).build().fetchAll();

    assertThat(all).containsExactly("C1", "C2", "C3", "C4", "C5");
    assertThat(server.requested).hasSize(3);
  }

  @Test
  void followsAbsoluteNextLinks() {
    String next = "https://other.example/odata/BusinessPartners?$skiptoken=abc";
    ScriptedServer server =
        new ScriptedServer().page(FIRST, List.of("C1"), next).page(next, List.of("C2"), null);

    assertThat(ODataPager.builder(COLLECTION, QUERY, server).build().fetchAll()).containsExactly("C1", "C2");
    assertThat(server.requested).containsExactly(FIRST, next);
  }

  @Test
  void relativeLinksResolveAgainstTheServiceRootWhenGiven() {
    String lines = ROOT + "Invoices(7)/DocumentLines";
    ODataQuery q = ODataQuery.of(ODataDialect.V4);
    ScriptedServer server =
        new ScriptedServer()
            .page(lines, List.of("L1"), "Invoices(7)/DocumentLines?$skip=1")
            .page(ROOT + "Invoices(7)/DocumentLines?$skip=1", List.of("L2"), null);

    List<String> all = ODataPager.builder(lines, q, server).serviceRoot(ROOT.substring(0, ROOT.length() - 1)).build().fetchAll();

    assertThat(all).containsExactly("L1", "L2");
  }

  @Test
  void nextLinksWithIllegalCharactersAreRepaired() {
    ScriptedServer server =
        new ScriptedServer()
            .page(FIRST, List.of("C1"), "BusinessPartners?$filter=CardName eq 'A B'&$skip=1")
            .page(COLLECTION + "?$filter=CardName%20eq%20'A%20B'&$skip=1", List.of("C2"), null);

    assertThat(ODataPager.builder(COLLECTION, QUERY, server).build().fetchAll()).containsExactly("C1", "C2");
  }

  @Test
  void droppedQueryOptionsAreReappliedWhenAsked() {
    String dropped = COLLECTION + "?$skip=20";
    String repaired = dropped + "&$filter=CardType%20eq%20%27cCustomer%27&$select=CardCode";
    ScriptedServer server =
        new ScriptedServer()
            .page(FIRST, List.of("C1"), "BusinessPartners?$skip=20")
            .page(repaired, List.of("C2"), null);

    List<String> all = ODataPager.builder(COLLECTION, QUERY, server).reapplyQueryOptions(true).build().fetchAll();

    assertThat(all).containsExactly("C1", "C2");
    assertThat(server.requested).containsExactly(FIRST, repaired);
  }

  @Test
  void fallsBackToSkipPagingWithTopAsPageSize() {
    List<String> requested = new ArrayList<>();
    ODataQuery q = ODataQuery.of(ODataDialect.V4).top(4);

    List<String> all =
        ODataPager.builder("https://syspro.example/SYSPROOData/EDU1/ArCustomer", q, skipOnlyServer(10, 5000, requested))
            .build()
            .fetchAll();

    assertThat(all).hasSize(10).startsWith("r0", "r1").endsWith("r9");
    assertThat(requested)
        .containsExactly(
            "https://syspro.example/SYSPROOData/EDU1/ArCustomer?$top=4",
            "https://syspro.example/SYSPROOData/EDU1/ArCustomer?$top=4&$skip=4",
            "https://syspro.example/SYSPROOData/EDU1/ArCustomer?$top=4&$skip=8");
  }

  @Test
  void skipPagingStopsOnAnEmptyPage() {
    List<String> requested = new ArrayList<>();
    ODataQuery q = ODataQuery.of(ODataDialect.V4).top(5);

    List<String> all =
        ODataPager.builder("https://h/odata/ArInvoice", q, skipOnlyServer(10, 5000, requested)).build().fetchAll();

    assertThat(all).hasSize(10);
    assertThat(requested).hasSize(3).last().isEqualTo("https://h/odata/ArInvoice?$top=5&$skip=10");
  }

  @Test
  void serverPageCapBelowTopNeedsShortPagesToContinue() {
    ODataQuery q = ODataQuery.of(ODataDialect.V4).top(10);
    List<String> requested = new ArrayList<>();

    List<String> stoppedEarly =
        ODataPager.builder("https://h/odata/ArInvoice", q, skipOnlyServer(23, 5, requested)).build().fetchAll();
    assertThat(stoppedEarly).hasSize(5);

    List<String> all =
        ODataPager.builder("https://h/odata/ArInvoice", q, skipOnlyServer(23, 5, new ArrayList<>()))
            .stopOnShortPage(false)
            .build()
            .fetchAll();
    assertThat(all).hasSize(23).doesNotHaveDuplicates();
  }

  @Test
  void emptyPageStopsEvenWithANextLink() {
    ScriptedServer server = new ScriptedServer().page(FIRST, List.of(), "BusinessPartners?$skip=20");
    assertThat(ODataPager.builder(COLLECTION, QUERY, server).build().fetchAll()).isEmpty();
    assertThat(server.requested).hasSize(1);
  }

  @Test
  void sameNextLinkTwiceIsAnError() {
    ScriptedServer server =
        new ScriptedServer()
            .page(FIRST, List.of("C1"), "BusinessPartners?$skip=1")
            .page(COLLECTION + "?$skip=1", List.of("C2"), "BusinessPartners?$skip=1");

    ODataPager<String> pager = ODataPager.builder(COLLECTION, QUERY, server).build();

    assertThatThrownBy(pager::fetchAll)
        .isInstanceOf(ODataPagingException.class)
        .hasMessage(
            "the server sent a next link to a page already fetched (" + COLLECTION
                + "?$skip=1): stopping to avoid an endless loop");
    assertThat(server.requested).hasSize(2);
  }

  @Test
  void nextLinkBackToTheFirstPageIsAnError() {
    ScriptedServer server = new ScriptedServer().page(FIRST, List.of("C1"), FIRST);
    assertThatThrownBy(() -> ODataPager.builder(COLLECTION, QUERY, server).build().fetchAll())
        .isInstanceOf(ODataPagingException.class);
  }

  @Test
  void maxPagesBoundsAnEndlessServer() {
    PageFetcher<String> endless = url -> ODataPage.of(List.of("x"), url + "x");
    ODataPager<String> pager = ODataPager.builder(COLLECTION, QUERY, endless).maxPages(3).build();
    assertThatThrownBy(pager::fetchAll)
        .isInstanceOf(ODataPagingException.class)
        .hasMessageStartingWith("stopped after 3 pages (maxPages)");
  }

  @Test
  void nextLinkModeIgnoresTopAndSkipModeIgnoresLinks() {
    ODataQuery q = ODataQuery.of(ODataDialect.V4).top(2);
    ScriptedServer noLink = new ScriptedServer().page("https://h/e?$top=2", List.of("a", "b"), null);
    assertThat(ODataPager.builder("https://h/e", q, noLink).mode(PagingMode.NEXT_LINK).build().fetchAll())
        .containsExactly("a", "b");

    ScriptedServer links =
        new ScriptedServer()
            .page("https://h/e?$top=2", List.of("a", "b"), "https://h/elsewhere")
            .page("https://h/e?$top=2&$skip=2", List.of("c"), "https://h/elsewhere");
    assertThat(ODataPager.builder("https://h/e", q, links).mode(PagingMode.SKIP).build().fetchAll())
        .containsExactly("a", "b", "c");
  }

  @Test
  void pagesAreLazyAndStreamable() {
    ScriptedServer server =
        new ScriptedServer()
            .page(FIRST, List.of("C1", "C2"), "BusinessPartners?$skip=2")
            .page(COLLECTION + "?$skip=2", List.of("C3"), null);
    ODataPager<String> pager = ODataPager.builder(COLLECTION, QUERY, server).build();

    assertThat(pager.stream().limit(2)).containsExactly("C1", "C2");
    assertThat(server.requested).hasSize(1);
    assertThat(pager.firstUrl()).isEqualTo(FIRST);
  }

  @Test
  void builderValidatesItsArguments() {
    assertThatThrownBy(() -> ODataPager.builder("/relative", QUERY, url -> null))
        .hasMessageStartingWith("collectionUrl must be an absolute http(s) URL");
    assertThatThrownBy(() -> ODataPager.builder(COLLECTION + "?$top=1", QUERY, url -> null))
        .hasMessageStartingWith("collectionUrl must not carry a query");
    assertThatThrownBy(() -> ODataPager.builder(COLLECTION, QUERY, url -> null).mode(PagingMode.SKIP).build())
        .hasMessage("PagingMode.SKIP needs $top on the query as the page size");
  }
}
