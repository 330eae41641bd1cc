package io.mlconnector.sapb1;

/** The Service Layer protocol version: {@code /b1s/v1} (OData V3) or {@code /b1s/v2} (OData V4). */
public enum ServiceLayerVersion {
  /** {@code /b1s/v1}: OData V3, {@code odata.nextLink}, number error codes with {@code {lang, value}}. */
  V1("v1"),
  /** {@code /b1s/v2}: OData V4, {@code @odata.nextLink}, {@code @odata.etag}, string error codes. */
  V2("v2");

  private final String segment;

  ServiceLayerVersion(String segment) {
    this.segment = segment;
  }

  /**
   * The path segment after {@code /b1s/}.
   *
   * @return {@code v1} or {@code v2}
   */
  public String segment() {
    return segment;
  }
}
