package io.mlconnector.acumatica.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.odata.ODataFilter;
import io.mlconnector.core.odata.ODataQuery;
import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.SourcePage;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poll source over {@code LastModifiedDateTime}. The contract API has no {@code $orderby} and
 * lists in key order, so a read fetches every record changed at or after the watermark (minus the
 * overlap) with {@code $filter=LastModifiedDateTime ge datetimeoffset'...'}, paged by {@code
 * $top}/{@code $skip}, and orders them by (modified time, key) itself. The rest of that read is
 * kept for the pages that follow in the same run, so a backlog is read once, not once per page.
 * Checkpoints are UTC instants with nine fraction digits (fixed width, ordered as text) plus the
 * key as tie-breaker. A record that cannot become a canonical record is logged and skipped.
 *
 * @param <A> the Acumatica record
 * @param <C> the canonical record
 */
public final class ModifiedSource<A, C> implements PollSource<C> {
  private static final Logger LOG = LoggerFactory.getLogger(ModifiedSource.class);
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

    /** The canonical record. */
    C map(A record);

    /** Reads one record again by its ref. */
    Optional<C> fetch(ExternalRef ref);
  }

  private final String name;
  private final Spec<A, C> spec;
  private List<A> cache = List.of();
  private @Nullable Checkpoint cacheAfter;

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
      for (A a : spec.changedSince(since)) {
        if (spec.modified(a) == null) {
          LOG.warn("{}: record {} has no LastModifiedDateTime and is skipped", name, spec.key(a));
          continue;
        }
        rows.add(a);
      }
      rows.sort(Comparator.comparing((A a) -> spec.modified(a).toInstant()).thenComparing(spec::key));
      ordered = new ArrayList<>();
      for (A a : rows) {
        if (after == null || !request.overlap().isZero() || compare(checkpoint(a), after) > 0) {
          ordered.add(a);
        }
      }
    }
    List<C> page = new ArrayList<>();
    int used = 0;
    Checkpoint next = null;
    for (A a : ordered) {
      if (page.size() >= request.pageSize()) {
        break;
      }
      used++;
      next = checkpoint(a);
      try {
        page.add(spec.map(a));
      } catch (IllegalArgumentException | NullPointerException e) {
        LOG.warn("{}: record {} cannot be read as a canonical record and is skipped: {}", name, spec.key(a),
            e.getMessage());
      }
    }
    List<A> rest = ordered.subList(used, ordered.size());
    cache = List.copyOf(rest);
    cacheAfter = next;
    if (next == null) {
      return SourcePage.empty();
    }
    // a page whose records were all unreadable still moves the checkpoint past them
    return new SourcePage<>(page, next, !rest.isEmpty());
  }

  private Checkpoint checkpoint(A a) {
    return Checkpoint.of(WATERMARK.format(spec.modified(a).toInstant()), spec.key(a));
  }

  @Override
  public Optional<C> fetch(ExternalRef ref) {
    return spec.fetch(ref);
  }
}
