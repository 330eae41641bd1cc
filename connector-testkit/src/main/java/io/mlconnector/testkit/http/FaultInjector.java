package io.mlconnector.testkit.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Fault injection shared by every simulator: added latency, scripted faults for the next requests,
 * and random faults with a seeded generator so a failing test can be replayed. Thread-safe;
 * settings may change while the simulator runs.
 *
 * <pre>{@code
 * sim.faults().latency(Duration.ofMillis(50));
 * sim.faults().failNext(2, Fault.SERVER_ERROR);          // the next two requests get a 5xx
 * sim.faults().random(0.1, Fault.RESPONSE_LOST_AFTER_COMMIT, r -> r.method().equals("POST"));
 * }</pre>
 */
public final class FaultInjector {
  private final Deque<Fault> scripted = new ArrayDeque<>();
  private Random random = new Random(42);
  private Duration latency = Duration.ZERO;
  private Duration jitter = Duration.ZERO;
  private double probability;
  private Fault randomFault = Fault.NONE;
  private Predicate<SimRequest> randomScope = r -> true;
  private Predicate<SimRequest> exempt = r -> false;
  private long injected;

  /**
   * Adds a fixed latency to every request (before it is processed).
   *
   * @param fixed the delay; {@link Duration#ZERO} for none
   * @return this injector
   */
  public synchronized FaultInjector latency(Duration fixed) {
    this.latency = Objects.requireNonNull(fixed, "fixed");
    return this;
  }

  /**
   * Adds a random extra latency between zero and {@code jitter} to every request.
   *
   * @param jitter the largest extra delay; {@link Duration#ZERO} for none
   * @return this injector
   */
  public synchronized FaultInjector jitter(Duration jitter) {
    this.jitter = Objects.requireNonNull(jitter, "jitter");
    return this;
  }

  /**
   * The next {@code count} requests (not exempt) suffer {@code fault}, in order. Scripted faults
   * queue behind any already scripted and take precedence over random ones.
   *
   * @param count how many requests; zero or less scripts nothing
   * @param fault the fault each of them suffers
   * @return this injector
   */
  public synchronized FaultInjector failNext(int count, Fault fault) {
    Objects.requireNonNull(fault, "fault");
    for (int i = 0; i < count; i++) {
      scripted.addLast(fault);
    }
    return this;
  }

  /**
   * Each request matching {@code scope} suffers {@code fault} with {@code probability}; replaces
   * an earlier random setting.
   *
   * @param probability the chance per request, 0 to 1 (0 turns random faults off)
   * @param fault the fault to inject
   * @param scope which requests may be faulted
   * @return this injector
   * @throws IllegalArgumentException if {@code probability} is outside 0 to 1
   */
  public synchronized FaultInjector random(double probability, Fault fault, Predicate<SimRequest> scope) {
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("probability must be 0 to 1, was " + probability);
    }
    this.probability = probability;
    this.randomFault = Objects.requireNonNull(fault, "fault");
    this.randomScope = Objects.requireNonNull(scope, "scope");
    return this;
  }

  /**
   * Random faults for every request; replaces an earlier random setting.
   *
   * @param probability the chance per request, 0 to 1 (0 turns random faults off)
   * @param fault the fault to inject
   * @return this injector
   * @throws IllegalArgumentException if {@code probability} is outside 0 to 1
   */
  public FaultInjector random(double probability, Fault fault) {
    return random(probability, fault, r -> true);
  }

  /**
   * Requests matching this predicate (a test-control API, say) are never faulted nor delayed;
   * replaces an earlier predicate.
   *
   * @param predicate selects the exempt requests
   * @return this injector
   */
  public synchronized FaultInjector exempt(Predicate<SimRequest> predicate) {
    this.exempt = Objects.requireNonNull(predicate, "predicate");
    return this;
  }

  /**
   * Reseeds the random generator, so a run of random faults and jitter can be replayed.
   *
   * @param seed the new seed (the initial one is 42)
   * @return this injector
   */
  public synchronized FaultInjector seed(long seed) {
    this.random = new Random(seed);
    return this;
  }

  /**
   * Clears every fault and latency (scripted, random and delays); the exempt predicate, the seed
   * and the count of injected faults stay.
   *
   * @return this injector
   */
  public synchronized FaultInjector reset() {
    scripted.clear();
    latency = Duration.ZERO;
    jitter = Duration.ZERO;
    probability = 0;
    randomFault = Fault.NONE;
    randomScope = r -> true;
    return this;
  }

  /**
   * How many faults were injected so far.
   *
   * @return the count since the injector was created
   */
  public synchronized long injectedCount() {
    return injected;
  }

  /**
   * Decides the fault for one request (called by {@link SimServer}).
   *
   * @param request the request about to be served
   * @return the fault ({@link Fault#NONE} for none) and the delay to apply
   */
  public synchronized Decision decide(SimRequest request) {
    if (exempt.test(request)) {
      return new Decision(Fault.NONE, Duration.ZERO);
    }
    Duration delay = latency;
    if (!jitter.isZero()) {
      delay = delay.plusNanos((long) (random.nextDouble() * jitter.toNanos()));
    }
    Fault fault = Fault.NONE;
    if (!scripted.isEmpty()) {
      fault = scripted.pollFirst();
    } else if (probability > 0 && randomScope.test(request) && random.nextDouble() < probability) {
      fault = randomFault;
    }
    if (fault != Fault.NONE) {
      injected++;
    }
    return new Decision(fault, delay);
  }

  /**
   * The injector's verdict for one request.
   *
   * @param fault what to do
   * @param delay how long to wait before processing
   */
  public record Decision(Fault fault, Duration delay) {}
}
