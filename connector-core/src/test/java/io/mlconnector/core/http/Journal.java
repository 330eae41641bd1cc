package io.mlconnector.core.http;

import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;

/**
 * Reads WireMock's request journal. WireMock records a request after it has answered it, so a
 * client can see the answer (or a reset) a moment before the journal does: poll, with a bound.
 */
final class Journal {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private Journal() {}

  /** Waits (bounded) until at least {@code expected} requests match, then verifies exactly that. */
  static void verify(WireMockExtension wm, int expected, RequestPatternBuilder pattern) {
    findAll(wm, pattern, expected);
    wm.verify(expected, pattern);
  }

  /** Waits (bounded) until at least {@code expected} requests match, then returns all matches. */
  static List<LoggedRequest> findAll(WireMockExtension wm, RequestPatternBuilder pattern, int expected) {
    return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10))
        .until(() -> wm.findAll(pattern), found -> found.size() >= expected);
  }
}
