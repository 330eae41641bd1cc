package io.mlconnector.chargebee;

import java.util.List;

/**
 * One page of a list answer.
 *
 * @param items the resources, in the answer's order
 * @param nextOffset the opaque {@code next_offset} for the next page; null on the last page
 */
public record ChargebeePage(List<ChargebeeResource> items, String nextOffset) {
  /** Copies the list. */
  public ChargebeePage {
    items = List.copyOf(items);
  }

  /** Whether another page follows. */
  public boolean hasMore() {
    return nextOffset != null;
  }
}
