package io.mlconnector.sapb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.http.HttpLogLevel;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SapB1LogRedactionTest {

  @Test
  void wireLogsAndErrorsNeverShowThePasswordOrTheSessionId() {
    Logger wire = (Logger) LoggerFactory.getLogger("io.mlconnector.core.http.wire");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    wire.addAppender(appender);
    Level before = wire.getLevel();
    wire.setLevel(Level.DEBUG);
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      try (SapB1Client client = SapB1Client.create(f.transport, f.config(true).logLevel(HttpLogLevel.BODY).build())) {
        client.businessPartner("C1");
        client.create("Invoices", Map.of("CardCode", "C1", "DocumentLines", List.of(Map.of("Price", 5))));
        client.ping();
      }
      SapB1Config bad = SapB1Config.builder("acme", "acme/bad", f.sim.serviceRoot(false).toString(),
          SapB1Credentials.of(f.sim.companyDb(), SimFixture.USER, Secret.of("Wrong-Pw-987654"))).logLevel(HttpLogLevel.BODY)
          .build();
      try (SapB1Client client = SapB1Client.create(f.transport, bad)) {
        assertThatThrownBy(() -> client.businessPartner("C1")).isInstanceOf(AuthenticationException.class)
            .satisfies(e -> assertThat(String.valueOf(e)).doesNotContain("Wrong-Pw-987654"));
      }
      String logged = appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
      assertThat(logged).contains("Login").contains("Invoices").contains("Logout");
      assertThat(logged).doesNotContain(SimFixture.PASSWORD).doesNotContain("Wrong-Pw-987654");
      // the session ids the simulator handed out (seeded GUIDs) never appear in clear
      assertThat(logged).doesNotContainPattern("B1SESSION=[0-9a-f]{8}-");
      assertThat(logged).doesNotContainPattern("\"SessionId\"\\s*:\\s*\"[0-9a-f]{8}-");
    } finally {
      wire.detachAppender(appender);
      wire.setLevel(before);
    }
  }
}
