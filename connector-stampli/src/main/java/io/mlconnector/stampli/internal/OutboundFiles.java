package io.mlconnector.stampli.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.FileRow;
import io.mlconnector.core.sync.FileSource;
import io.mlconnector.core.sync.RemoteFile;
import io.mlconnector.stampli.Entity;
import io.mlconnector.stampli.ListedFile;
import io.mlconnector.stampli.Listing;
import io.mlconnector.stampli.SftpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound files of one entity as a {@link FileSource}: listed, opened and archived through the
 * {@link SftpClient} (a connection per operation, always closed), parsed by the tenant's template.
 * A file that stops parsing (not well-formed) is taken as still being written and retried; after
 * {@code notWellFormedLooks} looks at the same size and time its unreadable rest is parked with the
 * reason. A file left in place (no archive folder, or a read-only outbound folder) is not listed
 * again by this process once processed.
 *
 * @param <S> the document type
 */
public final class OutboundFiles<S> implements FileSource<S> {
  private static final Logger log = LoggerFactory.getLogger(OutboundFiles.class);

  /** Parses one file. */
  @FunctionalInterface
  public interface Parser<S> {
    /** The rows of a file. */
    Stream<FileRow<S>> parse(String name, InputStream in) throws IOException;
  }

  private final SftpClient client;
  private final Entity entity;
  private final Parser<S> parser;
  private final Function<S, String> naturalKey;
  private final Function<S, ExternalRef> refOf;
  private final Map<String, ListedFile> listed = new ConcurrentHashMap<>();
  private final Map<String, Integer> failedLooks = new ConcurrentHashMap<>();
  private final Set<String> leftInPlace = ConcurrentHashMap.newKeySet();

  /** Files of {@code entity}. */
  public OutboundFiles(SftpClient client, Entity entity, Parser<S> parser, Function<S, String> naturalKey,
      Function<S, ExternalRef> refOf) {
    this.client = client;
    this.entity = entity;
    this.parser = parser;
    this.naturalKey = naturalKey;
    this.refOf = refOf;
  }

  private static String look(ListedFile f) {
    return f.name() + '|' + f.size() + '|' + f.modifiedAt().getEpochSecond();
  }

  @Override
  public List<RemoteFile> list() throws IOException {
    Listing listing = client.list();
    for (Listing.Refusal r : listing.refused()) {
      log.warn("refused {} in {}: {}", r.name(), client.config().outbound(), r.reason());
    }
    List<RemoteFile> out = new ArrayList<>();
    for (ListedFile f : listing.of(entity)) {
      if (leftInPlace.contains(look(f))) {
        continue;
      }
      listed.put(f.name(), f);
      out.add(new RemoteFile(f.name(), f.size(), f.modifiedAt(), f.readyMarker()));
    }
    return out;
  }

  private ListedFile listed(RemoteFile file) {
    ListedFile f = listed.get(file.name());
    if (f == null || f.size() != file.size() || !f.modifiedAt().equals(file.modifiedAt())) {
      return new ListedFile(file.name(), client.config().outbound() + "/" + file.name(), entity, file.size(),
          file.modifiedAt(), file.readyMarker());
    }
    return f;
  }

  @Override
  public InputStream open(RemoteFile file) throws IOException {
    try {
      return client.read(listed(file));
    } catch (RuntimeException e) {
      throw new IOException("opening " + file.name() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Stream<FileRow<S>> parse(RemoteFile file, InputStream content) throws IOException {
    Stream<FileRow<S>> rows = parser.parse(file.name(), content);
    Iterator<FileRow<S>> it = rows.iterator();
    String key = look(listed(file));
    int limit = client.config().notWellFormedLooks();
    Iterator<FileRow<S>> guarded = new Iterator<>() {
      private int lastLine;
      private boolean done;
      private FileRow<S> tail;

      @Override
      public boolean hasNext() {
        if (tail != null) {
          return true;
        }
        if (done) {
          return false;
        }
        try {
          return it.hasNext();
        } catch (IllegalStateException | UncheckedIOException e) {
          int looks = failedLooks.merge(key, 1, Integer::sum);
          if (looks < limit) {
            throw new IllegalStateException("file " + file.name() + " cannot be read on after line " + lastLine
                + " (look " + looks + " of " + limit + "; taken as still being written): " + e.getMessage(), e);
          }
          done = true;
          tail = FileRow.malformed(lastLine + 1, "file " + file.name() + " cannot be read on after line " + lastLine
              + ", unchanged over " + looks + " looks: " + e.getMessage() + "; the rest of the file is parked");
          return true;
        }
      }

      @Override
      public FileRow<S> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (tail != null) {
          FileRow<S> t = tail;
          tail = null;
          return t;
        }
        FileRow<S> r = it.next();
        lastLine = Math.max(lastLine, r.line());
        return r;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(guarded, Spliterator.ORDERED), false)
        .onClose(rows::close);
  }

  @Override
  public String naturalKey(S document) {
    return naturalKey.apply(document);
  }

  @Override
  public void archive(RemoteFile file) throws IOException {
    ListedFile f = listed(file);
    try {
      if (!client.archive(f)) {
        leftInPlace.add(look(f));
        log.info("{} processed and left in place ({})", f.path(),
            client.config().outboundReadOnly() ? "outbound is read-only" : "no archive folder");
      }
      listed.remove(file.name());
      failedLooks.remove(look(f));
    } catch (RuntimeException e) {
      throw new IOException("archiving " + file.name() + " failed: " + e.getMessage(), e);
    }
  }

  /** Finds a document by ref in the files still in the folder (the newest file wins). */
  @Override
  public Optional<S> fetch(ExternalRef ref) {
    try {
      List<ListedFile> files = new ArrayList<>(client.list().of(entity));
      java.util.Collections.reverse(files);
      for (ListedFile f : files) {
        try (InputStream in = client.read(f); Stream<FileRow<S>> rows = parser.parse(f.name(), in)) {
          Optional<S> hit = rows.map(FileRow::document).filter(d -> d != null && ref.equals(refOf.apply(d))).findFirst();
          if (hit.isPresent()) {
            return hit;
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("fetching " + ref + " from the outbound files failed", e);
    }
  }
}
