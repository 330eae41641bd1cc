package io.mlconnector.chargebee;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list answer.
 *
 * @param items the resources, in the answer's order
 * @param nextOffset the opaque {@code next_offset} for the next page; null on the last page
 */
public record ChargebeePage(List<ChargebeeResource> items, @Nullable String nextOffset) {
  /**
   * Copies the list.
   *
   * @param items the resources, in the answer's order
   * @param nextOffset the opaque {@code next_offset} for the next page; null on the last page
   */
  public ChargebeePage {
    items = List.copyOf(items);
  }

  /**
   * Whether another page follows.
   *
   * @return true when {@link #nextOffset()} is set
   */
  public boolean hasMore() {
    return nextOffset != null;
  }
}
