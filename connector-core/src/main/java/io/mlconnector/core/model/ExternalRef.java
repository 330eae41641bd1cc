package io.mlconnector.core.model;

import java.util.Objects;

/**
 * Where a record lives: the remote system, the tenant (one ISV customer), the record type in that
 * system's own words and the system's id for it.
 *
 * @param system the remote system, lower case: {@code syspro}, {@code stripe}, {@code sap-b1} ...
 * @param tenant the tenant the record belongs to
 * @param type the record type in the remote system, for example {@code customer} or {@code invoice}
 * @param id the remote id
 */
public record ExternalRef(String system, String tenant, String type, String id) {

  /**
   * Checks that every field is set and not blank.
   *
   * @param system the remote system, lower case: {@code syspro}, {@code stripe}, {@code sap-b1} ...
   * @param tenant the tenant the record belongs to
   * @param type the record type in the remote system, for example {@code customer} or {@code
   *     invoice}
   * @param id the remote id
   */
  public ExternalRef {
    requireText(system, "system");
    requireText(tenant, "tenant");
    requireText(type, "type");
    requireText(id, "id");
  }

  /**
   * Shorthand for {@code new ExternalRef(system, tenant, type, id)}.
   *
   * @param system the remote system, lower case
   * @param tenant the tenant the record belongs to
   * @param type the record type in the remote system
   * @param id the remote id
   * @return the ref
   * @throws IllegalArgumentException if a field is blank
   */
  public static ExternalRef of(String system, String tenant, String type, String id) {
    return new ExternalRef(system, tenant, type, id);
  }

  /**
   * The same record type in the same system and tenant with another id.
   *
   * @param otherId the other remote id
   * @return the ref of that record
   */
  public ExternalRef withId(String otherId) {
    return new ExternalRef(system, tenant, type, otherId);
  }

  /**
   * {@return {@code system:type:id} (the tenant is left out: refs are always read within one
   * tenant)}
   */
  public String key() {
    return system + ':' + type + ':' + id;
  }

  @Override
  public String toString() {
    return tenant + '/' + key();
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
