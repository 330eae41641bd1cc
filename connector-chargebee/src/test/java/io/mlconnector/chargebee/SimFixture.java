package io.mlconnector.chargebee;

import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.CallInfo;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.TransportListener;
import io.mlconnector.testkit.SimClock;
import io.mlconnector.testkit.chargebee.ChargebeeSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A simulator and a client sharing one simulated time: the transport's sleeper advances both
 * clocks instead of sleeping, so waits for {@code Retry-After} and the rate budget cost no real time.
 */
final class SimFixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  final ChargebeeSimulator sim;
  final HttpTransport transport;
  final ChargebeeClient client;
  /** T0 plus whatever the sleeper advanced. */
  final SimClock clock = SimClock.at(T0);
  /** Requests of the event list ({@code GET /events}, any query) the client made. */
  final AtomicInteger eventListReads = new AtomicInteger();

  SimFixture(UnaryOperator<ChargebeeSimulator.Builder> simSetup, UnaryOperator<ChargebeeConfig.Builder> setup) {
    this.sim = simSetup.apply(ChargebeeSimulator.builder().clock(Clock.fixed(T0, ZoneOffset.UTC))).build();
    this.transport = HttpTransport.builder().clock(clock).sleeper(this::advance)
        .listener(new TransportListener() {
          @Override
          public void callStart(CallInfo call) {
            if ("GET events".equals(call.operation())) {
              eventListReads.incrementAndGet();
            }
          }
        })
        .build();
    this.client = ChargebeeClient.create(transport, config(setup));
  }

  SimFixture() {
    this(b -> b.requestsPerMinute(0), b -> b);
  }

  ChargebeeConfig config(UnaryOperator<ChargebeeConfig.Builder> setup) {
    return setup.apply(ChargebeeConfig.builder("acme", "acme/chargebee", sim.site(),
            ChargebeeCredentials.of(Secret.of(sim.apiKey()), "hook", Secret.of("hook-pass")))
        .baseUrl(sim.baseUrl()).plan(ChargebeePlan.PERFORMANCE)).build();
  }

  void advance(Duration d) {
    if (d.isNegative() || d.isZero()) {
      return;
    }
    clock.advance(Duration.ofMillis(d.toMillis()));
    sim.advanceClock(d);
  }

  @Override
  public void close() {
    transport.close();
    sim.close();
  }

  /** How far the sleeper has moved the client's clock, in milliseconds. */
  long advancedMillis() {
    return Duration.between(T0, clock.instant()).toMillis();
  }
}
