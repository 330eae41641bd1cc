package io.mlconnector.syspro;

import io.mlconnector.core.codec.JsonFormatException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RequestOptions;
import io.mlconnector.core.http.TenantClient;
import io.mlconnector.core.http.TenantConfig;
import io.mlconnector.core.odata.ODataPage;
import io.mlconnector.core.odata.ODataPager;
import io.mlconnector.core.odata.ODataQuery;
import io.mlconnector.core.odata.PagingMode;
import io.mlconnector.syspro.internal.BasicAuth;
import io.mlconnector.syspro.internal.ODataRows;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Reads SYSPRO tables through the SYSPRO OData service (OData v4, HTTP Basic with the operator's
 * OData password). Entity set names come from the config's {@link ODataTable}s. Pages are capped at
 * the server's row cap (5,000 by default): {@code $top} is never sent larger, {@code $skip} pages
 * on, and a server {@code @odata.nextLink} is followed when present. Thread-safe.
 */
public final class SysproOData {

  private final SysproConfig config;
  private final TenantClient client;
  private final String serviceRoot;

  SysproOData(HttpTransport transport, SysproConfig config) {
    this.config = config;
    String root = config.odataServiceUrl.toString();
    this.serviceRoot = root.endsWith("/") ? root : root + "/";
    this.client =
        transport.newClient(
            // a key of its own per client: the transport keeps the first authenticator of a key,
            // and
            // a client built later with other credentials must not inherit an earlier one's
            TenantConfig.builder(
                    "syspro",
                    config.tenant,
                    config.credentialId + "/odata#" + UUID.randomUUID().toString().substring(0, 8))
                .baseUrl(serviceRoot)
                .sessionAuthenticator(new BasicAuth(config.odataUser, config.odataPassword))
                .errorDecoder(ODataRows.ERRORS)
                .logLevel(config.logLevel)
                .retryPolicy(config.retryPolicy)
                .build());
  }

  /**
   * The server's row cap as configured.
   *
   * @return the most rows one request asks for
   */
  public int rowCap() {
    return config.odataRowCap;
  }

  /**
   * The absolute URL of {@code table}'s entity set.
   *
   * @param table the table
   * @return the URL, without query
   */
  public String collectionUrl(ODataTable table) {
    Objects.requireNonNull(table, "table");
    return client.url(table.entitySet()).toString();
  }

  /**
   * One request: the page {@code query} asks for, with {@code $top} lowered to the row cap.
   *
   * @throws io.mlconnector.core.error.ConnectorException for HTTP and transport failures (401 is an
   *     {@link io.mlconnector.core.error.AuthenticationException}, a malformed filter a {@link
   *     io.mlconnector.core.error.RejectedException})
   * @param table the table to read
   * @param query the filter, order and page; a {@code $top} above the row cap is lowered to it
   * @return the page, with the link to the next one if the server gave it
   */
  public ODataPage<ODataRow> page(ODataTable table, ODataQuery query) {
    Objects.requireNonNull(query, "query");
    ODataQuery capped = cap(query);
    return fetch(capped.appendTo(collectionUrl(table)), table.entitySet());
  }

  /**
   * Every row {@code query} selects, page by page under the row cap.
   *
   * @param table the table to read
   * @param query the filter and order; without {@code $top}, pages are of the row cap
   * @return every row, in the order the server returned them
   * @throws io.mlconnector.core.error.ConnectorException for HTTP and transport failures
   */
  public List<ODataRow> readAll(ODataTable table, ODataQuery query) {
    Objects.requireNonNull(query, "query");
    ODataQuery capped = cap(query.top().isPresent() ? query : query.top(config.odataRowCap));
    return ODataPager.builder(collectionUrl(table), capped, url -> fetch(url, table.entitySet()))
        .mode(PagingMode.AUTO)
        .serviceRoot(serviceRoot)
        .stopOnShortPage(false)
        .build()
        .fetchAll();
  }

  private ODataQuery cap(ODataQuery query) {
    if (query.top().isPresent() && query.top().getAsInt() > config.odataRowCap) {
      return query.top(config.odataRowCap);
    }
    return query;
  }

  private ODataPage<ODataRow> fetch(String url, String entitySet) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + url);
    }
    Request request =
        new Request.Builder()
            .url(parsed)
            .get()
            .header("Accept", "application/json")
            .header("OData-Version", "4.0")
            .tag(
                RequestOptions.class,
                RequestOptions.builder().operation("OData GET " + entitySet).build())
            .build();
    String body = client.execute(request, r -> r.body() == null ? "" : r.body().string());
    try {
      return ODataPage.fromJson(body, ODataRows.ADAPTER);
    } catch (JsonFormatException e) {
      throw new TransientException(
          ErrorDetails.of("syspro", "OData GET " + entitySet)
              .withHttpStatus(200)
              .withRemote(null, "unreadable OData answer: " + e.getMessage()),
          e);
    }
  }

  @Override
  public String toString() {
    return "SysproOData{" + serviceRoot + '}';
  }
}
