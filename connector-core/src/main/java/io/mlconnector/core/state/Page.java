package io.mlconnector.core.state;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a query's results.
 *
 * @param items the items
 * @param nextPageToken pass it to the same query for the next page; null on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String nextPageToken) {
  /**
   * Checks the components.
   *
   * @param items the items
   * @param nextPageToken pass it to the same query for the next page; null on the last page
   */
  public Page {
    items = List.copyOf(items);
  }

  /**
   * Whether a further page exists: pass {@link #nextPageToken()} to fetch it.
   *
   * @return true when {@link #nextPageToken()} is not null
   */
  public boolean hasMore() {
    return nextPageToken != null;
  }
}
