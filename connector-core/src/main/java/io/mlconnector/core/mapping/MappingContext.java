package io.mlconnector.core.mapping;

import io.mlconnector.core.model.ExternalRef;
import java.util.Optional;

/**
 * What a {@link Mapper} may read while it maps one record: ID mappings of referenced records and
 * the tenant's reference tables. Every lookup is scoped to {@link #tenant()}.
 */
public interface MappingContext {

  /** The tenant of the record being mapped. */
  String tenant();

  /** The flow the record runs in. */
  String flow();

  /** The system the mapped record is written to, for example {@code stripe}. */
  String targetSystem();

  /** The record being mapped. */
  ExternalRef source();

  /** True when the engine runs in dry-run mode (nothing will be written). */
  boolean dryRun();

  /**
   * The target-side ref the referenced record {@code ref} was synced to in {@code targetSystem},
   * or empty when it is not synced (yet).
   */
  Optional<ExternalRef> resolve(ExternalRef ref, String targetSystem);

  /**
   * Like {@link #resolve} but a missing mapping defers the record being mapped until {@code ref}
   * is synced (or syncs it on demand, when the flow says so).
   *
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
   */
  Optional<ExternalRef> sourceOf(ExternalRef target, String sourceSystem);

  /** The value of {@code key} in the tenant's reference table {@code table}, or empty. */
  Optional<String> reference(String table, String key);

  /**
   * Like {@link #reference} but a missing entry refuses the record with a reason naming the table
   * and the key.
   *
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
   */
  default MappingDeferredException defer(ExternalRef dependency, String reason) {
    return new MappingDeferredException(dependency, reason);
  }

  /** The exception to throw when the record can never be mapped: {@code throw context.refuse(...)}. */
  default MappingRefusedException refuse(String reason) {
    return new MappingRefusedException(reason);
  }
}
