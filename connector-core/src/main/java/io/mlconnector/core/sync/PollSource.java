package io.mlconnector.core.sync;

/**
 * A source the engine reads in pages since a checkpoint. The source chooses how it detects
 * changes ({@link #changeDetection()}); the engine supports all three.
 *
 * @param <S> the record type
 */
public interface PollSource<S> extends RecordSource<S> {

  /** {@return how this source detects changes} */
  ChangeDetection changeDetection();

  /**
   * Reads the page {@code request} asks for.
   *
   * @param request where to resume and how many records to return
   * @return the records after the request's checkpoint, in change order, and where the next read
   *     starts
   * @throws io.mlconnector.core.error.ConnectorException when the remote call fails (the run stops
   *     without moving its checkpoint)
   */
  SourcePage<S> read(PollRequest request);

  /**
   * Orders two checkpoints of this source in change order. The engine uses it to never move a
   * checkpoint back while the first pages of a run re-read the overlap window. The default compares
   * values, then tie-breakers, as text: right for fixed-width timestamps and zero-padded numbers;
   * override it for other forms.
   *
   * @param a a checkpoint of this source
   * @param b another
   * @return negative, zero or positive as {@code a} comes before, with or after {@code b}
   */
  default int compare(Checkpoint a, Checkpoint b) {
    int byValue = a.value().compareTo(b.value());
    return byValue != 0 ? byValue : a.tieBreaker().compareTo(b.tieBreaker());
  }
}
