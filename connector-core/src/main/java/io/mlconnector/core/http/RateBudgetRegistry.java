package io.mlconnector.core.http;

import io.mlconnector.core.http.internal.SafeTransportListener;
import io.mlconnector.core.http.internal.TokenBucketBudget;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The named registry of {@link RateBudget}s, one per {@link CredentialKey}. Every client of the
 * same credential gets the same budget, so together they stay within the remote's limit. The
 * first config registered for a key wins; later ones are ignored. Thread-safe.
 */
public final class RateBudgetRegistry {

  private final Clock clock;
  private final Sleeper sleeper;
  private final TransportListener listener;
  private final Map<CredentialKey, RateBudget> budgets = new ConcurrentHashMap<>();

  private RateBudgetRegistry(Clock clock, Sleeper sleeper, TransportListener listener) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  /** {@return a registry on the system clock and real sleeps} */
  public static RateBudgetRegistry create() {
    return create(Clock.systemUTC(), Sleeper.SYSTEM, TransportListener.NONE);
  }

  /**
   * A registry with the given time source, sleeper and listener.
   *
   * @param clock measures time; only differences between its readings matter
   * @param sleeper waits for permits
   * @param listener receives {@code rateLimitWait} and {@code rateLimited} events (an exception
   *     it throws is logged and ignored)
   * @return the registry, empty
   */
  public static RateBudgetRegistry create(Clock clock, Sleeper sleeper, TransportListener listener) {
    return new RateBudgetRegistry(
        Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(sleeper, "sleeper"),
        SafeTransportListener.wrap(Objects.requireNonNull(listener, "listener")));
  }

  /**
   * The budget of {@code key}, created with {@code config} if it does not exist yet.
   *
   * @param key the credential key, (system, credential id)
   * @param config the settings of a budget created now; ignored when the budget exists
   * @return the key's budget
   */
  public RateBudget budget(CredentialKey key, RateBudgetConfig config) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(config, "config");
    return budgets.computeIfAbsent(
        key, k -> new TokenBucketBudget(k, config, clock, sleeper, listener));
  }

  /**
   * The budget of {@code key}, made by {@code factory} if it does not exist yet: the way in for a
   * remote whose limit a token bucket does not model (a sliding window, say). Clients of the key
   * built later get this budget whatever config they carry.
   *
   * @param key the credential key, (system, credential id)
   * @param factory makes the budget when the key has none yet
   * @return the key's budget
   */
  public RateBudget budget(CredentialKey key, Function<CredentialKey, ? extends RateBudget> factory) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(factory, "factory");
    return budgets.computeIfAbsent(key, factory);
  }

  /**
   * The budget of {@code key}, if one was created.
   *
   * @param key the credential key, (system, credential id)
   * @return the budget, or empty when none was created for the key
   */
  public Optional<RateBudget> find(CredentialKey key) {
    return Optional.ofNullable(budgets.get(Objects.requireNonNull(key, "key")));
  }

  /**
   * Removes the budget of {@code key} (for example when a credential is deleted).
   *
   * @param key the credential key, (system, credential id); an unknown key changes nothing
   */
  public void remove(CredentialKey key) {
    budgets.remove(Objects.requireNonNull(key, "key"));
  }
}
