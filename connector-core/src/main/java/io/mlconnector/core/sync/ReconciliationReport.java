package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExternalRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a reconciliation found: one entry per source record checked.
 *
 * @param tenant the tenant
 * @param flow the flow
 * @param entries the entries, in the order checked
 */
public record ReconciliationReport(String tenant, String flow, List<Entry> entries) {
  /**
   * Copies {@code entries}.
   *
   * @param tenant the tenant
   * @param flow the flow
   * @param entries the entries, in the order checked
   */
  public ReconciliationReport {
    entries = List.copyOf(entries);
  }

  /** {@return the entries that are not {@link Verdict#MATCH}} */
  public List<Entry> disagreements() {
    return entries.stream().filter(e -> e.verdict() != Verdict.MATCH).toList();
  }

  /** How one pair compared. */
  public enum Verdict {
    /** Source and target agree. */
    MATCH,
    /** The source has no mapped target. */
    MISSING_TARGET,
    /** The mapping points at a target the sink no longer finds. */
    TARGET_GONE,
    /** The source record no longer exists. */
    SOURCE_GONE,
    /** Both exist and disagree; see the discrepancies. */
    DIFFERENT,
    /**
     * The pair could not be compared (mapping refused or deferred, sink cannot read, the source
     * record cannot be read).
     */
    UNCHECKED
  }

  /**
   * One source record's verdict.
   *
   * @param source the source record
   * @param target its mapped target, or null
   * @param verdict the verdict
   * @param discrepancies the disagreeing fields (for DIFFERENT)
   * @param note why UNCHECKED, or null
   */
  public record Entry(
      ExternalRef source,
      @Nullable ExternalRef target,
      Verdict verdict,
      List<Discrepancy> discrepancies,
      @Nullable String note) {
    /**
     * Copies {@code discrepancies}.
     *
     * @param source the source record
     * @param target its mapped target, or null
     * @param verdict the verdict
     * @param discrepancies the disagreeing fields (for DIFFERENT)
     * @param note why UNCHECKED, or null
     */
    public Entry {
      discrepancies = List.copyOf(discrepancies);
    }
  }
}
