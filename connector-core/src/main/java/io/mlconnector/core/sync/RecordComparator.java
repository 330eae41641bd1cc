package io.mlconnector.core.sync;

import java.util.List;
import java.util.Objects;

/**
 * Compares the record a source maps to now with the target record as it stands, for
 * reconciliation. The default reports one {@code record} discrepancy when the two are not {@link
 * Object#equals equal}; pairs plug in a field-by-field comparator.
 *
 * @param <T> the target record type
 */
@FunctionalInterface
public interface RecordComparator<T> {

  /**
   * The disagreements; empty when the two agree.
   *
   * @param expected the record the source maps to now
   * @param actual the target record as the sink reads it
   * @return the disagreements; empty when the two agree
   */
  List<Discrepancy> compare(T expected, T actual);

  /**
   * Compares with {@code equals}.
   *
   * @param <T> the target record type
   * @return the comparator
   */
  static <T> RecordComparator<T> equality() {
    return (expected, actual) ->
        Objects.equals(expected, actual)
            ? List.of()
            : List.of(new Discrepancy("record", String.valueOf(expected), String.valueOf(actual)));
  }
}
