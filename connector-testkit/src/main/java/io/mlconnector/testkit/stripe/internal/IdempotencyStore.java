package io.mlconnector.testkit.stripe.internal;

import io.mlconnector.testkit.http.SimResponse;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's idempotency store: results kept per (API key, {@code Idempotency-Key}) for 24 hours of
 * simulated time; a repeat with the same request replays the stored answer, a repeat with a
 * different request is an error, and a repeat while the first is still running is refused.
 */
public final class IdempotencyStore {
  static final long RETENTION_MILLIS = 24L * 3600 * 1000;

  /** What to do with a request carrying a key. */
  public enum Verdict {
    /** First use: run it. */
    RUN,
    /** Seen with the same request and finished: replay {@link Outcome#stored()}. */
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
  private final LongSupplier clockMillis;

  /** A store on the simulated clock. */
  public IdempotencyStore(LongSupplier clockMillis) {
    this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
  }

  private static String slot(String apiKey, String key) {
    return apiKey + '\u0000' + key;
  }

  /** Registers a request under a key, or says how to answer a repeat. */
  public synchronized Outcome begin(String apiKey, String key, String fingerprint) {
    long now = clockMillis.getAsLong();
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.response != null && now - e.createdMillis >= RETENTION_MILLIS) {
        it.remove();
      }
    }
    Entry e = entries.get(slot(apiKey, key));
    if (e == null) {
      entries.put(slot(apiKey, key), new Entry(fingerprint, now));
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
    Entry e = entries.get(slot(apiKey, key));
    if (e != null) {
      e.response = response;
    }
  }

  /** Forgets a key whose request failed validation (Stripe keeps nothing then). */
  public synchronized void abandon(String apiKey, String key) {
    entries.remove(slot(apiKey, key));
  }

  /** Keys currently held. */
  public synchronized int size() {
    return entries.size();
  }
}
