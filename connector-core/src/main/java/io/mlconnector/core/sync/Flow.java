package io.mlconnector.core.sync;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.model.CanonicalRecord;
import io.mlconnector.core.model.ExternalRef;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One named, tenant-independent sync definition: where records come from (a poll, webhook or file
 * source), how they are mapped and where they are written. Sources, sinks and verifiers come from
 * {@link TenantScoped} factories, so one flow serves every tenant with that tenant's own clients.
 * Immutable; build one with {@link #poll}, {@link #webhook} or {@link #file}.
 *
 * @param <S> the source record type
 * @param <T> the target record type
 */
public final class Flow<S, T> {

  /** The kind of input of a flow. */
  public enum Kind {
    /** Pages read since a checkpoint on a schedule. */
    POLL,
    /** Events pushed to a {@link WebhookEndpoint}, with a backstop reading the event list. */
    WEBHOOK,
    /** Files listed in a drop folder. */
    FILE
  }

  private final String name;
  private final Kind kind;
  private final Class<S> sourceType;
  private final Class<T> targetType;
  private final TenantScoped<? extends RecordSource<S>> source;
  private final TenantScoped<? extends Sink<T>> sink;
  private final TenantScoped<? extends WebhookVerifier> verifier;
  private final RecordIdentity<S> identity;
  private final Mapper<S, T> mapper;
  private final int parallelism;
  private final int pageSize;
  private final boolean readAhead;
  private final Duration interval;
  private final Duration jitter;
  private final Duration overlap;
  private final DependencyPolicy dependencyPolicy;
  private final RetryQueuePolicy retryPolicy;
  private final boolean dryRun;
  private final String sourceSystem;
  private final String sourceRecordType;
  private final RecordComparator<T> comparator;

  private Flow(Builder<S, T> b) {
    this.name = b.name;
    this.kind = b.kind;
    this.sourceType = b.sourceType;
    this.targetType = b.targetType;
    this.source = b.source;
    this.sink = b.sink;
    this.verifier = b.verifier;
    this.identity = b.identity;
    this.mapper = b.mapper;
    this.parallelism = b.parallelism;
    this.pageSize = b.pageSize;
    this.readAhead = b.readAhead;
    this.interval = b.interval;
    this.jitter = b.jitter;
    this.overlap = b.overlap;
    this.dependencyPolicy = b.dependencyPolicy;
    this.retryPolicy = b.retryPolicy;
    this.dryRun = b.dryRun;
    this.sourceSystem = b.sourceSystem;
    this.sourceRecordType = b.sourceRecordType;
    this.comparator = b.comparator;
  }

  /**
   * A flow reading pages from a {@link PollSource}.
   *
   * @param <S> the source record type
   * @param <T> the target record type
   * @param name the flow name, unique in an engine
   * @param sourceType the class of the source records
   * @param source the tenant's poll source
   * @param targetType the class of the records written
   * @param sink the tenant's sink
   * @return a builder of the flow
   */
  public static <S, T> Builder<S, T> poll(
      String name,
      Class<S> sourceType,
      TenantScoped<? extends PollSource<S>> source,
      Class<T> targetType,
      TenantScoped<? extends Sink<T>> sink) {
    return new Builder<>(name, Kind.POLL, sourceType, source, targetType, sink, null);
  }

  /**
   * A flow fed by a {@link WebhookEndpoint}: events verified by the tenant's verifier are stored
   * in the inbox, then each run claims them, re-fetches their object through {@code source} and
   * writes it; each run also reads the source's event list as a backstop.
   *
   * @param <S> the source record type
   * @param <T> the target record type
   * @param name the flow name, unique in an engine
   * @param sourceType the class of the source records
   * @param source the tenant's webhook source, which fetches each event's object
   * @param verifier the tenant's verifier of webhook deliveries
   * @param targetType the class of the records written
   * @param sink the tenant's sink
   * @return a builder of the flow
   */
  public static <S, T> Builder<S, T> webhook(
      String name,
      Class<S> sourceType,
      TenantScoped<? extends WebhookSource<S>> source,
      TenantScoped<? extends WebhookVerifier> verifier,
      Class<T> targetType,
      TenantScoped<? extends Sink<T>> sink) {
    Objects.requireNonNull(verifier, "verifier");
    return new Builder<>(name, Kind.WEBHOOK, sourceType, source, targetType, sink, verifier);
  }

  /**
   * A flow reading documents from files of a {@link FileSource}.
   *
   * @param <S> the source record type
   * @param <T> the target record type
   * @param name the flow name, unique in an engine
   * @param sourceType the class of the source records
   * @param source the tenant's file source
   * @param targetType the class of the records written
   * @param sink the tenant's sink
   * @return a builder of the flow
   */
  public static <S, T> Builder<S, T> file(
      String name,
      Class<S> sourceType,
      TenantScoped<? extends FileSource<S>> source,
      Class<T> targetType,
      TenantScoped<? extends Sink<T>> sink) {
    return new Builder<>(name, Kind.FILE, sourceType, source, targetType, sink, null);
  }

  /** {@return the flow name, unique in an engine} */
  public String name() {
    return name;
  }

  /** {@return the kind of input} */
  public Kind kind() {
    return kind;
  }

  /** {@return the source record type} */
  public Class<S> sourceType() {
    return sourceType;
  }

  /** {@return the target record type} */
  public Class<T> targetType() {
    return targetType;
  }

  /** {@return the tenant-scoped source factory} */
  public TenantScoped<? extends RecordSource<S>> source() {
    return source;
  }

  /** {@return the tenant-scoped sink factory} */
  public TenantScoped<? extends Sink<T>> sink() {
    return sink;
  }

  /** {@return the tenant-scoped webhook verifier factory (webhook flows), else null} */
  public @Nullable TenantScoped<? extends WebhookVerifier> verifier() {
    return verifier;
  }

  /** {@return where a source record lives and which version it is} */
  public RecordIdentity<S> identity() {
    return identity;
  }

  /** {@return the flow's own mapper, or null to look it up in the engine's registry per tenant} */
  public @Nullable Mapper<S, T> mapper() {
    return mapper;
  }

  /**
   * Records written at once (records of one key always one after another).
   *
   * @return records written at once
   */
  public int parallelism() {
    return parallelism;
  }

  /**
   * Records per page read.
   *
   * @return records per page
   */
  public int pageSize() {
    return pageSize;
  }

  /** {@return whether a poll flow reads its next page while it writes the current one} */
  public boolean readAhead() {
    return readAhead;
  }

  /** {@return time between scheduled runs} */
  public Duration interval() {
    return interval;
  }

  /** {@return random extra delay added to each scheduled run after the first, at most this} */
  public Duration jitter() {
    return jitter;
  }

  /** {@return how far before the checkpoint a modified-timestamp source re-reads} */
  public Duration overlap() {
    return overlap;
  }

  /** {@return what to do with a record whose dependency is not synced} */
  public DependencyPolicy dependencyPolicy() {
    return dependencyPolicy;
  }

  /** {@return backoff and attempts of the retry queue} */
  public RetryQueuePolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * True when the flow only reports what it would write.
   *
   * @return true in a dry run
   */
  public boolean dryRun() {
    return dryRun;
  }

  /**
   * Compares mapped records with targets in reconciliation.
   *
   * @return the comparator
   */
  public RecordComparator<T> comparator() {
    return comparator;
  }

  /**
   * True when this flow syncs records like {@code ref} (same source system and record type, as
   * declared with {@link Builder#handles}); used to sync dependencies on demand.
   *
   * @param ref the ref of a record some flow depends on
   * @return true when its system and type are the ones declared; false when none were
   */
  public boolean handles(ExternalRef ref) {
    return sourceSystem != null
        && sourceSystem.equals(ref.system())
        && sourceRecordType.equals(ref.type());
  }

  /** {@return a builder starting from this flow's settings} */
  public Builder<S, T> newBuilder() {
    Builder<S, T> b = new Builder<>(name, kind, sourceType, source, targetType, sink, verifier);
    b.identity = identity;
    b.mapper = mapper;
    b.parallelism = parallelism;
    b.pageSize = pageSize;
    b.readAhead = readAhead;
    b.interval = interval;
    b.jitter = jitter;
    b.overlap = overlap;
    b.dependencyPolicy = dependencyPolicy;
    b.retryPolicy = retryPolicy;
    b.dryRun = dryRun;
    b.sourceSystem = sourceSystem;
    b.sourceRecordType = sourceRecordType;
    b.comparator = comparator;
    return b;
  }

  @Override
  public String toString() {
    return "Flow{" + name + ", " + kind + ", " + sourceType.getSimpleName() + " -> "
        + targetType.getSimpleName() + "}";
  }

  /**
   * Builds a {@link Flow}.
   *
   * @param <S> the source record type
   * @param <T> the target record type
   */
  public static final class Builder<S, T> {
    private final String name;
    private final Kind kind;
    private final Class<S> sourceType;
    private final Class<T> targetType;
    private final TenantScoped<? extends RecordSource<S>> source;
    private final TenantScoped<? extends Sink<T>> sink;
    private final TenantScoped<? extends WebhookVerifier> verifier;
    private RecordIdentity<S> identity;
    private Mapper<S, T> mapper;
    private int parallelism = 4;
    private int pageSize = 100;
    private boolean readAhead = true;
    private Duration interval = Duration.ofMinutes(1);
    private Duration jitter = Duration.ofSeconds(5);
    private Duration overlap = Duration.ofMinutes(2);
    private DependencyPolicy dependencyPolicy = DependencyPolicy.DEFER;
    private RetryQueuePolicy retryPolicy = RetryQueuePolicy.defaults();
    private boolean dryRun;
    private String sourceSystem;
    private String sourceRecordType;
    private RecordComparator<T> comparator = RecordComparator.equality();

    private Builder(
        String name,
        Kind kind,
        Class<S> sourceType,
        TenantScoped<? extends RecordSource<S>> source,
        Class<T> targetType,
        TenantScoped<? extends Sink<T>> sink,
        TenantScoped<? extends WebhookVerifier> verifier) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      this.kind = kind;
      this.sourceType = Objects.requireNonNull(sourceType, "sourceType");
      this.source = Objects.requireNonNull(source, "source");
      this.targetType = Objects.requireNonNull(targetType, "targetType");
      this.sink = Objects.requireNonNull(sink, "sink");
      this.verifier = verifier;
    }

    /**
     * How to read a record's ref and version; required unless S is a {@link CanonicalRecord}.
     *
     * @param value how to read the source records' ref and version
     * @return this builder
     */
    public Builder<S, T> identity(RecordIdentity<S> value) {
      this.identity = Objects.requireNonNull(value, "identity");
      return this;
    }

    /**
     * This flow's mapper, instead of the engine registry's mapper for the pair.
     *
     * @param value the mapper
     * @return this builder
     */
    public Builder<S, T> mapper(Mapper<S, T> value) {
      this.mapper = Objects.requireNonNull(value, "mapper");
      return this;
    }

    /**
     * Records written at once, 1 to 256 (default 4).
     *
     * @param value records written at once, 1 to 256
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder<S, T> parallelism(int value) {
      if (value < 1 || value > 256) {
        throw new IllegalArgumentException("parallelism must be 1 to 256, was " + value);
      }
      this.parallelism = value;
      return this;
    }

    /**
     * Records per page, 1 to 10,000 (default 100).
     *
     * @param value records per page, 1 to 10,000
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder<S, T> pageSize(int value) {
      if (value < 1 || value > 10_000) {
        throw new IllegalArgumentException("pageSize must be 1 to 10000, was " + value);
      }
      this.pageSize = value;
      return this;
    }

    /**
     * Whether a poll flow reads its next page while it writes the current one (default true), so a
     * slow source read does not leave the sink idle between pages. Pages are still read one after
     * another and the checkpoint moves only once a page is written; at most two pages are held in
     * memory. Turn it off for a source that must not be read while the flow's sink writes (for
     * example one that shares a single-session connection with the sink).
     *
     * @param value true to read ahead
     * @return this builder
     */
    public Builder<S, T> readAhead(boolean value) {
      this.readAhead = value;
      return this;
    }

    /**
     * Time between scheduled runs (default 1 minute) and the random extra delay (default 5 s). The
     * jitter spreads the runs that follow a run; the first run after {@link SyncEngine#start()}
     * does not wait for it (see there).
     *
     * @param interval time between scheduled runs
     * @param jitter the largest random extra delay added to each run after the first
     * @return this builder
     */
    public Builder<S, T> schedule(Duration interval, Duration jitter) {
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(jitter, "jitter");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval must be positive, was " + interval);
      }
      if (jitter.isNegative()) {
        throw new IllegalArgumentException("jitter must not be negative, was " + jitter);
      }
      this.interval = interval;
      this.jitter = jitter;
      return this;
    }

    /**
     * How far before the checkpoint a modified-timestamp source re-reads (default 2 minutes).
     *
     * @param value how far back to re-read
     * @return this builder
     */
    public Builder<S, T> overlap(Duration value) {
      Objects.requireNonNull(value, "overlap");
      if (value.isNegative()) {
        throw new IllegalArgumentException("overlap must not be negative, was " + value);
      }
      this.overlap = value;
      return this;
    }

    /**
     * What to do with a record whose dependency is not synced (default DEFER).
     *
     * @param value the policy
     * @return this builder
     */
    public Builder<S, T> dependencyPolicy(DependencyPolicy value) {
      this.dependencyPolicy = Objects.requireNonNull(value, "dependencyPolicy");
      return this;
    }

    /**
     * Backoff and attempts of the retry queue.
     *
     * @param value the policy
     * @return this builder
     */
    public Builder<S, T> retryPolicy(RetryQueuePolicy value) {
      this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
      return this;
    }

    /**
     * Only report what would be written, in {@link RunReport#planned()}: no sink write, no
     * operation, mapping, checkpoint or audit change (default false). Webhook flows claim their
     * inbox events and give them back, which counts as a claim attempt of each event.
     *
     * @param value true for a dry run
     * @return this builder
     */
    public Builder<S, T> dryRun(boolean value) {
      this.dryRun = value;
      return this;
    }

    /**
     * Declares the source system and record type this flow syncs (for example {@code syspro},
     * {@code customer}), so other flows can sync such records on demand through it.
     *
     * @param system the source system, lower case
     * @param recordType the source record type
     * @return this builder
     */
    public Builder<S, T> handles(String system, String recordType) {
      if (system == null || system.isBlank()) {
        throw new IllegalArgumentException("system must not be blank");
      }
      if (recordType == null || recordType.isBlank()) {
        throw new IllegalArgumentException("recordType must not be blank");
      }
      this.sourceSystem = system;
      this.sourceRecordType = recordType;
      return this;
    }

    /**
     * The comparator reconciliation uses (default: equals).
     *
     * @param value the comparator
     * @return this builder
     */
    public Builder<S, T> comparator(RecordComparator<T> value) {
      this.comparator = Objects.requireNonNull(value, "comparator");
      return this;
    }

    /**
     * The flow.
     *
     * @return the immutable flow
     * @throws IllegalStateException when no identity is set and S is not a CanonicalRecord
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Flow<S, T> build() {
      if (identity == null) {
        if (!CanonicalRecord.class.isAssignableFrom(sourceType)) {
          throw new IllegalStateException(
              "flow " + name + ": " + sourceType.getName()
                  + " is not a CanonicalRecord; set identity(...)");
        }
        identity = (RecordIdentity) RecordIdentity.canonical();
      }
      return new Flow<>(this);
    }
  }
}
