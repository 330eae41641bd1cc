package io.mlconnector.integrations.internal.payables;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.FileRow;
import io.mlconnector.core.sync.FileSource;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.RemoteFile;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps vendors syncing both ways from bouncing: every vendor write records a fingerprint of what
 * was written in the mapping's attributes; a vendor read back on the other side whose fingerprint
 * equals the one written there is the echo of that write and is dropped. The fingerprint holds the
 * fields that survive both systems (name, cut to 50 characters and case-folded, and active).
 */
public final class Echoes {
  private static final Logger log = LoggerFactory.getLogger(Echoes.class);
  /** The mapping attribute holding the fingerprint of the written vendor. */
  public static final String ATTR = "vendor-fingerprint";

  private Echoes() {}

  /** The fingerprint of a vendor. */
  public static String fingerprint(Vendor v) {
    String name = v.name().strip();
    name = name.length() > 50 ? name.substring(0, 50) : name;
    return name.toLowerCase(Locale.ROOT) + "|" + v.active();
  }

  static boolean isEcho(StateStore store, Vendor v) {
    Optional<Mapping> m = store.mappingByTarget(v.ref());
    boolean echo = m.isPresent() && fingerprint(v).equals(m.get().attributes().get(ATTR));
    if (echo) {
      log.debug("vendor {} is the echo of {}; not synced back", v.ref(), m.get().source());
    }
    return echo;
  }

  /** A sink recording the fingerprint of each vendor it writes. */
  public static Sink<Vendor> recording(Sink<Vendor> sink) {
    return new Sink<>() {
      @Override
      public String system() {
        return sink.system();
      }

      private WriteResult with(WriteResult r, Vendor v) {
        Map<String, String> a = new HashMap<>(r.attributes());
        a.put(ATTR, fingerprint(v));
        return new WriteResult(r.target(), a, r.operationKey());
      }

      @Override
      public WriteResult create(Vendor record, WriteContext context) {
        return with(sink.create(record, context), record);
      }

      @Override
      public WriteResult update(ExternalRef target, Vendor record, WriteContext context) {
        return with(sink.update(target, record, context), record);
      }

      @Override
      public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
        return sink.findByStamp(source, context);
      }
    };
  }

  /** A poll source of vendors without the echoes of vendors written into this system. */
  public static PollSource<Vendor> filtered(PollSource<Vendor> source, StateStore store) {
    return new PollSource<>() {
      @Override
      public io.mlconnector.core.sync.ChangeDetection changeDetection() {
        return source.changeDetection();
      }

      @Override
      public SourcePage<Vendor> read(PollRequest request) {
        SourcePage<Vendor> page = source.read(request);
        List<Vendor> kept = page.records().stream().filter(v -> !isEcho(store, v)).toList();
        return new SourcePage<>(kept, page.next(), page.hasMore(), page.unreadable());
      }

      @Override
      public int compare(io.mlconnector.core.sync.Checkpoint a, io.mlconnector.core.sync.Checkpoint b) {
        return source.compare(a, b);
      }

      @Override
      public Optional<Vendor> fetch(ExternalRef ref) {
        return source.fetch(ref);
      }
    };
  }

  /** A file source of vendors without the echoes of vendors written into this system. */
  public static FileSource<Vendor> filtered(FileSource<Vendor> source, StateStore store) {
    return new FileSource<>() {
      @Override
      public List<RemoteFile> list() throws IOException {
        return source.list();
      }

      @Override
      public InputStream open(RemoteFile file) throws IOException {
        return source.open(file);
      }

      @Override
      public Stream<FileRow<Vendor>> parse(RemoteFile file, InputStream content) throws IOException {
        return source.parse(file, content).filter(r -> r.document() == null || !isEcho(store, r.document()));
      }

      @Override
      public String naturalKey(Vendor document) {
        return source.naturalKey(document);
      }

      @Override
      public void archive(RemoteFile file) throws IOException {
        source.archive(file);
      }

      @Override
      public Optional<Vendor> fetch(ExternalRef ref) {
        return source.fetch(ref);
      }
    };
  }
}
