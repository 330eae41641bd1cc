package io.mlconnector.core.odata;

/**
 * Fetches one page of a collection: performs the GET of {@code url} with whatever HTTP client the
 * connector uses and returns the parsed page ({@link ODataPage#fromJson} does the parsing for
 * standard OData JSON). Exceptions propagate out of the {@link ODataPager} unchanged.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {
  /**
   * Fetches and parses the page at {@code url} (absolute, percent-encoded).
   *
   * @param url the page URL
   * @return the page, never null
   */
  ODataPage<T> fetch(String url);
}
