package io.mlconnector.core.sync;

/**
 * A source the engine reads in pages since a checkpoint. The source chooses how it detects
 * changes ({@link #changeDetection()}); the engine supports all three.
 *
 * @param <S> the record type
 */
public interface PollSource<S> extends RecordSource<S> {

  /** How this source detects changes. */
  ChangeDetection changeDetection();

  /**
   * Reads the page {@code request} asks for.
   *
   * @throws io.mlconnector.core.error.ConnectorException when the remote call fails (the run stops
   *     without moving its checkpoint)
   */
  SourcePage<S> read(PollRequest request);
}
