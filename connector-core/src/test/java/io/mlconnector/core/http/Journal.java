package io.mlconnector.core.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * Reads WireMock's request journal. WireMock records a request after it has answered it, so a
 * client can see the answer (or a reset) a moment before the journal does: poll, with a bound.
 */
final class Journal {
  private static final long TIMEOUT_MILLIS = 5_000;

  private Journal() {}

  /** Waits (bounded) until at least {@code expected} requests match, then verifies exactly that. */
  static void verify(WireMockExtension wm, int expected, RequestPatternBuilder pattern) {
    findAll(wm, pattern, expected);
    wm.verify(expected, pattern);
  }

  /** Waits (bounded) until at least {@code expected} requests match, then returns all matches. */
  static List<LoggedRequest> findAll(WireMockExtension wm, RequestPatternBuilder pattern, int expected) {
    long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
    List<LoggedRequest> found = wm.findAll(pattern);
    while (found.size() < expected && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      found = wm.findAll(pattern);
    }
    return found;
  }
}
