package io.mlconnector.core.odata;

import io.mlconnector.core.odata.internal.UriText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every page of an OData collection through a {@link PageFetcher}, so it works with any
 * HTTP client. Pages are fetched lazily, one per {@link Iterator#next()}.
 *
 * <p>Moving on ({@link PagingMode}): a server next link ({@code odata.nextLink} in V3, {@code
 * &#64;odata.nextLink} in V4) is followed whether absolute or relative; a relative link is resolved
 * against the {@linkplain Builder#serviceRoot(String) service root} when one is set, else against
 * the URL of the page that carried it (RFC 3986). Without next links the pager falls back to
 * {@code $skip} paging with {@code $top} as the page size, advancing {@code $skip} by the number of
 * items received. Paging stops on an empty page, on a page without a next link (next-link paging)
 * and on a page shorter than {@code $top} ({@code $skip} paging, unless {@link
 * Builder#stopOnShortPage(boolean)} is off for servers that cap pages below {@code $top}, like
 * SYSPRO's 5,000-row cap).
 *
 * <p>Guards: a next link that points at a page already fetched fails with {@link
 * ODataPagingException} instead of looping forever, and so does going past {@link
 * Builder#maxPages(int)}. Some servers drop query options from next links (SAP B1 v1 fixtures show
 * {@code BusinessPartners?$skip=20}); {@link Builder#reapplyQueryOptions(boolean)} puts the
 * original {@code $filter}, {@code $select}, {@code $expand} and {@code $orderby} back when a link
 * lacks them.
 *
 * <p>A pager is immutable and may be iterated more than once; each iteration starts over.
 *
 * @param <T> the item type
 */
public final class ODataPager<T> implements Iterable<ODataPage<T>> {
  private static final Logger log = LoggerFactory.getLogger(ODataPager.class);
  private static final String[] REAPPLIED = {"$filter", "$select", "$expand", "$orderby"};

  private final String collectionUrl;
  private final ODataQuery query;
  private final PageFetcher<T> fetcher;
  private final PagingMode mode;
  private final String serviceRoot;
  private final boolean reapplyQueryOptions;
  private final boolean stopOnShortPage;
  private final int maxPages;

  private ODataPager(Builder<T> b) {
    this.collectionUrl = b.collectionUrl;
    this.query = b.query;
    this.fetcher = b.fetcher;
    this.mode = b.mode;
    this.serviceRoot = b.serviceRoot;
    this.reapplyQueryOptions = b.reapplyQueryOptions;
    this.stopOnShortPage = b.stopOnShortPage;
    this.maxPages = b.maxPages;
  }

  /**
   * A builder for a pager over the collection at {@code collectionUrl} (absolute, without query
   * options, for example {@code https://host:50000/b1s/v1/BusinessPartners}) with {@code query}.
   *
   * @param collectionUrl the collection's absolute URL, without query options
   * @param query the query of the first page
   * @param fetcher fetches and parses one page by URL
   * @param <T> the item type
   * @return a builder
   */
  public static <T> Builder<T> builder(String collectionUrl, ODataQuery query, PageFetcher<T> fetcher) {
    return new Builder<>(collectionUrl, query, fetcher);
  }

  /**
   * The URL of the first page.
   *
   * @return the collection URL with the query appended
   */
  public String firstUrl() {
    return query.appendTo(collectionUrl);
  }

  /** Pages in order, fetched lazily. */
  @Override
  public Iterator<ODataPage<T>> iterator() {
    return new Pages();
  }

  /**
   * All items of all pages in order, fetched lazily as the stream is consumed.
   *
   * @return the items of every page, in order
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
        .flatMap(page -> page.items().stream());
  }

  /**
   * Fetches every page and returns all items in order.
   *
   * @return every item of every page, in order; empty when the collection is
   */
  public List<T> fetchAll() {
    List<T> all = new ArrayList<>();
    for (ODataPage<T> page : this) {
      all.addAll(page.items());
    }
    return all;
  }

  private final class Pages implements Iterator<ODataPage<T>> {
    private final Set<String> fetched = new HashSet<>();
    private String nextUrl = firstUrl();
    private PagingMode current = mode;
    private int skip = query.skip();
    private int pages;

    @Override
    public boolean hasNext() {
      return nextUrl != null;
    }

    @Override
    public ODataPage<T> next() {
      if (nextUrl == null) {
        throw new NoSuchElementException("no more pages");
      }
      if (pages >= maxPages) {
        throw new ODataPagingException(
            "stopped after " + maxPages + " pages (maxPages) at " + UriText.strip(nextUrl));
      }
      String url = nextUrl;
      fetched.add(url);
      pages++;
      ODataPage<T> page = Objects.requireNonNull(fetcher.fetch(url), "PageFetcher returned null for " + url);
      nextUrl = following(url, page);
      log.debug(
          "OData page {} from {}: {} items, next {}",
          pages,
          UriText.strip(url),
          page.items().size(),
          nextUrl == null ? "none" : UriText.strip(nextUrl));
      return page;
    }

    private String following(String url, ODataPage<T> page) {
      if (page.items().isEmpty()) {
        return null;
      }
      if (current != PagingMode.SKIP && page.nextLink() != null) {
        current = PagingMode.NEXT_LINK;
        String next = UriText.resolve(serviceRoot != null ? serviceRoot : url, page.nextLink());
        if (reapplyQueryOptions) {
          next = reapply(next);
        }
        if (fetched.contains(next)) {
          throw new ODataPagingException(
              "the server sent a next link to a page already fetched ("
                  + UriText.strip(next)
                  + "): stopping to avoid an endless loop");
        }
        return next;
      }
      boolean skipPaging =
          current == PagingMode.SKIP || (current == PagingMode.AUTO && query.top().isPresent());
      if (!skipPaging) {
        return null;
      }
      current = PagingMode.SKIP;
      int pageSize = query.top().getAsInt();
      if (stopOnShortPage && page.items().size() < pageSize) {
        return null;
      }
      skip += page.items().size();
      return query.skip(skip).appendTo(collectionUrl);
    }

    private String reapply(String next) {
      Set<String> present = UriText.queryNames(next);
      Map<String, String> original = query.parameters();
      String result = next;
      for (String name : REAPPLIED) {
        String value = original.get(name);
        if (value != null && !present.contains(name.toLowerCase(Locale.ROOT))) {
          result = UriText.appendQuery(result, name + "=" + UriText.encodeQueryValue(value));
        }
      }
      return result;
    }
  }

  /** Builds an {@link ODataPager}. */
  public static final class Builder<T> {
    private final String collectionUrl;
    private final ODataQuery query;
    private final PageFetcher<T> fetcher;
    private PagingMode mode = PagingMode.AUTO;
    private String serviceRoot;
    private boolean reapplyQueryOptions;
    private boolean stopOnShortPage = true;
    private int maxPages = 100_000;

    private Builder(String collectionUrl, ODataQuery query, PageFetcher<T> fetcher) {
      Objects.requireNonNull(collectionUrl, "collectionUrl");
      if (!collectionUrl.matches("(?i)https?://.+")) {
        throw new IllegalArgumentException(
            "collectionUrl must be an absolute http(s) URL, was \"" + UriText.strip(collectionUrl) + '"');
      }
      if (collectionUrl.indexOf('?') >= 0) {
        throw new IllegalArgumentException(
            "collectionUrl must not carry a query; put options in the ODataQuery: " + UriText.strip(collectionUrl));
      }
      this.collectionUrl = collectionUrl;
      this.query = Objects.requireNonNull(query, "query");
      this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /**
     * How to move between pages (default {@link PagingMode#AUTO}).
     *
     * @param mode the paging mode
     * @return this builder
     */
    public Builder<T> mode(PagingMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * The service root relative next links are resolved against (SAP B1: {@code
     * https://host:50000/b1s/v1/}); by default they are resolved against the URL of the page that
     * carried them.
     *
     * @param serviceRoot an absolute http(s) URL; a missing trailing slash is added
     * @return this builder
     * @throws IllegalArgumentException when {@code serviceRoot} is not an absolute http(s) URL
     */
    public Builder<T> serviceRoot(String serviceRoot) {
      Objects.requireNonNull(serviceRoot, "serviceRoot");
      if (!serviceRoot.matches("(?i)https?://.+")) {
        throw new IllegalArgumentException(
            "serviceRoot must be an absolute http(s) URL, was \"" + UriText.strip(serviceRoot) + '"');
      }
      this.serviceRoot = serviceRoot.endsWith("/") ? serviceRoot : serviceRoot + "/";
      return this;
    }

    /**
     * Whether to put back {@code $filter/$select/$expand/$orderby} a next link lacks (default
     *     false).
     *
     * @param reapply true to put missing query options back on next links
     * @return this builder
     */
    public Builder<T> reapplyQueryOptions(boolean reapply) {
      this.reapplyQueryOptions = reapply;
      return this;
    }

    /**
     * Whether {@code $skip} paging stops at a page shorter than {@code $top} (default true).
     *
     * @param stop false to go on until a page is empty
     * @return this builder
     */
    public Builder<T> stopOnShortPage(boolean stop) {
      this.stopOnShortPage = stop;
      return this;
    }

    /**
     * The most pages one iteration may fetch before failing (default 100,000).
     *
     * @param maxPages the most pages per iteration; at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code maxPages} is less than 1
     */
    public Builder<T> maxPages(int maxPages) {
      if (maxPages < 1) {
        throw new IllegalArgumentException("maxPages must be at least 1, was " + maxPages);
      }
      this.maxPages = maxPages;
      return this;
    }

    /**
     * Builds the pager.
     *
     * @return the pager
     * @throws IllegalStateException when {@link PagingMode#SKIP} is chosen without {@code $top}
     */
    public ODataPager<T> build() {
      if (mode == PagingMode.SKIP && query.top().isEmpty()) {
        throw new IllegalStateException("PagingMode.SKIP needs $top on the query as the page size");
      }
      return new ODataPager<>(this);
    }
  }
}
