package io.mlconnector.testkit.chargebee.internal;

import io.mlconnector.testkit.SimClock;
import io.mlconnector.testkit.http.SimResponse;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Answers kept per (API key, {@code chargebee-idempotency-key}) for a window of simulated time (30
 * minutes by default). A repeat with the same path and body replays the stored answer; a repeat
 * with a different path or body, or while the first is still running, is refused.
 */
public final class IdempotencyStore {
  /** What to do with a request carrying a key. */
  public enum Verdict {
    /** First use (or the window has passed): run it. */
    RUN,
    /** Seen with the same request and finished: replay. */
    REPLAY,
    /** Seen with a different request. */
    MISMATCH,
    /** The first request with this key is still running. */
    IN_USE
  }

  /**
   * The verdict and, for a replay, the stored answer.
   *
   * @param verdict what to do
   * @param stored the answer to replay, or null
   */
  public record Outcome(Verdict verdict, @Nullable SimResponse stored) {}

  private static final class Entry {
    final String fingerprint;
    final long createdMillis;
    @Nullable SimResponse response;

    Entry(String fingerprint, long createdMillis) {
      this.fingerprint = fingerprint;
      this.createdMillis = createdMillis;
    }
  }

  private final Map<String, Entry> entries = new HashMap<>();
  private final SimClock clock;
  private volatile long windowMillis;

  /** A store keeping answers {@code windowMillis} of simulated time. */
  public IdempotencyStore(SimClock clock, long windowMillis) {
    this.clock = clock;
    this.windowMillis = windowMillis;
  }

  /** Registers a request under a key, or says how to answer a repeat. */
  public synchronized Outcome begin(String apiKey, String key, String fingerprint) {
    long now = clock.millis();
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.response != null && now - e.createdMillis >= windowMillis) {
        it.remove();
      }
    }
    String slot = apiKey + '\u0000' + key;
    Entry e = entries.get(slot);
    if (e == null) {
      entries.put(slot, new Entry(fingerprint, now));
      return new Outcome(Verdict.RUN, null);
    }
    if (!e.fingerprint.equals(fingerprint)) {
      return new Outcome(Verdict.MISMATCH, null);
    }
    if (e.response == null) {
      return new Outcome(Verdict.IN_USE, null);
    }
    return new Outcome(Verdict.REPLAY, e.response);
  }

  /** Stores the answer of a request that ran. */
  public synchronized void complete(String apiKey, String key, SimResponse response) {
    Entry e = entries.get(apiKey + '\u0000' + key);
    if (e != null) {
      e.response = response;
    }
  }

  /** Forgets a key whose request was not processed (rate-limited, server error). */
  public synchronized void abandon(String apiKey, String key) {
    entries.remove(apiKey + '\u0000' + key);
  }
}
