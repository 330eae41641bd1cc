package io.mlconnector.testkit.stampli;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A vendor as Stampli's vendor export carries it.
 *
 * @param code the ERP vendor code
 * @param name the name
 * @param active whether the vendor is active
 * @param email the e-mail, or null
 * @param phone the phone, or null
 * @param currency the ISO currency, or null
 * @param terms the payment terms code, or null
 */
public record ExportVendor(
    String code,
    String name,
    boolean active,
    @Nullable String email,
    @Nullable String phone,
    @Nullable String currency,
    @Nullable String terms) {

  /**
   * Checks the code and name.
   *
   * @param code the ERP vendor code
   * @param name the name
   * @param active whether the vendor is active
   * @param email the e-mail, or null
   * @param phone the phone, or null
   * @param currency the ISO currency, or null
   * @param terms the payment terms code, or null
   */
  public ExportVendor {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }
}
