package io.mlconnector.core.http;

import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every requested wait instead of waiting. When built with a clock it advances that clock
 * by the wait, so code that measures elapsed time sees the wait as if it had happened.
 */
final class RecordingSleeper implements Sleeper {
  private final SimClock clock;
  private final List<Duration> sleeps = new ArrayList<>();

  RecordingSleeper(SimClock clock) {
    this.clock = clock;
  }

  /** A sleeper that records but leaves time frozen. */
  static RecordingSleeper frozen() {
    return new RecordingSleeper(null);
  }

  @Override
  public void sleep(Duration duration) {
    synchronized (sleeps) {
      sleeps.add(duration);
    }
    if (clock != null) {
      clock.advance(duration);
    }
  }

  List<Duration> sleeps() {
    synchronized (sleeps) {
      return new ArrayList<>(sleeps);
    }
  }
}
