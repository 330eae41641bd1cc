package io.mlconnector.core.mapping;

import io.mlconnector.core.model.ExternalRef;
import java.util.Optional;

/**
 * What a {@link Mapper} may read while it maps one record: ID mappings of referenced records and
 * the tenant's reference tables. Every lookup is scoped to {@link #tenant()}.
 */
public interface MappingContext {

  /** {@return the tenant of the record being mapped} */
  String tenant();

  /** {@return the flow the record runs in} */
  String flow();

  /** {@return the system the mapped record is written to, for example {@code stripe}} */
  String targetSystem();

  /** {@return the record being mapped} */
  ExternalRef source();

  /**
   * True when the engine runs in dry-run mode (nothing will be written).
   *
   * @return true when nothing will be written
   */
  boolean dryRun();

  /**
   * The target-side ref the referenced record {@code ref} was synced to in {@code targetSystem},
   * or empty when it is not synced (yet).
   *
   * @param ref the source-side ref of the referenced record
   * @param targetSystem the system it was synced to, for example {@code stripe}
   * @return the target-side ref; empty when not synced
   */
  Optional<ExternalRef> resolve(ExternalRef ref, String targetSystem);

  /**
   * Like {@link #resolve} but a missing mapping defers the record being mapped until {@code ref}
   * is synced (or syncs it on demand, when the flow says so).
   *
   * @param ref the source-side ref of the referenced record
   * @param targetSystem the system it was synced to
   * @return the target-side ref
   * @throws MappingDeferredException when {@code ref} is not mapped yet
   */
  default ExternalRef require(ExternalRef ref, String targetSystem) {
    return resolve(ref, targetSystem)
        .orElseThrow(() -> defer(ref, ref + " is not synced to " + targetSystem + " yet"));
  }

  /**
   * The record of {@code sourceSystem} that was synced to {@code target}, or empty when no mapping
   * names {@code target} with a source of that system. The way back from a target-side ref (a
   * Stripe invoice) to the source record it was made from (the ERP invoice).
   *
   * @param target the target-side ref
   * @param sourceSystem the system the record came from, for example {@code syspro}
   * @return the source record's ref; empty when no mapping names {@code target}
   */
  Optional<ExternalRef> sourceOf(ExternalRef target, String sourceSystem);

  /**
   * The value of {@code key} in the tenant's reference table {@code table}, or empty.
   *
   * @param table the reference table's name
   * @param key the key looked up
   * @return the value; empty when the table or key is absent
   */
  Optional<String> reference(String table, String key);

  /**
   * Like {@link #reference} but a missing entry refuses the record with a reason naming the table
   * and the key.
   *
   * @param table the reference table's name
   * @param key the key looked up
   * @return the value
   * @throws MappingRefusedException when the table has no such key
   */
  default String requireReference(String table, String key) {
    return reference(table, key)
        .orElseThrow(
            () ->
                refuse(
                    "reference table '" + table + "' of tenant " + tenant() + " has no entry for '"
                        + key + "'"));
  }

  /**
   * The exception to throw when {@code dependency} must be synced first: {@code throw
   * context.defer(customerRef, "customer not synced")}.
   *
   * @param dependency the record that must be synced first
   * @param reason why, for the record's status and logs
   * @return the exception, to throw
   */
  default MappingDeferredException defer(ExternalRef dependency, String reason) {
    return new MappingDeferredException(dependency, reason);
  }

  /**
   * The exception to throw when the record can never be mapped: {@code throw context.refuse(...)}.
   *
   * @param reason why the record cannot be mapped, for the parked record
   * @return the exception, to throw
   */
  default MappingRefusedException refuse(String reason) {
    return new MappingRefusedException(reason);
  }
}
