package io.mlconnector.testkit.syspro;

/**
 * How the OData face pages results larger than its row cap. The reference gives a 5,000-row cap per
 * request but does not confirm whether SYSPRO emits {@code @odata.nextLink}; both are available.
 */
public enum ODataPaging {
  /** Pages are silently cut at the cap; the client pages with {@code $skip}/{@code $top}. */
  CAP_ONLY,
  /** Pages are cut at the cap and carry {@code @odata.nextLink} while rows remain. */
  NEXT_LINK
}
