package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mlconnector.core.http.HttpLogLevel;
import io.mlconnector.syspro.bo.GlJournalPost;
import io.mlconnector.syspro.bo.PostingOptions;
import io.mlconnector.testkit.syspro.GlAccount;
import io.mlconnector.testkit.syspro.SessionInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SysproLogRedactionTest {

  @Test
  void wireLogsNeverShowLogonValuesOrTheSessionId() {
    Logger wire = (Logger) LoggerFactory.getLogger("io.mlconnector.core.http.wire");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    wire.addAppender(appender);
    Level before = wire.getLevel();
    wire.setLevel(Level.DEBUG);
    try (SimFixture f = new SimFixture(b -> b.companyPassword("Company-Pw-Secret"))) {
      f.sim.setCurrentPeriod(YearMonth.of(2024, 1));
      f.sim.addGlAccount(GlAccount.of("00-5100", "Office", "E"));
      f.sim.addGlAccount(GlAccount.of("00-2300", "Accruals", "L"));
      List<String> sessionIds;
      try (SysproClient client =
          f.client(
              c ->
                  c.logLevel(HttpLogLevel.BODY)
                      .maxGetUrlLength(256)
                      .credentials(
                          SysproCredentials.of(
                              SimFixture.OPERATOR,
                              SimFixture.PASSWORD,
                              f.sim.companyId(),
                              "Company-Pw-Secret")))) {
        client.logonProfile();
        sessionIds =
            f.sim.activeSessions().stream()
                .map(SessionInfo::userId)
                .map(String::strip)
                .collect(Collectors.toList());
        GlJournalPost doc = new GlJournalPost();
        doc.addItems(
            new GlJournalPost.Item()
                .journalType("N")
                .journalDate(LocalDate.of(2024, 1, 31))
                .addJournalDetails(
                    new GlJournalPost.JournalDetail()
                        .ledgerCode("00-5100")
                        .entryAmount(new BigDecimal("1")))
                .addJournalDetails(
                    new GlJournalPost.JournalDetail()
                        .ledgerCode("00-2300")
                        .entryAmount(new BigDecimal("-1"))));
        client.post(doc, PostingOptions.defaults());
        client.ping();
      }
      String logged =
          appender.list.stream()
              .map(ILoggingEvent::getFormattedMessage)
              .collect(Collectors.joining("\n"));
      assertThat(logged).contains("Logon").contains("PostLD").contains("GetLogonProfile");
      assertThat(sessionIds).isNotEmpty();
      assertThat(logged)
          .doesNotContain(SimFixture.PASSWORD)
          .doesNotContain("Company-Pw-Secret")
          .doesNotContain(SimFixture.ODATA_PASSWORD)
          .doesNotContain("Operator=" + SimFixture.OPERATOR);
      for (String id : sessionIds) {
        assertThat(logged).doesNotContain(id);
      }
    } finally {
      wire.detachAppender(appender);
      wire.setLevel(before);
    }
  }
}
