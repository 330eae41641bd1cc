package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.syspro.bo.ComfndQuery;
import io.mlconnector.syspro.bo.GlJournalPost;
import io.mlconnector.syspro.bo.PostingOptions;
import io.mlconnector.testkit.SimClock;
import io.mlconnector.testkit.syspro.BodyForm;
import io.mlconnector.testkit.syspro.Customer;
import io.mlconnector.testkit.syspro.GlAccount;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SecondLogonPolicy;
import io.mlconnector.testkit.syspro.SessionIdStyle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SysproSessionTest {

  @ParameterizedTest
  @EnumSource(BodyForm.class)
  void logsOnQueriesAndLogsOffInEveryBodyForm(BodyForm form) {
    try (SimFixture f =
        new SimFixture(b -> b.bodyForm(form).sessionIdStyle(SessionIdStyle.SYSPRO_8))) {
      f.sim.addCustomer(Customer.of("CUS001", "Café Zürich"));
      try (SysproClient client = f.client()) {
        List<SysproElement> rows = client.find(ComfndQuery.of("ArCustomer", "Customer", "Name"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).text("Name")).contains("Café Zürich");
        assertThat(client.logonProfile().operatorCode()).isEqualTo(SimFixture.OPERATOR);
        assertThat(f.sim.seatsInUse()).isEqualTo(1);
        assertThat(f.sim.logonCount()).isEqualTo(1);
      }
      assertThat(f.sim.seatsInUse()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(BodyForm.class)
  void errorAnswersAreTypedAndAnExpiredSessionIsReplacedInEveryBodyForm(BodyForm form) {
    try (SimFixture f = new SimFixture(b -> b.bodyForm(form).idleTimeout(Duration.ofMinutes(20)))) {
      f.sim.addCustomer(Customer.of("CUS001", "Café Zürich"));
      try (SysproClient client = f.client()) {
        assertThatThrownBy(() -> client.customerStatement("NOPE", false))
            .isInstanceOf(RejectedException.class)
            .hasMessageContaining("NOPE");
        f.sim.advanceClock(Duration.ofMinutes(30));
        assertThat(client.find(ComfndQuery.of("ArCustomer", "Customer"))).hasSize(1);
        assertThat(f.sim.expiredSessionCount()).isEqualTo(1);
        assertThat(f.sim.logonCount()).isEqualTo(2);
      }
      assertThat(f.sim.seatsInUse()).isZero();
      try (SysproClient wrong =
          f.client(
              c ->
                  c.credentials(
                      SysproCredentials.of(SimFixture.OPERATOR, "nope", f.sim.companyId(), "")))) {
        assertThatThrownBy(wrong::logonProfile).isInstanceOf(AuthenticationException.class);
      }
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationErrorWithoutTheSecret() {
    try (SimFixture f = new SimFixture();
        SysproClient client =
            f.client(
                c ->
                    c.credentials(
                        SysproCredentials.of(
                            SimFixture.OPERATOR, "wrong-pass", f.sim.companyId(), "")))) {
      assertThatThrownBy(client::logonProfile)
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("Invalid operator password")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-pass"));
    }
  }

  @Test
  void licenceExhaustedIsTransient() {
    try (SimFixture f =
        new SimFixture(b -> b.licenceSeats(1).operator(Operator.of("OTHER", "pw")))) {
      try (SysproClient first = f.client();
          SysproClient second =
              f.client(
                  c -> c.credentials(SysproCredentials.of("OTHER", "pw", f.sim.companyId(), "")))) {
        first.logonProfile();
        assertThatThrownBy(second::logonProfile)
            .isInstanceOf(TransientException.class)
            .hasMessageContaining("licen");
      }
    }
  }

  @Test
  void expiredSessionIsReplacedOnceAndTheCallRepeated() {
    try (SimFixture f = new SimFixture(b -> b.idleTimeout(Duration.ofMinutes(20)))) {
      f.sim.addCustomer(Customer.of("CUS001", "Acme"));
      try (SysproClient client = f.client()) {
        client.logonProfile();
        f.sim.advanceClock(Duration.ofMinutes(30));
        assertThat(client.find(ComfndQuery.of("ArCustomer", "Customer"))).hasSize(1);
        assertThat(f.sim.logonCount()).isEqualTo(2);
        assertThat(f.sim.expiredSessionCount()).isEqualTo(1);
      }
      assertThat(f.sim.seatsInUse()).isZero();
    }
  }

  @Test
  void evictionByAnotherLogonOfTheOperatorIsRecovered() {
    try (SimFixture f = new SimFixture(b -> b.secondLogon(SecondLogonPolicy.EVICT_OLDEST))) {
      try (SysproClient ours = f.client();
          SysproClient intruder = f.client()) {
        ours.logonProfile();
        intruder.logonProfile();
        assertThat(f.sim.evictedSessionCount()).isEqualTo(1);
        assertThat(ours.logonProfile().operatorCode()).isEqualTo(SimFixture.OPERATOR);
        assertThat(f.sim.evictedSessionCount()).isEqualTo(2);
      }
      assertThat(f.sim.seatsInUse()).isZero();
    }
  }

  @Test
  void aKnownIdleTimeoutReplacesTheSessionBeforeItExpiresAndLogsTheOldOneOff() {
    SimClock clock = SimClock.at(SysproEngineFlowTest.T0);
    try (SimFixture f = new SimFixture(b -> b.idleTimeout(Duration.ofMinutes(20)));
        HttpTransport transport = HttpTransport.builder().clock(clock).sleeper(d -> {}).build();
        SysproClient client =
            SysproClient.create(
                transport, f.config().sessionIdleTimeout(Duration.ofMinutes(10)).build())) {
      client.logonProfile();
      clock.advance(Duration.ofMinutes(15));
      f.sim.advanceClock(Duration.ofMinutes(15));
      client.logonProfile();
      assertThat(f.sim.logonCount()).isEqualTo(2);
      assertThat(f.sim.expiredSessionCount()).isZero();
      assertThat(f.sim.seatsInUse()).isEqualTo(1);
    }
  }

  @Test
  void credentialsComeFromAStoredCredential() {
    try (SimFixture f = new SimFixture();
        SysproClient client =
            f.client(
                c ->
                    c.credentials(
                        SysproCredentials.from(
                            Credentials.builder()
                                .put(SysproCredentials.OPERATOR, Secret.of(SimFixture.OPERATOR))
                                .put(
                                    SysproCredentials.OPERATOR_PASSWORD,
                                    Secret.of(SimFixture.PASSWORD))
                                .put(SysproCredentials.COMPANY_ID, Secret.of(f.sim.companyId()))
                                .build())))) {
      assertThat(client.logonProfile().companyName()).isEqualTo("Outdoor Café Company");
      assertThat(client.config().toString()).doesNotContain(SimFixture.PASSWORD);
    }
    assertThatThrownBy(
            () ->
                SysproCredentials.from(
                    Credentials.builder().put(SysproCredentials.OPERATOR, Secret.of("X")).build()))
        .hasMessageContaining("operatorPassword");
  }

  @Test
  void anExpiredSessionIsReplacedForAPostLdToo() {
    try (SimFixture f = new SimFixture(b -> b.idleTimeout(Duration.ofMinutes(20)))) {
      f.sim.setCurrentPeriod(YearMonth.of(2024, 1));
      f.sim.addGlAccount(GlAccount.of("00-5100", "Office", "E"));
      f.sim.addGlAccount(GlAccount.of("00-2300", "Accruals", "L"));
      try (SysproClient client = f.client(c -> c.maxGetUrlLength(256))) {
        client.logonProfile();
        f.sim.advanceClock(Duration.ofMinutes(30));
        GlJournalPost doc = new GlJournalPost();
        doc.addItems(
            new GlJournalPost.Item()
                .journalType("N")
                .journalDate(LocalDate.of(2024, 1, 31))
                .addJournalDetails(
                    new GlJournalPost.JournalDetail()
                        .ledgerCode("00-5100")
                        .entryAmount(BigDecimal.ONE))
                .addJournalDetails(
                    new GlJournalPost.JournalDetail()
                        .ledgerCode("00-2300")
                        .entryAmount(BigDecimal.ONE.negate())));
        client.post(doc, PostingOptions.defaults());
        assertThat(f.sim.glJournals()).hasSize(1);
        assertThat(f.sim.logonCount()).isEqualTo(2);
      }
      assertThat(f.sim.seatsInUse()).isZero();
    }
  }
}
