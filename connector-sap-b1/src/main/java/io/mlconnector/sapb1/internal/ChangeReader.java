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
 * behind it move up, and the next {@code $skip} lands past a record nobody read. So each server
 * page after the first asks for one row more and must start with a row already dealt with (at or
 * before the last one returned, in (time, key) order); where it does not, the read backs off, a
 * page further each time (doubling), until it does or reaches the top, and drops what it has dealt
 * with. Every row before a row already dealt with sorts before it, so nothing unread is passed.
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
    // one row more than the page: each server page after the first starts with the previous one's
    // last row again
    int top = pageSize + 1;
    ODataQuery query = base.orderBy("UpdateDate").orderBy("UpdateTime").orderBy(keyField).top(top);
    if (filter != null) {
      query = query.filter(filter);
    }
    // every row at or before `seen` in (time, key) order has been dealt with (returned, or behind
    // the cursor): dropped when read again
    ChangePage.Cursor seen = after != null && overlap.isZero() ? after : null;
    Integer hint = seen != null ? remembered(entitySet, extra, after) : null;
    int skip = hint == null ? 0 : hint;
    // a page read past the top must start at or before `seen`: otherwise rows moved up under the
    // read (a record changed and left for the end) and unseen rows lie before it
    int backOff = top;
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
      if (skip > 0 && (rows.isEmpty() || seen == null || isAfter(rows.get(0), keyField, numericKey, seen))) {
        // back off, further each time, until the page starts with a row dealt with (or at the top)
        skip = Math.max(0, skip - backOff);
        backOff = backOff >= Integer.MAX_VALUE / 2 ? backOff : backOff * 2;
        minuteStart = skip;
        minute = null;
        continue;
      }
      for (int i = 0; i < rows.size(); i++) {
        B1Entity e = rows.get(i);
        LocalDateTime m = SapB1Client.changedAt(e).truncatedTo(ChronoUnit.MINUTES);
        if (!m.equals(minute)) {
          minute = m;
          minuteStart = skip + i;
        }
        if (seen != null && !isAfter(e, keyField, numericKey, seen)) {
          continue;
        }
        if (out.size() >= pageSize) {
          overflow = true; // a record past the page: more follow
          break;
        }
        out.add(e);
        seen = cursorOf(e, keyField);
        // a read from this record's minute starts where this read started when the minutes agree
        lastPosition = m.equals(from) ? skip + i : skip + i - minuteStart;
      }
      if (overflow) {
        more = true;
        break;
      }
      // the server may cap a page below $top (its page size): a next link says more rows follow
      if (rows.isEmpty() || (server.nextLink() == null && rows.size() < top)) {
        more = false;
        break;
      }
      if (out.size() >= pageSize) {
        more = true;
        break;
      }
      // the next page starts with this one's last row again, to see whether anything moved
      skip += rows.size() - 1;
      backOff = top;
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
