package io.mlconnector.core.sync;

import org.jspecify.annotations.Nullable;

/**
 * One row of a parsed file: a document, or the reason the row could not be read. A malformed row
 * is parked (audited with the file name, line and reason) and the rest of the file goes on.
 *
 * @param line the 1-based line (or record) number in the file
 * @param document the document, or null when the row is malformed
 * @param error why the row is malformed, naming the bad field; null for a document
 * @param <S> the document type
 */
public record FileRow<S>(int line, @Nullable S document, @Nullable String error) {
  /**
   * Checks that exactly one of {@code document} and {@code error} is set.
   *
   * @param line the 1-based line (or record) number in the file
   * @param document the document, or null when the row is malformed
   * @param error why the row is malformed, naming the bad field; null for a document
   */
  public FileRow {
    if ((document == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of document and error must be set");
    }
  }

  /**
   * A well-formed row.
   *
   * @param <S> the document type
   * @param line the 1-based line number
   * @param document the document
   * @return the row
   */
  public static <S> FileRow<S> of(int line, S document) {
    return new FileRow<>(line, document, null);
  }

  /**
   * A malformed row.
   *
   * @param <S> the document type
   * @param line the 1-based line number
   * @param error why the row is malformed, naming the bad field
   * @return the row
   */
  public static <S> FileRow<S> malformed(int line, String error) {
    return new FileRow<>(line, null, error);
  }
}
