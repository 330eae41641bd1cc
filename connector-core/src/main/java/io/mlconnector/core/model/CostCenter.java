package io.mlconnector.core.model;

/**
 * A cost centre (department) that invoice and journal lines are charged to.
 *
 * @param ref where the cost centre lives
 * @param version the version of this state of the cost centre
 * @param code the code people use
 * @param name the name
 * @param active whether it may be charged
 * @param extensions system-specific extras
 */
public record CostCenter(
    ExternalRef ref,
    String version,
    String code,
    String name,
    boolean active,
    Extensions extensions)
    implements CanonicalRecord {

  /**
   * Validates the fields.
   *
   * @param ref where the cost centre lives
   * @param version the version of this state of the cost centre
   * @param code the code people use
   * @param name the name
   * @param active whether it may be charged
   * @param extensions system-specific extras
   */
  public CostCenter {
    String what = Checks.identity(ref, version, "CostCenter");
    Checks.text(code, what + " code");
    Checks.text(name, what + " name");
    extensions = Checks.extensions(extensions);
  }

  /**
   * An active cost centre with no extensions.
   *
   * @param ref where the cost centre lives
   * @param version the version of this state
   * @param code the cost centre code
   * @param name its name
   * @return the cost centre
   */
  public static CostCenter of(ExternalRef ref, String version, String code, String name) {
    return new CostCenter(ref, version, code, name, true, null);
  }
}
