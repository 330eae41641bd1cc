package io.mlconnector.sapb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.http.HttpLogLevel;
import io.mlconnector.core.http.HttpTransport;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No licence seat free at Login is a wait, not a failure: the client answers rate-limited with the
 * wait, sends no Login until the wait is over, says so once in the log (credential and seat cap,
 * never the password or a session id), and proceeds once a seat frees.
 */
class SapB1SeatWaitTest {
  private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger("io.mlconnector.sapb1"),
      (Logger) LoggerFactory.getLogger("io.mlconnector.core.http"));
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    appender.start();
    for (Logger l : loggers) {
      l.addAppender(appender);
      l.setLevel(Level.DEBUG);
      l.setAdditive(false); // captured, not printed
    }
  }

  @AfterEach
  void releaseLogs() {
    for (Logger l : loggers) {
      l.detachAppender(appender);
      l.setLevel(null);
      l.setAdditive(true);
    }
  }

  @Test
  void noSeatFreeWaitsWithoutLoggingInThenProceedsWhenASeatFrees() throws Exception {
    try (SimFixture f = new SimFixture(b -> b.maxSessionsPerUser(1))) {
      f.sim.addCustomer("C1", "Acme", "USD");
      try (SapB1Client person = f.client(false);
          SapB1Client sync = SapB1Client.create(f.transport, f.config(false, "acme/sync")
              .seatRetry(Duration.ofMillis(300), Duration.ofSeconds(2)).licenceSeats(1)
              .logLevel(HttpLogLevel.BODY).build())) {
        person.businessPartner("C1"); // a person holds the user's only seat

        assertThatThrownBy(() -> sync.businessPartner("C1"))
            .isInstanceOfSatisfying(RateLimitedException.class, e -> {
              assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(300));
              assertThat(e.details().httpStatus()).isEqualTo(401);
            })
            .hasMessageContaining("no licence seat free")
            .hasMessageContaining("1 licence seat")
            .hasMessageNotContaining(SimFixture.PASSWORD);
        long requests = f.sim.requestCount();
        for (int i = 0; i < 5; i++) { // within the wait: refused at once, no Login sent
          assertThatThrownBy(() -> sync.businessPartner("C1")).isInstanceOfSatisfying(RateLimitedException.class,
              e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300)));
        }
        assertThat(f.sim.requestCount()).isEqualTo(requests);

        Thread.sleep(350);
        assertThatThrownBy(() -> sync.businessPartner("C1")) // still taken: the wait doubles
            .isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(600)));

        person.close(); // the seat frees
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        boolean answered = false;
        while (!answered) {
          try {
            answered = sync.businessPartner("C1").isPresent();
          } catch (RateLimitedException e) {
            assertThat(System.nanoTime()).as("no seat within 10 s").isLessThan(deadline);
            Thread.sleep(e.retryAfter().toMillis() + 10);
          }
        }
        assertThat(f.sim.liveSessions()).isEqualTo(1);
      }
      List<ILoggingEvent> warnings = appender.list.stream()
          .filter(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("licence seat")).toList();
      assertThat(warnings).hasSize(1); // once, not per call
      assertThat(warnings.get(0).getFormattedMessage()).contains("acme/sync").contains("user manager")
          .contains("1 licence seat").contains("Login again in 0.3 s");
      assertThat(appender.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
          .contains("licence seat obtained after 2 refused Login(s)"));
      assertNoSecrets(appender.list);
    }
  }

  @Test
  void whenTheIdleSessionLapsedAndAPersonTookTheSeatTheWaitSendsNothing() {
    try (SimFixture f = new SimFixture(b -> b.maxSessionsPerUser(1), true)) {
      f.sim.addCustomer("C1", "Acme", "USD");
      try (SapB1Client sync = SapB1Client.create(f.transport, f.config(true, "acme/sync").build());
          SapB1Client person = SapB1Client.create(f.transport, f.config(true, "acme/person").build())) {
        sync.businessPartner("C1");
        f.sim.advance(Duration.ofMinutes(45)); // the sync's session idles out at the server, freeing the seat
        person.businessPartner("C1"); // a person takes it

        assertThatThrownBy(() -> sync.businessPartner("C1")).isInstanceOf(RateLimitedException.class);
        long requests = f.sim.requestCount();
        for (int i = 0; i < 3; i++) { // no Login, and no Logout of the lapsed session again
          assertThatThrownBy(() -> sync.businessPartner("C1")).isInstanceOf(RateLimitedException.class);
        }
        assertThat(f.sim.requestCount()).isEqualTo(requests);

        person.close();
        f.sim.advance(Duration.ofSeconds(30)); // the default wait
        assertThat(sync.businessPartner("C1")).isPresent();
        assertThat(f.sim.liveSessions()).isEqualTo(1);
      }
    }
  }

  @Test
  void aServerThatWordsItDifferentlyIsMatchedByTheConfiguredPattern() {
    try (SimFixture f = new SimFixture(b -> b.maxSessionsPerUser(1)
        .seatsExhausted(400, "-4010", "Maximum number of concurrent users exceeded"))) {
      f.sim.addCustomer("C1", "Acme", "USD");
      try (SapB1Client person = f.client(true);
          SapB1Client strict = SapB1Client.create(f.transport, f.config(true, "acme/strict").build());
          SapB1Client tuned = SapB1Client.create(f.transport, f.config(true, "acme/tuned")
              .seatsExhaustedPattern("^-4010$").build())) {
        person.businessPartner("C1");
        // the default pattern does not know this wording: a refusal it cannot place is not a wait
        assertThatThrownBy(() -> strict.businessPartner("C1"))
            .isNotInstanceOf(RateLimitedException.class).hasMessageContaining("-4010");
        assertThatThrownBy(() -> tuned.businessPartner("C1")).isInstanceOf(RateLimitedException.class)
            .hasMessageContaining("no licence seat free").hasMessageContaining("-4010");
      }
    }
  }

  @Test
  void restartsWithATakenOverSessionAndARefusedLoginNeverLogTheSecrets() {
    try (SimFixture f = new SimFixture(b -> b.maxSessionsPerUser(1))) {
      f.sim.addCustomer("C1", "Acme", "USD");
      SapB1SessionStore store = SapB1SessionStore.inMemory();
      try (HttpTransport killed = HttpTransport.builder().sleeper(d -> {}).logoutOnClose(false).build()) {
        SapB1Client first = SapB1Client.create(killed, f.config(true).sessionStore(store)
            .logLevel(HttpLogLevel.BODY).build());
        first.businessPartner("C1");
      }
      String sessionId = store.load("acme", "acme/sap").orElseThrow().sessionId().reveal();
      try (HttpTransport restarted = HttpTransport.builder().sleeper(d -> {}).build();
          SapB1Client again = SapB1Client.create(restarted, f.config(true).sessionStore(store)
              .logLevel(HttpLogLevel.BODY).build());
          SapB1Client other = SapB1Client.create(restarted, f.config(true, "acme/other")
              .logLevel(HttpLogLevel.BODY).build())) {
        again.businessPartner("C1");
        assertThatThrownBy(() -> other.businessPartner("C1")).isInstanceOf(RateLimitedException.class)
            .satisfies(e -> assertThat(String.valueOf(e)).doesNotContain(SimFixture.PASSWORD).doesNotContain(sessionId));
      }
      String logged = joined(appender.list);
      assertThat(logged).contains("taking over the Service Layer session").contains("no licence seat free");
      assertThat(logged).doesNotContain(sessionId);
      assertNoSecrets(appender.list);
    }
  }

  private static void assertNoSecrets(List<ILoggingEvent> events) {
    String logged = joined(events);
    assertThat(logged).isNotEmpty().doesNotContain(SimFixture.PASSWORD);
    assertThat(logged).doesNotContainPattern("B1SESSION=[0-9a-f]{8}-");
    assertThat(logged).doesNotContainPattern("\"SessionId\"\\s*:\\s*\"[0-9a-f]{8}-");
  }

  private static String joined(List<ILoggingEvent> events) {
    return events.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
  }
}
