package io.mlconnector.sapb1.internal;

import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.mapping.MappingRefusedException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.odata.ODataFilter;
import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.UnreadableRecord;
import io.mlconnector.sapb1.B1Entity;
import io.mlconnector.sapb1.ChangePage;
import io.mlconnector.sapb1.SapB1Client;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A poll source over an entity set with UpdateDate/UpdateTime: the checkpoint's value is the change
 * time ({@code yyyy-MM-ddTHH:mm:ss}, fixed width) and its tie-breaker the key (a DocEntry
 * zero-padded to 12 digits, or the CardCode), so text order is change order.
 *
 * @param <T> the canonical record
 */
public final class ChangeSource<T> implements PollSource<T> {
  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private final SapB1Client client;
  private final String entitySet;
  private final String keyField;
  private final @Nullable ODataFilter filter;
  private final Function<B1Entity, ExternalRef> refOf;
  private final Function<B1Entity, T> mapper;
  private final Function<ExternalRef, Optional<T>> fetcher;

  /**
   * A source over {@code entitySet} keyed by {@code keyField}, mapping each entity with {@code
   * mapper}; {@code refOf} names an entity the mapper cannot read (it is parked, not dropped), and
   * {@code fetcher} reads one record again (a retry or a replay).
   */
  public ChangeSource(SapB1Client client, String entitySet, String keyField, @Nullable ODataFilter filter,
      Function<B1Entity, ExternalRef> refOf, Function<B1Entity, T> mapper,
      Function<ExternalRef, Optional<T>> fetcher) {
    this.client = client;
    this.entitySet = entitySet;
    this.keyField = keyField;
    this.filter = filter;
    this.refOf = refOf;
    this.mapper = mapper;
    this.fetcher = fetcher;
  }

  @Override
  public ChangeDetection changeDetection() {
    return ChangeDetection.MODIFIED_TIMESTAMP;
  }

  @Override
  public SourcePage<T> read(PollRequest request) {
    ChangePage.Cursor after = null;
    if (request.after() != null) {
      String key = request.after().tieBreaker();
      if (numeric() && !key.isEmpty()) {
        key = String.valueOf(Long.parseLong(key));
      }
      after = new ChangePage.Cursor(LocalDateTime.parse(request.after().value(), TEXT), key);
    }
    ChangePage page = client.readChanges(entitySet, keyField, filter, after, request.overlap(), request.pageSize());
    List<T> records = new ArrayList<>();
    List<UnreadableRecord> unreadable = new ArrayList<>();
    for (B1Entity e : page.records()) {
      try {
        records.add(mapper.apply(e));
      } catch (RuntimeException ex) {
        if (ex instanceof ConnectorException ce && ce.isRemote()) {
          throw ce; // the company could not be asked (a currency lookup): the read fails and retries
        }
        unreadable.add(new UnreadableRecord(refOf.apply(e), reason(ex)));
      }
    }
    Checkpoint next = page.next() == null ? null
        : Checkpoint.of(TEXT.format(page.next().updated()), tieBreaker(page.next().key()));
    return new SourcePage<>(records, next, page.hasMore(), unreadable);
  }

  /** Reads one record again; one the mapper still cannot read is refused with the reason. */
  @Override
  public Optional<T> fetch(ExternalRef ref) {
    try {
      return fetcher.apply(ref);
    } catch (RuntimeException ex) {
      if (ex instanceof ConnectorException ce && ce.isRemote()) {
        throw ce;
      }
      throw new MappingRefusedException(reason(ex));
    }
  }

  private String reason(RuntimeException ex) {
    String what = entitySet + " record cannot be read";
    return ex.getMessage() == null ? what + " (" + ex.getClass().getSimpleName() + ")" : what + ": " + ex.getMessage();
  }

  private boolean numeric() {
    return keyField.equals("DocEntry");
  }

  private String tieBreaker(String key) {
    return numeric() ? String.format("%012d", Long.parseLong(key)) : key;
  }
}
