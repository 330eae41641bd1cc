package io.mlconnector.acumatica;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /entity} lists: the build and the endpoints the instance serves (without a
 * session, only the system endpoints).
 *
 * @param buildVersion {@code version.acumaticaBuildVersion}, or null
 * @param endpoints the endpoints
 */
public record Endpoints(@Nullable String buildVersion, List<Endpoint> endpoints) {

  /**
   * Copies the list.
   *
   * @param buildVersion {@code version.acumaticaBuildVersion}, or null
   * @param endpoints the endpoints
   */
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
  public record Endpoint(@Nullable String name, @Nullable String version, @Nullable String href) {}

  /**
   * The versions served under {@code name}, in the order listed.
   *
   * @param name the endpoint name, e.g. {@code Default}
   * @return the versions; empty when no endpoint has that name
   */
  public List<String> versionsOf(String name) {
    return endpoints.stream().filter(e -> e.name().equals(name)).map(Endpoint::version).toList();
  }

  /**
   * Whether {@code name}/{@code version} is served.
   *
   * @param name the endpoint name, e.g. {@code Default}
   * @param version the version, e.g. {@code 24.200.001}
   * @return true when the instance lists it
   */
  public boolean serves(String name, String version) {
    return versionsOf(name).contains(version);
  }
}
