package io.mlconnector.acumatica.internal;

import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.mapping.MappingRefusedException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.odata.ODataFilter;
import io.mlconnector.core.odata.ODataQuery;
import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.UnreadableRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A poll source over {@code LastModifiedDateTime}. The contract API has no {@code $orderby} and
 * lists in key order, so a read fetches every record changed at or after the watermark (minus the
 * overlap) with {@code $filter=LastModifiedDateTime ge datetimeoffset'...'}, paged by {@code
 * $top}/{@code $skip}, and orders them by (modified time, key) itself. The rest of that read is
 * kept for the pages that follow in the same run, so a backlog is read once, not once per page.
 * Checkpoints are UTC instants with nine fraction digits (fixed width, ordered as text) plus the
 * key as tie-breaker. A record that cannot become a canonical record (or has no modified time to
 * place it by) is returned as {@link UnreadableRecord}, which the engine parks with its reason;
 * read again by {@link #fetch} while still unreadable, it is refused ({@link
 * MappingRefusedException}) so a replay parks it again.
 *
 * @param <A> the Acumatica record
 * @param <C> the canonical record
 */
public final class ModifiedSource<A, C> implements PollSource<C> {
  private static final DateTimeFormatter WATERMARK =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** How the source reads and maps. */
  public interface Spec<A, C> {
    /** Reads every record changed at or after {@code since} (null: all). */
    List<A> changedSince(@Nullable OffsetDateTime since);

    /** The record's modified time. */
    @Nullable OffsetDateTime modified(A record);

    /** The record's key text (the tie-breaker). */
    String key(A record);

    /** The record's ref, as the canonical record would carry it (for a record that cannot be read). */
    ExternalRef ref(A record);

    /** The canonical record. */
    C map(A record);

    /** Reads one record again by its ref. */
    Optional<C> fetch(ExternalRef ref);
  }

  private final String name;
  private final Spec<A, C> spec;
  private List<A> cache = List.of();
  private @Nullable Checkpoint cacheAfter;
  private final List<UnreadableRecord> pendingUnreadable = new ArrayList<>();

  public ModifiedSource(String name, Spec<A, C> spec) {
    this.name = name;
    this.spec = spec;
  }

  /** The filter of changes since {@code since}, offset kept. */
  public static ODataQuery since(ODataQuery query, @Nullable OffsetDateTime since) {
    return since == null ? query : query.filter(query.filter() == null
        ? ODataFilter.ge("LastModifiedDateTime", since)
        : ODataFilter.and(query.filter(), ODataFilter.ge("LastModifiedDateTime", since)));
  }

  @Override
  public ChangeDetection changeDetection() {
    return ChangeDetection.MODIFIED_TIMESTAMP;
  }

  @Override
  public synchronized SourcePage<C> read(PollRequest request) {
    Checkpoint after = request.after();
    List<A> ordered;
    if (request.overlap().isZero() && after != null && after.equals(cacheAfter)) {
      ordered = cache;
    } else {
      OffsetDateTime since = after == null ? null
          : Instant.parse(after.value()).minus(request.overlap()).atOffset(ZoneOffset.UTC);
      List<A> rows = new ArrayList<>();
      List<UnreadableRecord> undated = new ArrayList<>();
      for (A a : spec.changedSince(since)) {
        if (spec.modified(a) == null) {
          undated.add(new UnreadableRecord(spec.ref(a), name + ": record " + spec.key(a)
              + " has no LastModifiedDateTime, so it cannot be placed in change order"));
          continue;
        }
        rows.add(a);
      }
      // parked (the engine parks a record once): it matches no later change filter either
      pendingUnreadable.addAll(undated);
      rows.sort(Comparator.comparing((A a) -> spec.modified(a).toInstant()).thenComparing(spec::key));
      ordered = new ArrayList<>();
      for (A a : rows) {
        if (after == null || !request.overlap().isZero() || compare(checkpoint(a), after) > 0) {
          ordered.add(a);
        }
      }
    }
    List<C> page = new ArrayList<>();
    List<UnreadableRecord> unreadable = new ArrayList<>();
    int used = 0;
    Checkpoint next = null;
    for (A a : ordered) {
      if (page.size() + unreadable.size() >= request.pageSize()) {
        break;
      }
      used++;
      next = checkpoint(a);
      try {
        page.add(spec.map(a));
      } catch (RuntimeException e) {
        if (e instanceof ConnectorException ce && ce.isRemote()) {
          throw ce;
        }
        unreadable.add(new UnreadableRecord(spec.ref(a), reason(spec.key(a), e)));
      }
    }
    List<A> rest = ordered.subList(used, ordered.size());
    cache = List.copyOf(rest);
    cacheAfter = next;
    if (next == null) {
      if (!pendingUnreadable.isEmpty()) {
        // only undated records: park them at the cursor the engine holds (or the epoch)
        List<UnreadableRecord> undated = List.copyOf(pendingUnreadable);
        pendingUnreadable.clear();
        Checkpoint at = request.after() != null ? request.after()
            : Checkpoint.of(WATERMARK.format(Instant.EPOCH), "");
        return new SourcePage<>(List.of(), at, false, undated);
      }
      return SourcePage.empty();
    }
    unreadable.addAll(pendingUnreadable);
    pendingUnreadable.clear();
    // a page whose records were all unreadable still moves the checkpoint past them
    return new SourcePage<>(page, next, !rest.isEmpty(), unreadable);
  }

  private String reason(String key, RuntimeException e) {
    String what = name + ": record " + key + " cannot be read as a canonical record";
    return e.getMessage() == null ? what + " (" + e.getClass().getSimpleName() + ")" : what + ": " + e.getMessage();
  }

  private Checkpoint checkpoint(A a) {
    return Checkpoint.of(WATERMARK.format(spec.modified(a).toInstant()), spec.key(a));
  }

  /** Reads one record again; one that still cannot be read is refused with the reason. */
  @Override
  public Optional<C> fetch(ExternalRef ref) {
    try {
      return spec.fetch(ref);
    } catch (RuntimeException e) {
      if (e instanceof ConnectorException ce && ce.isRemote()) {
        throw ce;
      }
      throw new MappingRefusedException(reason(ref.id(), e));
    }
  }
}
