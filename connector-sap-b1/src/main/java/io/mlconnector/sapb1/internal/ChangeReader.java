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
 *
 * <p>Paging by {@code $skip} has a trap of its own: a record changed while the read goes on (a
 * payment applied to an invoice touches it) leaves its place for the end of the order, the rows
 * behind it move up, and the next {@code $skip} lands one row past a record nobody read. So each
 * server page after the first asks for one row more and must start with the previous page's last
 * row; where it does not, the read starts its window again from the top and drops what it has
 * already returned (at most {@value #MAX_RESTARTS} times, then it returns what it has).
 */
public final class ChangeReader {
  private static final int REMEMBERED = 64;
  /** How often one read starts its window again because records moved under it before it gives up. */
  private static final int MAX_RESTARTS = 20;

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
    // one row more than the page: each server page after the first starts with the previous one's
    // last row again
    int top = pageSize + 1;
    ODataQuery query = base.orderBy("UpdateDate").orderBy("UpdateTime").orderBy(keyField).top(top);
    if (filter != null) {
      query = query.filter(filter);
    }
    // rows at or before the floor (in (time, key) order) were read before: dropped
    ChangePage.Cursor floor = after != null && overlap.isZero() ? after : null;
    Integer hint = floor != null ? remembered(entitySet, extra, after) : null;
    int skip = hint == null ? 0 : hint;
    // the row the next server page must start with (the cursor's record, or the previous page's
    // last row, read again): rows before it moved if it is not there
    ChangePage.Cursor expect = skip > 0 ? after : null;
    List<B1Entity> out = new ArrayList<>();
    // the last record returned: its position in its minute's read from a cursor in that minute
    int lastPosition = -1;
    // where the minute of the rows read so far began (an index in the server's order), and which minute
    int minuteStart = skip;
    LocalDateTime minute = null;
    int restarts = 0;
    boolean more;
    boolean overflow = false;
    while (true) {
      ODataPage<B1Entity> server = pages.apply(entitySet, query.skip(skip));
      List<B1Entity> rows = server.items();
      int first = 0;
      if (expect != null) {
        if (rows.isEmpty() || !isCursor(rows.get(0), keyField, numericKey, expect)) {
          // records before this place changed (and moved to the end) since the last page was read:
          // a $skip now lands past rows not yet read. Read the window again from its start,
          // dropping what was already returned.
          if (++restarts > MAX_RESTARTS) {
            more = !out.isEmpty();
            break;
          }
          if (!out.isEmpty()) {
            floor = cursorOf(out.get(out.size() - 1), keyField);
          }
          skip = 0;
          minuteStart = 0;
          minute = null;
          expect = null;
          continue;
        }
        // the expected row itself was read before (or is the cursor's): counted, not returned
        first = 1;
        LocalDateTime m = SapB1Client.changedAt(rows.get(0)).truncatedTo(ChronoUnit.MINUTES);
        if (!m.equals(minute)) {
          minute = m;
          minuteStart = skip;
        }
      }
      for (int i = first; i < rows.size(); i++) {
        B1Entity e = rows.get(i);
        LocalDateTime m = SapB1Client.changedAt(e).truncatedTo(ChronoUnit.MINUTES);
        if (!m.equals(minute)) {
          minute = m;
          minuteStart = skip + i;
        }
        if (floor != null && !isAfter(e, keyField, numericKey, floor)) {
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
      if (rows.size() <= first || (server.nextLink() == null && rows.size() < top)) {
        more = false;
        break;
      }
      if (out.size() >= pageSize) {
        more = true;
        break;
      }
      // the next page starts with this one's last row again, to see whether anything moved
      skip += rows.size() - 1;
      expect = cursorOf(rows.get(rows.size() - 1), keyField);
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

  private static ChangePage.Cursor cursorOf(B1Entity e, String keyField) {
    return new ChangePage.Cursor(SapB1Client.changedAt(e), e.string(keyField));
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
