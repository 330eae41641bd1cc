package io.mlconnector.sapb1.internal;

import io.mlconnector.core.odata.ODataFilter;
import io.mlconnector.core.odata.ODataPage;
import io.mlconnector.core.odata.ODataQuery;
import io.mlconnector.sapb1.B1Entity;
import io.mlconnector.sapb1.ChangePage;
import io.mlconnector.sapb1.SapB1Client;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The incremental reads of {@link SapB1Client#readChanges}: from the cursor's minute (B1 compares
 * times to the minute), in (UpdateDate, UpdateTime, key) order, dropping what the cursor has seen.
 *
 * <p>When many records share one change minute (a bulk import, a seeded company) every read would
 * start again at the first record of that minute and skip over everything read before: page k then
 * costs k pages of requests. So the reader remembers, for the cursor each read returns, where that
 * cursor's record stood in its minute, and the next read from that cursor starts there ({@code
 * $skip}) instead of at the minute's first record. The remembered position is only a hint: the
 * first record read there must be the cursor's own record (change time and key); if it is not
 * (records of that minute changed, moved or were added since), the read starts at the minute's
 * first record as it always could. Every record before the cursor's record in the server's order
 * sorts at or before the cursor, so a read that finds the cursor's record there misses nothing.
 */
public final class ChangeReader {
  private static final int REMEMBERED = 64;

  private final BiFunction<String, ODataQuery, ODataPage<B1Entity>> pages;
  private final Map<String, Integer> positions =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** A reader fetching one server page of an entity set per call of {@code pages}. */
  public ChangeReader(BiFunction<String, ODataQuery, ODataPage<B1Entity>> pages) {
    this.pages = Objects.requireNonNull(pages, "pages");
  }

  /** See {@link SapB1Client#readChanges}; {@code base} is the client's empty query. */
  public ChangePage read(ODataQuery base, String entitySet, String keyField, @Nullable ODataFilter extra,
      ChangePage.@Nullable Cursor after, Duration overlap, int pageSize) {
    boolean numericKey = keyField.equals("DocEntry") || keyField.equals("DocNum");
    ODataFilter filter = extra;
    LocalDateTime from = null;
    if (after != null) {
      from = after.updated().minus(overlap).truncatedTo(ChronoUnit.MINUTES);
      ODataFilter since = ODataFilter.changedSince("UpdateDate", "UpdateTime", from);
      filter = filter == null ? since : since.and(filter);
    }
    ODataQuery query = base.orderBy("UpdateDate").orderBy("UpdateTime").orderBy(keyField).top(pageSize);
    if (filter != null) {
      query = query.filter(filter);
    }
    boolean exact = after != null && overlap.isZero();
    Integer hint = exact ? remembered(entitySet, extra, after) : null;
    int skip = hint == null ? 0 : hint;
    boolean verify = skip > 0;
    List<B1Entity> out = new ArrayList<>();
    // the last record returned: its position in its minute's read from a cursor in that minute
    int lastPosition = -1;
    // where the minute of the rows read so far began (an index in the server's order), and which minute
    int minuteStart = skip;
    LocalDateTime minute = null;
    boolean more;
    boolean overflow = false;
    while (true) {
      ODataPage<B1Entity> server = pages.apply(entitySet, query.skip(skip));
      List<B1Entity> rows = server.items();
      if (verify) {
        verify = false;
        if (rows.isEmpty() || !isCursor(rows.get(0), keyField, numericKey, after)) {
          // the minute changed since the hint was taken: read it from its start
          skip = 0;
          minuteStart = 0;
          minute = null;
          continue;
        }
      }
      for (int i = 0; i < rows.size(); i++) {
        B1Entity e = rows.get(i);
        LocalDateTime m = SapB1Client.changedAt(e).truncatedTo(ChronoUnit.MINUTES);
        if (!m.equals(minute)) {
          minute = m;
          minuteStart = skip + i;
        }
        if (exact && !isAfter(e, keyField, numericKey, after)) {
          continue;
        }
        if (out.size() >= pageSize) {
          overflow = true; // a record past the page: more follow
          break;
        }
        out.add(e);
        // a read from this record's minute starts where this read started when the minutes agree
        lastPosition = m.equals(from) ? skip + i : skip + i - minuteStart;
      }
      if (overflow) {
        more = true;
        break;
      }
      // the server may cap a page below $top (its page size): a next link says more rows follow
      if (rows.isEmpty() || (server.nextLink() == null && rows.size() < pageSize)) {
        more = false;
        break;
      }
      if (out.size() >= pageSize) {
        more = true;
        break;
      }
      skip += rows.size();
    }
    ChangePage.Cursor next = null;
    if (!out.isEmpty()) {
      B1Entity last = out.get(out.size() - 1);
      next = new ChangePage.Cursor(SapB1Client.changedAt(last), last.string(keyField));
      remember(entitySet, extra, next, lastPosition);
    }
    return new ChangePage(out, next, more);
  }

  private @Nullable Integer remembered(String entitySet, @Nullable ODataFilter extra, ChangePage.Cursor cursor) {
    synchronized (positions) {
      return positions.get(key(entitySet, extra, cursor.updated(), cursor.key()));
    }
  }

  private void remember(String entitySet, @Nullable ODataFilter extra, ChangePage.Cursor cursor, int position) {
    String k = key(entitySet, extra, cursor.updated(), cursor.key());
    synchronized (positions) {
      positions.put(k, position);
    }
  }

  private static String key(String entitySet, @Nullable ODataFilter extra, LocalDateTime updated, String key) {
    return entitySet + '\n' + extra + '\n' + updated + '\n' + key;
  }

  private static boolean isCursor(B1Entity e, String keyField, boolean numericKey, ChangePage.Cursor at) {
    if (!SapB1Client.changedAt(e).equals(at.updated())) {
      return false;
    }
    String key = e.string(keyField);
    return numericKey ? !at.key().isEmpty() && Long.parseLong(key) == Long.parseLong(at.key())
        : key.equals(at.key());
  }

  private static boolean isAfter(B1Entity e, String keyField, boolean numericKey, ChangePage.Cursor after) {
    int byTime = SapB1Client.changedAt(e).compareTo(after.updated());
    if (byTime != 0) {
      return byTime > 0;
    }
    String key = e.string(keyField);
    if (numericKey) {
      return Long.parseLong(key) > (after.key().isEmpty() ? Long.MIN_VALUE : Long.parseLong(after.key()));
    }
    return key.compareTo(after.key()) > 0;
  }
}
