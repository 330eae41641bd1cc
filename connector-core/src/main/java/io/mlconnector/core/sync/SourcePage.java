package io.mlconnector.core.sync;

import java.util.List;
import java.util.Objects;

/**
 * A page of records read by a {@link PollSource}, in change order.
 *
 * @param records the records
 * @param next the checkpoint just after the last record read, readable or not (its watermark value
 *     and tie-breaker); the engine saves it once every record of the page is durable or parked.
 *     Null when the page is empty.
 * @param hasMore true when another page follows right away
 * @param unreadable the records of this page the source read but could not turn into canonical
 *     records, each with its reason; the engine parks them and goes on (see {@link
 *     UnreadableRecord})
 * @param <S> the record type
 */
public record SourcePage<S>(
    List<S> records, Checkpoint next, boolean hasMore, List<UnreadableRecord> unreadable) {

  /**
   * Copies the lists; a page with any record, readable or not, must say where the next one starts.
   *
   * @param records the records
   * @param next the checkpoint just after the last record read, readable or not (its watermark
   *     value and tie-breaker); the engine saves it once every record of the page is durable or
   *     parked. Null when the page is empty.
   * @param hasMore true when another page follows right away
   * @param unreadable the records of this page the source read but could not turn into canonical
   *     records, each with its reason; the engine parks them and goes on (see {@link
   *     UnreadableRecord})
   */
  public SourcePage {
    records = List.copyOf(Objects.requireNonNull(records, "records"));
    unreadable = List.copyOf(Objects.requireNonNull(unreadable, "unreadable"));
    if ((!records.isEmpty() || !unreadable.isEmpty()) && next == null) {
      throw new IllegalArgumentException("next must be set on a page with records");
    }
  }

  /**
   * A page whose every record could be read.
   *
   * @param records the records
   * @param next the checkpoint just after the last record; null when the page is empty
   * @param hasMore true when another page follows right away
   */
  public SourcePage(List<S> records, Checkpoint next, boolean hasMore) {
    this(records, next, hasMore, List.of());
  }

  /**
   * The last, empty page.
   *
   * @param <S> the record type
   * @return a page with no records, no checkpoint and nothing more
   */
  public static <S> SourcePage<S> empty() {
    return new SourcePage<>(List.of(), null, false);
  }
}
