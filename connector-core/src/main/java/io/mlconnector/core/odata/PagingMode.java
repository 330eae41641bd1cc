package io.mlconnector.core.odata;

/** How an {@link ODataPager} moves from one page to the next. */
public enum PagingMode {
  /**
   * Follow server next links while the server sends them; when the first page comes without one
   * and the query has {@code $top}, page with {@code $skip} instead. The default: it suits
   * servers that page for the client (SAP B1) and servers that only honour {@code $top}/{@code
   * $skip} (SYSPRO OData, Acumatica).
   */
  AUTO,
  /** Follow next links only; a page without one is the last. */
  NEXT_LINK,
  /** Ignore next links; advance {@code $skip} by the items received until a page is empty or short. */
  SKIP
}
