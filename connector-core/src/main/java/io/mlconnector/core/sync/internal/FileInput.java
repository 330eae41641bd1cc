package io.mlconnector.core.sync.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.SeenFile;
import io.mlconnector.core.state.StateConflictException;
import io.mlconnector.core.state.StateStoreException;
import io.mlconnector.core.sync.FileRow;
import io.mlconnector.core.sync.FileSource;
import io.mlconnector.core.sync.RemoteFile;
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

  FileInput(FlowRun<S, T> run) {
    this.run = run;
  }

  @Override
  public void run() {
    files();
  }


  void files() {
    FileSource<S> source = (FileSource<S>) run.tf.source();
    List<RemoteFile> files;
    try {
      files = new ArrayList<>(source.list());
    } catch (IOException e) {
      throw new UncheckedIOException("listing files failed", e);
    }
    files.sort(Comparator.comparing(RemoteFile::name));
    for (RemoteFile file : files) {
      run.checkContinue();
      if (!run.core.stable(run.tenant, run.flow.name(), file)) {
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
    Optional<SeenFile> seen = run.store.file(run.tenant, run.flow.name(), hash);
    if (seen.isPresent() && seen.get().status().isFinal()) {
      finished(source, file, seen.get());
      return;
    }
    SeenFile.Status status = SeenFile.Status.CLAIMED;
    if (!run.dryRun) {
      if (!run.store.claimFile(run.tenant, run.flow.name(), hash, file.name(), run.core.node, run.core.leaseTtl)) {
        SeenFile now = run.store.file(run.tenant, run.flow.name(), hash).orElseThrow();
        if (now.status().isFinal()) {
          finished(source, file, now);
        } else {
          log.info("file {} is claimed by {} until {}; left to it", file.name(), now.claimant(),
              now.leaseUntil());
        }
        return;
      }
      status = run.store.file(run.tenant, run.flow.name(), hash).orElseThrow().status();
      if (status == SeenFile.Status.PARSED) {
        log.info("file {} was parsed by an earlier run; resuming its documents", file.name());
      }
    }
    if (status == SeenFile.Status.CLAIMED) {
      String unreadable = wellFormed(source, file);
      List<String> lookKey = List.of(run.tenant, run.flow.name(), hash);
      if (unreadable != null) {
        String reason = "file " + file.name() + " cannot be read on: " + unreadable;
        if (run.dryRun) {
          log.warn("{} (dry run: not counted as a look)", reason);
          return;
        }
        int looks = run.core.unreadableLooks.merge(lookKey, 1, Integer::sum);
        if (looks < UNREADABLE_LOOKS) {
          // the same bytes may still be cut short by a writer that holds the file: look again
          log.warn("{} (look {} of {}); tried again at the next poll", reason, looks,
              UNREADABLE_LOOKS);
          run.store.audit(run.writes.audit(null, null, "parse-file", AuditEntry.Outcome.FAILED,
              reason + " (look " + looks + " of " + UNREADABLE_LOOKS + ")", hash));
          return;
        }
        run.core.unreadableLooks.remove(lookKey);
        log.warn("{}; unchanged over {} looks: file parked", reason, looks);
        run.counters.parked.incrementAndGet();
        run.store.moveFile(run.tenant, run.flow.name(), hash, run.core.node, SeenFile.Status.PARKED, 0, 0, reason);
        run.store.audit(run.writes.audit(null, null, "parse-file", AuditEntry.Outcome.PARKED, reason, hash));
        return;
      }
      run.core.unreadableLooks.remove(lookKey);
      if (!run.dryRun) {
        run.store.moveFile(run.tenant, run.flow.name(), hash, run.core.node, SeenFile.Status.PARSED, 0, 0, null);
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
    if (!run.dryRun) {
      archive(source, file);
    }
  }

  private void archive(FileSource<S> source, RemoteFile file) throws IOException {
    source.archive(file);
    run.core.forgetLook(run.tenant, run.flow.name(), file.name());
    run.core.listener.fileArchived(run.info, file.name());
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
          if (!run.dryRun) {
            run.store.audit(run.writes.audit(null, null, "parse-file", AuditEntry.Outcome.FAILED, reason, hash));
          }
          more = false;
        }
        if (chunk.size() >= run.flow.pageSize() || (!more && !chunk.isEmpty())) {
          claimed = renew(file, hash, claimed);
          List<S> batch = List.copyOf(chunk);
          chunk.clear();
          run.parallel(
              batch,
              doc -> run.flow.identity().ref(doc).key(),
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
    if (allFinal.get() && !run.dryRun) {
      SeenFile.Status end = parked.get() > 0 ? SeenFile.Status.PARTIAL : SeenFile.Status.POSTED;
      run.store.moveFile(run.tenant, run.flow.name(), hash, run.core.node, end, posted.get(), parked.get(), null);
      String note = "file " + file.name() + " " + end + ": " + posted.get() + " posted, "
          + parked.get() + " parked";
      log.info(note);
      // the operator's way from a file name to its ledger row: the digest is the content hash
      run.store.audit(run.writes.audit(null, null, "file", AuditEntry.Outcome.SUCCEEDED, note, hash));
      archive(source, file);
    }
  }

  /** Renews this node's claim on the file once half its lease has passed. */
  private Instant renew(RemoteFile file, String hash, Instant claimed) {
    Instant now = run.now();
    if (run.dryRun || Duration.between(claimed, now).compareTo(run.core.leaseTtl.dividedBy(2)) < 0) {
      return claimed;
    }
    if (!run.store.claimFile(run.tenant, run.flow.name(), hash, file.name(), run.core.node, run.core.leaseTtl)) {
      throw new StateConflictException(
          "the claim on file " + file.name() + " (" + hash + ") was taken over by another node");
    }
    return now;
  }

  void parkRow(RemoteFile file, String hash, String reason) {
    log.warn("malformed row parked: {}", reason);
    run.counters.parked.incrementAndGet();
    if (!run.dryRun) {
      run.store.audit(run.writes.audit(null, null, "parse-row", AuditEntry.Outcome.PARKED, reason, hash));
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
    ExternalRef ref = run.flow.identity().ref(doc);
    String key = Hashing.operationKey(run.tenant, run.flow.name(), ref, run.flow.identity().version(doc));
    return run.store.operation(run.tenant, key)
        .map(op -> op.status() == OperationStatus.DONE ? SeenFile.Status.POSTED
            : op.status() == OperationStatus.PARKED ? SeenFile.Status.PARKED : null)
        .orElse(null);
  }

}
