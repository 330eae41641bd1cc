package io.mlconnector.testkit.acumatica.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The fields of the simulated entities per endpoint version, extracted from the published
 * contracts (23.200.001 swagger, 24.200.001 OpenAPI); 22.200.001 is 23.200.001 without the fields
 * the reference lists as added in 23 ({@code SalesInvoice.LastModifiedDateTime}, {@code
 * Customer.Email}, ...). Types: string, decimal, boolean, int, datetime, guid, {@code link:X},
 * {@code details:X}.
 */
public final class Schemas {
  private final Map<String, Object> root;

  @SuppressWarnings("unchecked")
  public Schemas() {
    try (InputStream in = Schemas.class.getResourceAsStream("/io/mlconnector/testkit/acumatica/schemas.json")) {
      root = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("schemas.json missing", e);
    }
  }

  /** The versions with schemas. */
  public List<String> versions() {
    return List.of("22.200.001", "23.200.001", "24.200.001");
  }

  /** Field name to type of {@code entity} in {@code version}; empty when unknown. */
  @SuppressWarnings("unchecked")
  public Map<String, String> fields(String version, String entity) {
    Map<String, Object> v = (Map<String, Object>) root.get(version);
    if (v == null) {
      return Map.of();
    }
    Object e = v.get(entity);
    return e == null ? Map.of() : (Map<String, String>) e;
  }

  /** Whether {@code entity} is a top-level entity the simulator serves. */
  public boolean isTopLevel(String entity) {
    return List.of("Customer", "SalesInvoice", "Invoice", "Payment", "JournalTransaction", "Account")
        .contains(entity);
  }

  /** The contract actions ({@code /Entity/Action}). */
  @SuppressWarnings("unchecked")
  public List<String> actions() {
    return (List<String>) root.get("_actions");
  }
}
