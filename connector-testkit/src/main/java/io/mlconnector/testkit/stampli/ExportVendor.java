package io.mlconnector.testkit.stampli;

import java.util.Objects;

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
    String code, String name, boolean active, String email, String phone, String currency, String terms) {
  public ExportVendor {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }
}
