package io.mlconnector.core.state;

import io.mlconnector.core.state.spi.StateStoreSpi;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.internal.Dialect;
import io.mlconnector.core.state.internal.EmbeddedH2;
import io.mlconnector.core.state.internal.JdbcPool;
import io.mlconnector.core.state.internal.JdbcStore;
import io.mlconnector.core.state.internal.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StateStore} in a relational database: embedded H2 (the default, a file in a directory
 * the host names) or PostgreSQL (for several nodes sharing one state).
 *
 * <pre>{@code
 * // Embedded H2 under the host's data directory; the store owns and closes its pool.
 * StateStore store = JdbcStateStore.embeddedH2(dataDir).build();
 *
 * // PostgreSQL through the host's pooled DataSource; the host closes the DataSource.
 * StateStore store = JdbcStateStore.builder(dataSource).tablePrefix("mlc_").build();
 * }</pre>
 *
 * <p>{@link Builder#build()} creates the tables, or migrates them to this version's schema, before
 * it returns; the applied versions are recorded in {@code <prefix>schema_version}. Several stores
 * (in one process or several) may open the same database at once. The dialect is detected from the
 * database. Each call borrows one connection and gives it back; calls that change several rows run
 * in one transaction. Times are taken from the store's clock (not the database's) and kept to the
 * microsecond, so nodes sharing a database should keep their clocks in sync.
 *
 * <p>Column sizes: tenants, flows, streams, owners and run ids up to 200 characters, record ids and
 * event ids up to 500, systems, record types and actions up to 100, operation keys up to 200.
 * Checkpoints, errors, notes and payloads are unbounded. A longer value fails the call with a
 * {@link StateStoreException} and changes nothing.
 */
public final class JdbcStateStore implements StateStoreSpi {
  /** The table prefix used unless the builder sets another. */
  public static final String DEFAULT_TABLE_PREFIX = "mlc_";

  private final JdbcStore delegate;
  private final String tablePrefix;
  private final Dialect dialect;
  private final EmbeddedH2 embedded;

  private JdbcStateStore(JdbcStore delegate, String tablePrefix, Dialect dialect, EmbeddedH2 embedded) {
    this.embedded = embedded;
    this.delegate = delegate;
    this.tablePrefix = tablePrefix;
    this.dialect = dialect;
  }

  /**
   * A builder for a store in the database behind {@code dataSource} (H2 2.x or PostgreSQL). The
   * host owns the DataSource: give it a pool (PostgreSQL opens a connection per call otherwise),
   * and close it after the store. For an H2 URL of the host's own, add {@code LOCK_TIMEOUT=10000}:
   * H2's default of one second can fail calls that wait for a row another node's call holds.
   *
   * @param dataSource the host's database; the store never closes it
   * @return a builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"), null);
  }

  /**
   * A builder for the default store: an H2 database file {@code mlconnector.mv.db} in {@code
   * directory} (created when missing), behind a small connection pool the store owns and closes.
   * The database is for this process alone; nodes that share state use PostgreSQL.
   *
   * <p>The directory, when the store creates it, is owner-only (700) and the database's files are
   * owner-only (600) wherever POSIX permissions exist: they hold customer data. The file is kept
   * compact while the store runs (see {@link Builder#compactInterval}); {@link #fileSize()} reads
   * its size.
   *
   * @param directory the directory holding the database file
   * @return a builder
   */
  public static Builder embeddedH2(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return new Builder(null, directory.toAbsolutePath());
  }

  /**
   * The prefix of this store's tables.
   *
   * @return the prefix, for example {@code mlc_}
   */
  public String tablePrefix() {
    return tablePrefix;
  }

  /**
   * The size in bytes of the embedded database file; empty for a store on a host's DataSource.
   *
   * @return the file's size in bytes, or empty for a store on a host's DataSource
   */
  public OptionalLong fileSize() {
    return embedded == null ? OptionalLong.empty() : OptionalLong.of(embedded.fileSize());
  }

  /**
   * Compacts the embedded database file now (the store also does it every {@link
   * Builder#compactInterval}); does nothing for a store on a host's DataSource. Safe while the
   * store is in use.
   */
  public void compact() {
    if (embedded != null) {
      embedded.compact();
    }
  }

  /**
   * The database this store talks to: {@code H2} or {@code POSTGRESQL}.
   *
   * @return {@code H2} or {@code POSTGRESQL}
   */
  public String databaseKind() {
    return dialect.name();
  }

  @Override
  public String toString() {
    return "JdbcStateStore{" + dialect + ", tablePrefix=" + tablePrefix + "}";
  }

  /** How long a store call waits for a free connection of the embedded H2 pool. */
  private static final Duration POOL_WAIT = Duration.ofMinutes(5);

  /** Configures and opens a {@link JdbcStateStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private final Path h2Directory;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private Clock clock = Clock.systemUTC();
    private int maxConnections = 8;
    private Duration writeDelay = Duration.ZERO;
    private Duration compactInterval = Duration.ofSeconds(5);

    private Builder(DataSource dataSource, Path h2Directory) {
      this.dataSource = dataSource;
      this.h2Directory = h2Directory;
    }

    /**
     * The prefix of every table (default {@code mlc_}): a lower-case letter, then up to 29
     * lower-case letters, digits or underscores.
     *
     * @param prefix the table prefix
     * @return this builder
     */
    public Builder tablePrefix(String prefix) {
      this.tablePrefix = Schema.checkPrefix(prefix);
      return this;
    }

    /**
     * The clock for every time the store writes (default: the system clock, UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The size of the embedded H2 pool (default 8); only for {@link #embeddedH2}. A store call
     * waits up to five minutes for a free connection before it fails.
     *
     * @param max the most connections the pool opens
     * @return this builder
     */
    public Builder maxConnections(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConnections must be positive, was " + max);
      }
      if (h2Directory == null) {
        throw new IllegalStateException(
            "maxConnections applies to the embedded H2 pool; size the host's DataSource instead");
      }
      this.maxConnections = max;
      return this;
    }

    /**
     * How long the embedded database may keep committed changes in memory before it writes them to
     * its file; only for {@link #embeddedH2}. The default, zero, writes each commit to the file
     * before the call returns, so a recorded intent or an answered webhook survives a crash of the
     * process. A delay (H2's own default is 500 ms) saves that write per commit; a crash may then
     * lose the commits of the last {@code delay}, never half a transaction.
     *
     * @param delay how long committed changes may stay in memory; zero or more
     * @return this builder
     */
    public Builder writeDelay(Duration delay) {
      Objects.requireNonNull(delay, "writeDelay");
      if (delay.isNegative() || delay.toMillis() > 60_000) {
        throw new IllegalArgumentException("writeDelay must be 0 to 60 s, was " + delay);
      }
      if (h2Directory == null) {
        throw new IllegalStateException("writeDelay applies to the embedded H2 database only");
      }
      this.writeDelay = delay;
      return this;
    }

    /**
     * How often the embedded database file is compacted while the store runs (default 5 s; zero:
     * only when the store closes); only for {@link #embeddedH2}. Every commit is written to the
     * file at once, so without this the file grows by the size of every change for as long as the
     * store runs.
     *
     * @param interval the time between compactions; zero compacts only on close
     * @return this builder
     */
    public Builder compactInterval(Duration interval) {
      Objects.requireNonNull(interval, "compactInterval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("compactInterval must not be negative, was " + interval);
      }
      if (h2Directory == null) {
        throw new IllegalStateException("compactInterval applies to the embedded H2 database only");
      }
      this.compactInterval = interval;
      return this;
    }

    /**
     * Opens the store: detects the database, creates or migrates the schema.
     *
     * @return the open store
     * @throws StateStoreException when the database cannot be reached, is not supported, or its
     *     schema is newer than this library
     */
    public JdbcStateStore build() {
      DataSource ds = dataSource;
      JdbcPool pool = null;
      if (ds == null) {
        EmbeddedH2.prepare(h2Directory);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(h2Url(h2Directory, writeDelay));
        h2.setUser("sa");
        h2.setPassword("");
        // waiting for one of the pool's connections is queueing, not a failure: a 30 s limit
        // failed whole runs (SQLState 08001) on a machine starved of CPU
        pool = new JdbcPool(h2, maxConnections, POOL_WAIT);
        ds = pool;
      }
      try {
        Dialect dialect;
        try (Connection c = ds.getConnection()) {
          dialect = Dialect.detect(c.getMetaData());
        } catch (SQLException e) {
          throw new StateStoreException("state store could not connect to its database", e);
        }
        Schema schema = new Schema(tablePrefix, dialect);
        schema.migrate(ds, clock);
        JdbcPool owned = pool;
        EmbeddedH2 embedded = owned == null ? null : EmbeddedH2.start(h2Directory, owned, compactInterval);
        return new JdbcStateStore(
            new JdbcStore(
                ds,
                owned == null ? null : intakeSource(h2Url(h2Directory, writeDelay)),
                dialect,
                schema,
                clock,
                owned == null
                    ? null
                    : () -> {
                      embedded.close();
                      owned.close();
                    }),
            tablePrefix,
            dialect,
            embedded);
      } catch (RuntimeException e) {
        if (pool != null) {
          pool.close();
        }
        throw e;
      }
    }

    /**
     * Where the webhook inbox opens the one connection it keeps to the embedded database (a session
     * of its own beside the pool's, so even a pool of one connection stays free for the rest).
     */
    private static DataSource intakeSource(String url) {
      org.h2.jdbcx.JdbcDataSource source = new org.h2.jdbcx.JdbcDataSource();
      source.setURL(url);
      source.setUser("sa");
      source.setPassword("");
      return source;
    }

    /**
     * The embedded database URL. {@code DB_CLOSE_ON_EXIT=FALSE}: the database stays open until the
     * store closes, so a host's shutdown hook can still finish its work. {@code WRITE_DELAY}: see
     * {@link #writeDelay}. {@code LOCK_TIMEOUT}: how long a statement waits for a row another call
     * holds. {@code QUERY_CACHE_SIZE}: every statement the store uses stays parsed per connection.
     * {@code RETENTION_TIME}: old chunks are reusable after one second (see {@link EmbeddedH2}).
     * {@code MAX_LENGTH_INPLACE_LOB}: a large text up to 16 KiB (a webhook payload, an audit
     * detail) is kept in its row rather than in H2's separate LOB maps (H2 keeps 256 bytes in the
     * row by default): a received webhook event is then one row written, not a row, three LOB
     * maps and a temporary copy, and each commit writes about half the pages.
     */
    static String h2Url(Path directory, Duration writeDelay) {
      return "jdbc:h2:file:"
          + directory.resolve(EmbeddedH2.NAME)
          + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY="
          + writeDelay.toMillis()
          + ";LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;MAX_LENGTH_INPLACE_LOB=16384"
          + EmbeddedH2.URL_SETTINGS;
    }
  }

  // ---------------------------------------------------------------- delegation

  @Override
  public Optional<String> cursor(String tenant, String flow, String stream) {
    return delegate.cursor(tenant, flow, stream);
  }

  @Override
  public void saveCursor(String tenant, String flow, String stream, String checkpoint) {
    delegate.saveCursor(tenant, flow, stream, checkpoint);
  }

  @Override
  public Optional<Mapping> mappingBySource(ExternalRef source, String targetSystem) {
    return delegate.mappingBySource(source, targetSystem);
  }

  @Override
  public Optional<Mapping> mappingByTarget(ExternalRef target) {
    return delegate.mappingByTarget(target);
  }

  @Override
  public void saveMapping(Mapping mapping) {
    delegate.saveMapping(mapping);
  }

  @Override
  public Claim begin(OperationIntent intent) {
    return delegate.begin(intent);
  }

  @Override
  public Optional<Operation> operation(String tenant, String key) {
    return delegate.operation(tenant, key);
  }

  @Override
  public List<Operation> pendingOperations(
      String tenant, String flow, Instant olderThan, int limit) {
    return delegate.pendingOperations(tenant, flow, olderThan, limit);
  }

  @Override
  public void complete(Completion completion) {
    delegate.complete(completion);
  }

  @Override
  public void fail(Failure failure) {
    delegate.fail(failure);
  }

  @Override
  public boolean receive(InboxEvent event) {
    return delegate.receive(event);
  }

  @Override
  public List<Boolean> receiveAll(List<InboxEvent> events) {
    return delegate.receiveAll(events);
  }

  @Override
  public boolean hasWaitingWork(
      String tenant, String flow, @Nullable String inboxSource, Instant now) {
    return delegate.hasWaitingWork(tenant, flow, inboxSource, now);
  }

  @Override
  public List<InboxEvent> claimInbox(
      String tenant, String source, String owner, Duration claimTtl, int max) {
    return delegate.claimInbox(tenant, source, owner, claimTtl, max);
  }

  @Override
  public void finishInbox(String tenant, long eventId, InboxEvent.Status status, String note) {
    delegate.finishInbox(tenant, eventId, status, note);
  }

  @Override
  public void releaseInbox(String tenant, long eventId, String owner) {
    delegate.releaseInbox(tenant, eventId, owner);
  }

  @Override
  public boolean recordFile(SeenFile file) {
    return delegate.recordFile(file);
  }

  @Override
  public Optional<SeenFile> file(String tenant, String flow, String contentHash) {
    return delegate.file(tenant, flow, contentHash);
  }

  @Override
  public void updateFile(String tenant, String flow, String contentHash, SeenFile.Status status) {
    delegate.updateFile(tenant, flow, contentHash, status);
  }

  @Override
  public boolean claimFile(
      String tenant, String flow, String contentHash, String name, String owner, Duration ttl) {
    return delegate.claimFile(tenant, flow, contentHash, name, owner, ttl);
  }

  @Override
  public void moveFile(
      String tenant,
      String flow,
      String contentHash,
      String owner,
      SeenFile.Status status,
      int posted,
      int parked,
      String reason) {
    delegate.moveFile(tenant, flow, contentHash, owner, status, posted, parked, reason);
  }

  @Override
  public boolean claimDocument(String tenant, String flow, String naturalKey, String contentHash) {
    return delegate.claimDocument(tenant, flow, naturalKey, contentHash);
  }

  @Override
  public void scheduleRetry(RetryItem item) {
    delegate.scheduleRetry(item);
  }

  @Override
  public List<RetryItem> claimDueRetries(
      String tenant, String flow, Instant now, String owner, Duration claimTtl, int max) {
    return delegate.claimDueRetries(tenant, flow, now, owner, claimTtl, max);
  }

  @Override
  public void removeRetry(String tenant, long itemId) {
    delegate.removeRetry(tenant, itemId);
  }

  @Override
  public Page<RetryItem> deadLetters(DeadLetterQuery query) {
    return delegate.deadLetters(query);
  }

  @Override
  public int replay(DeadLetterQuery query) {
    return delegate.replay(query);
  }

  @Override
  public void audit(AuditEntry entry) {
    delegate.audit(entry);
  }

  @Override
  public Page<AuditEntry> audit(AuditQuery query) {
    return delegate.audit(query);
  }

  @Override
  public boolean tryAcquireLease(String tenant, String flow, String owner, Duration ttl) {
    return delegate.tryAcquireLease(tenant, flow, owner, ttl);
  }

  @Override
  public void releaseLease(String tenant, String flow, String owner) {
    delegate.releaseLease(tenant, flow, owner);
  }

  @Override
  public Optional<Lease> lease(String tenant, String flow) {
    return delegate.lease(tenant, flow);
  }

  @Override
  public void finishInbox(
      String tenant, java.util.Collection<Long> eventIds, InboxEvent.Status status, String note) {
    delegate.finishInbox(tenant, eventIds, status, note);
  }

  @Override
  public int ignoreInbox(String tenant, String source, java.util.Set<String> handledTypes, String note) {
    return delegate.ignoreInbox(tenant, source, handledTypes, note);
  }

  @Override
  public PurgeResult purge(Instant cutoff) {
    return delegate.purge(cutoff);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
