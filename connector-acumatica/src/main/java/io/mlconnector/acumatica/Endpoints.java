package io.mlconnector.acumatica;

import java.util.List;
import java.util.Objects;

/**
 * What {@code GET /entity} lists: the build and the endpoints the instance serves (without a
 * session, only the system endpoints).
 *
 * @param buildVersion {@code version.acumaticaBuildVersion}, or null
 * @param endpoints the endpoints
 */
public record Endpoints(String buildVersion, List<Endpoint> endpoints) {

  /** Copies the list. */
  public Endpoints {
    endpoints = List.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
  }

  /**
   * One endpoint.
   *
   * @param name {@code Default} or a custom endpoint's name
   * @param version its version
   * @param href its path
   */
  public record Endpoint(String name, String version, String href) {}

  /** The versions served under {@code name}, in the order listed. */
  public List<String> versionsOf(String name) {
    return endpoints.stream().filter(e -> e.name().equals(name)).map(Endpoint::version).toList();
  }

  /** Whether {@code name}/{@code version} is served. */
  public boolean serves(String name, String version) {
    return versionsOf(name).contains(version);
  }
}
