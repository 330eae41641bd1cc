package io.mlconnector.core.sync.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.SeenFile;
import io.mlconnector.core.state.spi.StateStoreSpi;
import io.mlconnector.core.state.StateStoreException;
import io.mlconnector.core.sync.FileRow;
import io.mlconnector.core.sync.FileSource;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.RemoteFile;
import io.mlconnector.core.sync.RunInfo;
import io.mlconnector.core.sync.internal.FlowRun.Doc;
import io.mlconnector.core.sync.internal.FlowRun.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The input of a file flow: stable files, hash dedup, rows streamed, natural-key dedup, archive after posting. */
final class FileInput<S, T> implements RunInput {
  private static final Logger log = LoggerFactory.getLogger(FlowRun.class);

  private final FlowRun<S, T> run;
  private final EngineCore core;
  private final StateStoreSpi store;
  private final TenantFlow<S, T> tf;
  private final Flow<S, T> flow;
  private final String tenant;
  private final RunInfo info;
  private final boolean dryRun;
  private final FlowRun.Counters counters;

  FileInput(FlowRun<S, T> run) {
    this.run = run;
    this.core = run.core;
    this.store = run.store;
    this.tf = run.tf;
    this.flow = run.flow;
    this.tenant = run.tenant;
    this.info = run.info;
    this.dryRun = run.dryRun;
    this.counters = run.counters;
  }

  @Override
  public void run() {
    files();
  }


  void files() {
    FileSource<S> source = (FileSource<S>) tf.source();
    List<RemoteFile> files;
    try {
      files = new ArrayList<>(source.list());
    } catch (IOException e) {
      throw new UncheckedIOException("listing files failed", e);
    }
    files.sort(Comparator.comparing(RemoteFile::name));
    for (RemoteFile file : files) {
      run.checkContinue();
      if (!core.stable(tenant, flow.name(), file)) {
        log.debug("file {} not stable yet", file.name());
        continue;
      }
      try {
        processFile(source, file);
      } catch (IOException e) {
        throw new UncheckedIOException("reading file " + file.name() + " failed", e);
      }
    }
  }

  void processFile(FileSource<S> source, RemoteFile file) throws IOException {
    String hash = Hashing.digest(source.open(file));
    Optional<SeenFile> seen = store.file(tenant, flow.name(), hash);
    if (seen.isPresent() && seen.get().status() == SeenFile.Status.ARCHIVED) {
      log.info("file {} has the content of {} already processed; archiving it", file.name(),
          seen.get().name());
      if (!dryRun) {
        source.archive(file);
        core.forgetLook(tenant, flow.name(), file.name());
        core.listener.fileArchived(info, file.name());
      }
      return;
    }
    if (seen.isEmpty() && !dryRun) {
      store.recordFile(
          new SeenFile(tenant, flow.name(), hash, file.name(), SeenFile.Status.PROCESSING, run.now()));
    }
    AtomicBoolean allFinal = new AtomicBoolean(true);
    try (InputStream in = source.open(file);
        Stream<FileRow<S>> rows = source.parse(file, in)) {
      Iterator<FileRow<S>> it = rows.iterator();
      List<S> chunk = new ArrayList<>();
      while (true) {
        boolean more;
        try {
          more = it.hasNext();
          if (more) {
            FileRow<S> row = it.next();
            if (row.document() != null) {
              chunk.add(row.document());
            } else {
              parkRow(file, hash, "file " + file.name() + " line " + row.line() + ": " + row.error());
            }
          }
        } catch (RuntimeException e) {
          if (e instanceof StopRun || e instanceof StateStoreException) {
            throw e;
          }
          allFinal.set(false);
          String reason = "file " + file.name() + " cannot be read on: " + run.writes.describe(e);
          log.warn(reason);
          if (!dryRun) {
            store.audit(run.writes.audit(null, null, "parse-file", AuditEntry.Outcome.FAILED, reason, hash));
          }
          more = false;
        }
        if (chunk.size() >= flow.pageSize() || (!more && !chunk.isEmpty())) {
          List<S> batch = List.copyOf(chunk);
          chunk.clear();
          run.parallel(
              batch,
              doc -> flow.identity().ref(doc).key(),
              doc -> {
                Result result = run.writes.process(doc, null, new Doc(source.naturalKey(doc), hash));
                if (!isFinal(doc, result)) {
                  allFinal.set(false);
                }
              });
        }
        if (!more) {
          break;
        }
      }
    }
    if (allFinal.get() && !dryRun) {
      source.archive(file);
      core.forgetLook(tenant, flow.name(), file.name());
      store.updateFile(tenant, flow.name(), hash, SeenFile.Status.ARCHIVED);
      core.listener.fileArchived(info, file.name());
    }
  }

  void parkRow(RemoteFile file, String hash, String reason) {
    log.warn("malformed row parked: {}", reason);
    counters.parked.incrementAndGet();
    if (!dryRun) {
      store.audit(run.writes.audit(null, null, "parse-row", AuditEntry.Outcome.PARKED, reason, hash));
    }
  }

  boolean isFinal(S doc, Result result) {
    if (result == Result.WRITTEN || result == Result.PARKED) {
      return true;
    }
    if (result != Result.SKIPPED) {
      return false;
    }
    ExternalRef ref = flow.identity().ref(doc);
    String key = Hashing.operationKey(tenant, flow.name(), ref, flow.identity().version(doc));
    return store.operation(tenant, key)
        .map(op -> op.status() == OperationStatus.DONE || op.status() == OperationStatus.PARKED)
        .orElse(false);
  }

}
