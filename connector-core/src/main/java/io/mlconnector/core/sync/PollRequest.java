package io.mlconnector.core.sync;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page read of a {@link PollSource}.
 *
 * <p>Return records ordered by (watermark value, tie-breaker). When {@link #overlap()} is zero,
 * return only records strictly after {@link #after()} in that order; when it is positive (the first
 * page of a run of a {@link ChangeDetection#MODIFIED_TIMESTAMP} source), return records whose
 * timestamp is at or after {@code after().value() - overlap()}: the engine skips the ones it has
 * done already.
 *
 * @param after where to resume, or null to start at the beginning
 * @param overlap how far before {@code after} to re-read; zero after the first page
 * @param pageSize the most records to return
 */
public record PollRequest(@Nullable Checkpoint after, Duration overlap, int pageSize) {
  /**
   * Checks that {@code overlap} is not negative and {@code pageSize} is positive.
   *
   * @param after where to resume, or null to start at the beginning
   * @param overlap how far before {@code after} to re-read; zero after the first page
   * @param pageSize the most records to return
   */
  public PollRequest {
    Objects.requireNonNull(overlap, "overlap");
    if (overlap.isNegative()) {
      throw new IllegalArgumentException("overlap must not be negative, was " + overlap);
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
    }
  }

  /**
   * True when reading from the very beginning.
   *
   * @return true when {@link #after()} is null
   */
  public boolean fromStart() {
    return after == null;
  }
}
