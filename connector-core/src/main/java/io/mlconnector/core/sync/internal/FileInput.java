package io.mlconnector.core.sync.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.SeenFile;
import io.mlconnector.core.state.StateConflictException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input of a file flow: stable files, claimed by content hash (CLAIMED), read whole once to
 * check it is well-formed (PARSED, or PARKED with the reason), its rows streamed through the write
 * path with natural-key dedup, then POSTED or PARTIAL with counts and archived.
 */
final class FileInput<S, T> implements RunInput {
  private static final Logger log = LoggerFactory.getLogger(FlowRun.class);
  /**
   * Reads of one stable file's bytes that must fail before the file is PARKED: a writer may hold
   * a file whose size and time stay put while its content is cut short.
   */
  static final int UNREADABLE_LOOKS = 3;

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
    if (seen.isPresent() && seen.get().status().isFinal()) {
      finished(source, file, seen.get());
      return;
    }
    SeenFile.Status status = SeenFile.Status.CLAIMED;
    if (!dryRun) {
      if (!store.claimFile(tenant, flow.name(), hash, file.name(), core.node, core.leaseTtl)) {
        SeenFile now = store.file(tenant, flow.name(), hash).orElseThrow();
        if (now.status().isFinal()) {
          finished(source, file, now);
        } else {
          log.info("file {} is claimed by {} until {}; left to it", file.name(), now.claimant(),
              now.leaseUntil());
        }
        return;
      }
      status = store.file(tenant, flow.name(), hash).orElseThrow().status();
      if (status == SeenFile.Status.PARSED) {
        log.info("file {} was parsed by an earlier run; resuming its documents", file.name());
      }
    }
    if (status == SeenFile.Status.CLAIMED) {
      String unreadable = wellFormed(source, file);
      List<String> lookKey = List.of(tenant, flow.name(), hash);
      if (unreadable != null) {
        String reason = "file " + file.name() + " cannot be read on: " + unreadable;
        if (dryRun) {
          log.warn("{} (dry run: not counted as a look)", reason);
          return;
        }
        int looks = core.unreadableLooks.merge(lookKey, 1, Integer::sum);
        if (looks < UNREADABLE_LOOKS) {
          // the same bytes may still be cut short by a writer that holds the file: look again
          log.warn("{} (look {} of {}); tried again at the next poll", reason, looks,
              UNREADABLE_LOOKS);
          store.audit(run.writes.audit(null, null, "parse-file", AuditEntry.Outcome.FAILED,
              reason + " (look " + looks + " of " + UNREADABLE_LOOKS + ")", hash));
          return;
        }
        core.unreadableLooks.remove(lookKey);
        log.warn("{}; unchanged over {} looks: file parked", reason, looks);
        counters.parked.incrementAndGet();
        store.moveFile(tenant, flow.name(), hash, core.node, SeenFile.Status.PARKED, 0, 0, reason);
        store.audit(run.writes.audit(null, null, "parse-file", AuditEntry.Outcome.PARKED, reason, hash));
        return;
      }
      core.unreadableLooks.remove(lookKey);
      if (!dryRun) {
        store.moveFile(tenant, flow.name(), hash, core.node, SeenFile.Status.PARSED, 0, 0, null);
      }
    }
    post(source, file, hash);
  }

  /** Reads the whole file without posting: null when it is well-formed, else what broke. */
  private String wellFormed(FileSource<S> source, RemoteFile file) throws IOException {
    try (InputStream in = source.open(file);
        Stream<FileRow<S>> rows = source.parse(file, in)) {
      Iterator<FileRow<S>> it = rows.iterator();
      long n = 0;
      while (it.hasNext()) {
        it.next();
        if (++n % 1024 == 0) {
          run.checkContinue();
        }
      }
      return null;
    } catch (RuntimeException e) {
      if (e instanceof StopRun || e instanceof StateStoreException) {
        throw e;
      }
      return run.writes.describe(e);
    }
  }

  /** A final file seen again (the same content, maybe under another name). */
  private void finished(FileSource<S> source, RemoteFile file, SeenFile seen) throws IOException {
    if (seen.status() == SeenFile.Status.PARKED) {
      log.debug("file {} has the content of parked file {} ({}); left in place", file.name(),
          seen.name(), seen.reason());
      return;
    }
    log.info("file {} has the content of {} already {}; archiving it", file.name(), seen.name(),
        seen.status());
    if (!dryRun) {
      archive(source, file);
    }
  }

  private void archive(FileSource<S> source, RemoteFile file) throws IOException {
    source.archive(file);
    core.forgetLook(tenant, flow.name(), file.name());
    core.listener.fileArchived(info, file.name());
  }

  /** Posts a parsed file's documents; ends it POSTED or PARTIAL once every one is final. */
  private void post(FileSource<S> source, RemoteFile file, String hash) throws IOException {
    AtomicBoolean allFinal = new AtomicBoolean(true);
    AtomicInteger posted = new AtomicInteger();
    AtomicInteger parked = new AtomicInteger();
    Instant claimed = run.now();
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
              parked.incrementAndGet();
              parkRow(file, hash, "file " + file.name() + " line " + row.line() + ": " + row.error());
            }
          }
        } catch (RuntimeException e) {
          if (e instanceof StopRun || e instanceof StateStoreException) {
            throw e;
          }
          // the file changed since it was parsed whole; it stays PARSED and is tried again
          allFinal.set(false);
          String reason = "file " + file.name() + " cannot be read on: " + run.writes.describe(e);
          log.warn(reason);
          if (!dryRun) {
            store.audit(run.writes.audit(null, null, "parse-file", AuditEntry.Outcome.FAILED, reason, hash));
          }
          more = false;
        }
        if (chunk.size() >= flow.pageSize() || (!more && !chunk.isEmpty())) {
          claimed = renew(file, hash, claimed);
          List<S> batch = List.copyOf(chunk);
          chunk.clear();
          run.parallel(
              batch,
              doc -> flow.identity().ref(doc).key(),
              doc -> {
                Result result = run.writes.process(doc, null, new Doc(source.naturalKey(doc), hash));
                SeenFile.Status outcome = outcome(doc, result);
                if (outcome == SeenFile.Status.POSTED) {
                  posted.incrementAndGet();
                } else if (outcome == SeenFile.Status.PARKED) {
                  parked.incrementAndGet();
                } else {
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
      SeenFile.Status end = parked.get() > 0 ? SeenFile.Status.PARTIAL : SeenFile.Status.POSTED;
      store.moveFile(tenant, flow.name(), hash, core.node, end, posted.get(), parked.get(), null);
      String note = "file " + file.name() + " " + end + ": " + posted.get() + " posted, "
          + parked.get() + " parked";
      log.info(note);
      // the operator's way from a file name to its ledger row: the digest is the content hash
      store.audit(run.writes.audit(null, null, "file", AuditEntry.Outcome.SUCCEEDED, note, hash));
      archive(source, file);
    }
  }

  /** Renews this node's claim on the file once half its lease has passed. */
  private Instant renew(RemoteFile file, String hash, Instant claimed) {
    Instant now = run.now();
    if (dryRun || Duration.between(claimed, now).compareTo(core.leaseTtl.dividedBy(2)) < 0) {
      return claimed;
    }
    if (!store.claimFile(tenant, flow.name(), hash, file.name(), core.node, core.leaseTtl)) {
      throw new StateConflictException(
          "the claim on file " + file.name() + " (" + hash + ") was taken over by another node");
    }
    return now;
  }

  void parkRow(RemoteFile file, String hash, String reason) {
    log.warn("malformed row parked: {}", reason);
    counters.parked.incrementAndGet();
    if (!dryRun) {
      store.audit(run.writes.audit(null, null, "parse-row", AuditEntry.Outcome.PARKED, reason, hash));
    }
  }

  /** Where a document stands after its write: POSTED, PARKED, or null while it is not final. */
  SeenFile.Status outcome(S doc, Result result) {
    if (result == Result.WRITTEN) {
      return SeenFile.Status.POSTED;
    }
    if (result == Result.PARKED) {
      return SeenFile.Status.PARKED;
    }
    if (result != Result.SKIPPED) {
      return null;
    }
    ExternalRef ref = flow.identity().ref(doc);
    String key = Hashing.operationKey(tenant, flow.name(), ref, flow.identity().version(doc));
    return store.operation(tenant, key)
        .map(op -> op.status() == OperationStatus.DONE ? SeenFile.Status.POSTED
            : op.status() == OperationStatus.PARKED ? SeenFile.Status.PARKED : null)
        .orElse(null);
  }

}
