package io.mlconnector.sapb1;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of an incremental read ({@link SapB1Client#readChanges}).
 *
 * @param records the entities, in (UpdateDate, UpdateTime, key) order
 * @param next where the next read resumes (the last record's change time and key), or null when
 *     the page is empty
 * @param hasMore whether more records follow right away
 */
public record ChangePage(List<B1Entity> records, @Nullable Cursor next, boolean hasMore) {

  /**
   * Copies the list.
   *
   * @param records the entities, in (UpdateDate, UpdateTime, key) order
   * @param next where the next read resumes (the last record's change time and key), or null when
   *     the page is empty
   * @param hasMore whether more records follow right away
   */
  public ChangePage {
    records = List.copyOf(Objects.requireNonNull(records, "records"));
  }

  /**
   * A position in change order: the change time ({@code UpdateDate} + {@code UpdateTime}) and the
   * key of the last record read at that time.
   *
   * @param updated the change time, company local time
   * @param key the key ({@code DocEntry} or {@code CardCode}) as text, or empty
   */
  public record Cursor(LocalDateTime updated, String key) {
    /**
     * Checks the time is set.
     *
     * @param updated the change time, company local time
     * @param key the key as text; null is taken as empty
     */
    public Cursor {
      Objects.requireNonNull(updated, "updated");
      key = key == null ? "" : key;
    }
  }
}
