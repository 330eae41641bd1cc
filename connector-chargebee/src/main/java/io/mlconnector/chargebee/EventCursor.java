package io.mlconnector.chargebee;

import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Where the events backstop stands, as the engine saves it: {@code <watermark>} between reads (the
 * latest {@code occurred_at} read, Unix seconds; what cursors of earlier versions hold too), or
 * {@code <watermark>;<after>;<query>;<offset>} while a read has more pages: the read's {@code
 * occurred_at[after]}, a key of its event types, and Chargebee's {@code next_offset} (opaque,
 * last, so any character it holds is kept).
 *
 * @param watermark the latest {@code occurred_at} read so far
 * @param after the {@code occurred_at[after]} of the read in progress; unused between reads
 * @param query the key of the read's event types ({@link #queryKey}); empty between reads
 * @param offset Chargebee's offset of the read's next page; null between reads
 */
record EventCursor(long watermark, long after, String query, @Nullable String offset) {

  /** The cursor before the first read: the look-back's start as watermark. */
  static EventCursor first(long since) {
    return done(since);
  }

  /** Between reads, at {@code watermark}. */
  static EventCursor done(long watermark) {
    return new EventCursor(watermark, 0, "", null);
  }

  /** True while a read has more pages. */
  boolean inProgress() {
    return offset != null;
  }

  /**
   * The cursor {@code text} says.
   *
   * @throws IllegalArgumentException when it is not one this class wrote
   */
  static EventCursor parse(String text) {
    try {
      String[] parts = text.split(";", 4);
      if (parts.length == 1) {
        return done(Long.parseLong(parts[0]));
      }
      if (parts.length == 4 && !parts[3].isEmpty()) {
        return new EventCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2], parts[3]);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("not a Chargebee events cursor: " + text);
  }

  /** A short key of a set of event types: equal sets, equal keys, whatever their order. */
  static String queryKey(Set<String> types) {
    return Integer.toHexString(String.join(",", new TreeSet<>(types)).hashCode());
  }

  @Override
  public String toString() {
    return offset == null ? Long.toString(watermark) : watermark + ";" + after + ";" + query + ";" + offset;
  }
}
