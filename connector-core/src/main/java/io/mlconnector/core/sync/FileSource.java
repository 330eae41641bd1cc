package io.mlconnector.core.sync;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

/**
 * The source of a file flow (an SFTP drop folder, say). The engine lists files, waits until a
 * file is stable (same size and time on two looks, or a ready marker), dedupes it by content hash,
 * streams its documents, dedupes documents by natural key and archives the file only once every
 * document is DONE or parked.
 *
 * <p>A document's ref should be derived from its natural key, so that the same document read from
 * another file has the same ref; {@link #fetch} finds a document by that ref in the files not yet
 * archived (retries use it).
 *
 * @param <S> the document type
 */
public interface FileSource<S> extends RecordSource<S> {

  /**
   * The files waiting in the drop folder (not the archived ones).
   *
   * @return the files; empty when the folder is empty
   * @throws IOException when the folder cannot be listed
   */
  List<RemoteFile> list() throws IOException;

  /**
   * Opens a file for reading; the engine closes the stream.
   *
   * @param file a file from {@link #list()}
   * @return the file's content
   * @throws IOException when the file cannot be opened
   */
  InputStream open(RemoteFile file) throws IOException;

  /**
   * Parses a file's rows lazily; the engine closes the stream. Report a malformed row as {@link
   * FileRow#malformed} so the rest of the file goes on; an exception thrown from the stream stops
   * reading the file, which then stays in the folder.
   *
   * @param file the file being read
   * @param content its content, from {@link #open}
   * @return the rows, in file order
   * @throws IOException when the file cannot be read (it stays in the folder)
   */
  Stream<FileRow<S>> parse(RemoteFile file, InputStream content) throws IOException;

  /**
   * The document's natural key, for example vendor id + normalised invoice number.
   *
   * @param document a parsed document
   * @return the key; equal for the same document in two files
   */
  String naturalKey(S document);

  /**
   * Moves a fully processed file out of the drop folder.
   *
   * @param file the file, fully processed
   * @throws IOException when the file cannot be moved (it is archived again on the next run)
   */
  void archive(RemoteFile file) throws IOException;
}
