package io.mlconnector.core.state.internal;

import io.mlconnector.core.state.StateStoreException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the embedded H2 store needs beyond SQL: its directory and files owner-only (they hold
 * customer data), and its file kept compact while running.
 *
 * <p>The store commits every transaction to the file before returning ({@code WRITE_DELAY=0}), and
 * H2 then runs no background writer, so nothing compacts the file: each commit writes a new chunk,
 * and freed chunks are only reused after H2's retention time (45 s by default). A busy store grew to
 * ~150 MB in 15 s that way while its data fit in ~12 MB. The store therefore keeps old chunks for
 * one second ({@code RETENTION_TIME=1000}) and rewrites sparse chunks every {@code compactInterval},
 * which lets H2 reuse and truncate the space.
 */
public final class EmbeddedH2 implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedH2.class);

  /** The database name: the file is {@code mlconnector.mv.db}. */
  public static final String NAME = "mlconnector";

  /** URL settings for the embedded database (retention of old chunks, 1 s). */
  public static final String URL_SETTINGS = ";RETENTION_TIME=1000";

  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  /** Chunks less full than this are rewritten. */
  private static final int TARGET_FILL_RATE = 90;
  private static final int REWRITE_BYTES = 16 * 1024 * 1024;

  private final Path directory;
  private final DataSource dataSource;
  private final ScheduledExecutorService maintenance;
  private volatile boolean compactionAvailable = true;

  private EmbeddedH2(Path directory, DataSource dataSource, Duration compactInterval) {
    this.directory = directory;
    this.dataSource = dataSource;
    if (compactInterval.isZero()) {
      this.maintenance = null;
    } else {
      this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mlc-h2-compaction");
        t.setDaemon(true);
        return t;
      });
      long every = compactInterval.toMillis();
      maintenance.scheduleWithFixedDelay(this::maintain, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Creates {@code directory} owner-only (700) when missing, and the database file owner-only (600)
   * before H2 first writes it, on file systems with POSIX permissions.
   *
   * @throws StateStoreException when the directory cannot be created or is not a directory
   */
  public static void prepare(Path directory) {
    boolean posix = fileStoreOf(directoryOrParent(directory)).supportsFileAttributeView(PosixFileAttributeView.class);
    try {
      if (Files.exists(directory) && !Files.isDirectory(directory)) {
        throw new StateStoreException("state store directory " + directory + " is a file, not a directory", null);
      }
      if (!Files.exists(directory)) {
        if (posix) {
          Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } else {
          Files.createDirectories(directory);
        }
      }
      Path file = databaseFile(directory);
      if (posix && !Files.exists(file)) {
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException e) {
          // another store of this process created it first
        }
      }
    } catch (IOException e) {
      throw new StateStoreException("state store could not create its directory " + directory, e);
    }
    restrictFiles(directory);
  }

  private static Path directoryOrParent(Path directory) {
    Path p = directory;
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p == null ? directory.getRoot() : p;
  }

  private static long sizeQuietly(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static java.nio.file.FileStore fileStoreOf(Path p) {
    try {
      return Files.getFileStore(p);
    } catch (IOException e) {
      throw new StateStoreException("state store cannot read its directory " + p, e);
    }
  }

  /** Starts maintenance of the database in {@code directory} behind {@code dataSource}. */
  public static EmbeddedH2 start(Path directory, DataSource dataSource, Duration compactInterval) {
    restrictFiles(directory);
    return new EmbeddedH2(directory, dataSource, compactInterval);
  }

  /** The database file. */
  public static Path databaseFile(Path directory) {
    return directory.resolve(NAME + ".mv.db");
  }

  /** The size of the database file in bytes. */
  public long fileSize() {
    return sizeQuietly(databaseFile(directory));
  }

  /**
   * Rewrites sparse chunks so H2 can reuse and truncate their space, and keeps the database's
   * files owner-only. Safe while the store is in use.
   */
  public void compact() {
    restrictFiles(directory);
    if (!compactionAvailable) {
      return;
    }
    if (dataSource instanceof JdbcPool pool) {
      pool.resetIdle();
    }
    try (Connection c = dataSource.getConnection()) {
      Object session = c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
      if (session instanceof org.h2.engine.SessionLocal local) {
        local.getDatabase().getStore().getMvStore().compact(TARGET_FILL_RATE, REWRITE_BYTES);
      }
    } catch (SQLException | RuntimeException | LinkageError e) {
      // an H2 whose internals differ: the file is still compacted when the store closes
      compactionAvailable = false;
      log.warn("embedded H2 compaction is not available ({}); the file is compacted at close only",
          e.toString());
    }
  }

  private void maintain() {
    try {
      compact();
    } catch (RuntimeException e) {
      log.debug("embedded H2 maintenance failed: {}", e.toString());
    }
  }

  /** Makes the database's files ({@code mlconnector.*}) owner-only (600) where POSIX allows. */
  static void restrictFiles(Path directory) {
    if (!Files.isDirectory(directory)
        || !fileStoreOf(directory).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, NAME + ".*")) {
      for (Path f : files) {
        if (Files.isRegularFile(f) && !FILE.equals(Files.getPosixFilePermissions(f))) {
          Files.setPosixFilePermissions(f, FILE);
        }
      }
    } catch (IOException e) {
      log.warn("could not make the state store's files in {} owner-only: {}", directory, e.toString());
    }
  }

  /** Stops the maintenance (the database itself is closed by its pool). */
  @Override
  public void close() {
    if (maintenance != null) {
      maintenance.shutdownNow();
      try {
        maintenance.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
