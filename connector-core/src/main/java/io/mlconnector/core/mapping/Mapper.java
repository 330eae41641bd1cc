package io.mlconnector.core.mapping;

import org.jspecify.annotations.Nullable;

/**
 * Turns one source record into the record to write to the target system.
 *
 * <p>A mapper is a pure function of the source record and what its {@link MappingContext} reads:
 * it never calls a remote system itself. When a referenced record is not synced yet it throws
 * {@link MappingContext#defer}; when the record can never be mapped (a missing GL account, an
 * unsupported currency) it throws {@link MappingContext#refuse} with a reason a person can act on.
 *
 * @param <S> the source record type
 * @param <T> the target record type
 */
@FunctionalInterface
public interface Mapper<S, T> {

  /**
   * Maps {@code source}.
   *
   * @param source the source record
   * @param context the tenant, flow and ref lookups of this record
   * @return the record to write; never null
   * @throws MappingDeferredException when a dependency is not mapped yet (try again later)
   * @throws MappingRefusedException when the record can never be mapped (park it)
   */
  T map(S source, MappingContext context);

  /**
   * Creates mappers for the pairs it knows and returns null for the others, so that factories
   * chain: the registry asks each in turn and takes the first non-null answer.
   */
  @FunctionalInterface
  interface Factory {
    /**
     * A mapper from {@code sourceType} to {@code targetType} for {@code tenant}, or null when this
     * factory does not handle the pair.
     *
     * @param sourceType the class of the records mapped
     * @param targetType the class the mapper returns
     * @param tenant the tenant the mapper serves
     * @return the mapper; null when this factory does not handle the pair
     */
    @Nullable Mapper<?, ?> create(Class<?> sourceType, Class<?> targetType, String tenant);
  }
}
