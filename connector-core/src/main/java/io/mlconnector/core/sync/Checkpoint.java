package io.mlconnector.core.sync;

import java.util.Objects;

/**
 * A position in a source's change order: a watermark value (modified timestamp, key, row version
 * or scan position) and a stable tie-breaker (usually the record id) that orders records sharing
 * one watermark value, each in the source's own text form ({@link PollSource#compare} orders
 * them).
 *
 * @param value the watermark value; never null
 * @param tieBreaker the tie-breaker of the last record at {@code value}, or empty
 */
public record Checkpoint(String value, String tieBreaker) {
  /**
   * Checks that {@code value} is set; a null {@code tieBreaker} becomes empty.
   *
   * @param value the watermark value; never null
   * @param tieBreaker the tie-breaker of the last record at {@code value}, or empty
   */
  public Checkpoint {
    Objects.requireNonNull(value, "value");
    tieBreaker = tieBreaker == null ? "" : tieBreaker;
  }

  /**
   * A checkpoint at {@code value} with tie-breaker {@code tieBreaker}.
   *
   * @param value the watermark value
   * @param tieBreaker the tie-breaker, or null for none
   * @return the checkpoint
   */
  public static Checkpoint of(String value, String tieBreaker) {
    return new Checkpoint(value, tieBreaker);
  }

  /** {@return the text saved as the store's cursor} */
  public String encode() {
    return value.length() + ":" + value + tieBreaker;
  }

  /**
   * Parses {@link #encode()}'s text.
   *
   * @param text a cursor saved from {@link #encode()}
   * @return the checkpoint
   * @throws IllegalArgumentException when {@code text} was not made by {@link #encode()}
   */
  public static Checkpoint decode(String text) {
    Objects.requireNonNull(text, "text");
    int colon = text.indexOf(':');
    try {
      int length = Integer.parseInt(text.substring(0, colon));
      return new Checkpoint(
          text.substring(colon + 1, colon + 1 + length), text.substring(colon + 1 + length));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a checkpoint: '" + text + "'", e);
    }
  }
}
