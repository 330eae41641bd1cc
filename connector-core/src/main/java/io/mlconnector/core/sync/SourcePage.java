package io.mlconnector.core.sync;

import java.util.List;
import java.util.Objects;

/**
 * A page of records read by a {@link PollSource}, in change order.
 *
 * @param records the records
 * @param next the checkpoint just after the last record (its watermark value and tie-breaker); the
 *     engine saves it once every record of the page is durable. Null when the page is empty.
 * @param hasMore true when another page follows right away
 * @param <S> the record type
 */
public record SourcePage<S>(List<S> records, Checkpoint next, boolean hasMore) {
  public SourcePage {
    records = List.copyOf(Objects.requireNonNull(records, "records"));
    if (!records.isEmpty() && next == null) {
      throw new IllegalArgumentException("next must be set on a page with records");
    }
  }

  /** The last, empty page. */
  public static <S> SourcePage<S> empty() {
    return new SourcePage<>(List.of(), null, false);
  }
}
