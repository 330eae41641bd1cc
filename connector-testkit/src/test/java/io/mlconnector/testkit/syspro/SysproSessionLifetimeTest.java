package io.mlconnector.testkit.syspro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SysproSessionLifetimeTest {
  private static final String INVALID = "ERROR: The supplied UserID is invalid.";
  private SysproSimulator sim;

  @AfterEach
  void close() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void aSessionIdleLongerThanTheTimeoutIsInvalidAndFreesItsSeat() {
    sim = Enet.builder().idleTimeout(Duration.ofMinutes(20)).start();
    Enet enet = new Enet(sim);
    String id = enet.logon();
    sim.advanceClock(Duration.ofMinutes(19));
    assertThat(enet.get("/GetLogonProfile", "UserId", id))
        .contains("<OperatorCode>ADMIN</OperatorCode>");
    sim.advanceClock(Duration.ofMinutes(19));
    assertThat(enet.get("/GetLogonProfile", "UserId", id))
        .as("activity refreshed the session")
        .contains("<OperatorCode>ADMIN</OperatorCode>");
    sim.advanceClock(Duration.ofMinutes(20));
    assertThat(enet.get("/GetLogonProfile", "UserId", id)).isEqualTo(INVALID);
    assertThat(sim.seatsInUse()).isZero();
    assertThat(sim.expiredSessionCount()).isEqualTo(1);
  }

  @Test
  void anOrphanedSessionHoldsItsSeatUntilItExpires() {
    sim =
        SysproSimulator.builder()
            .operator(Operator.of("OP1", "a"))
            .operator(Operator.of("OP2", "b"))
            .licenceSeats(1)
            .idleTimeout(Duration.ofMinutes(5))
            .start();
    Enet enet = new Enet(sim);
    enet.logon("OP1", "a"); // never logged off
    assertThat(enet.logon("OP2", "b")).startsWith("ERROR: No e.net licence available");
    sim.advanceClock(Duration.ofMinutes(5));
    assertThat(enet.logon("OP2", "b")).matches("[0-9A-F]{34}  ");
  }

  @Test
  void aSecondLogonOfTheSameOperatorEvictsTheFirstSession() {
    sim = Enet.builder().start();
    Enet enet = new Enet(sim);
    String first = enet.logon();
    String second = enet.logon();
    assertThat(second).isNotEqualTo(first);
    assertThat(enet.get("/GetLogonProfile", "UserId", first)).isEqualTo(INVALID);
    assertThat(enet.get("/GetLogonProfile", "UserId", second))
        .contains("<OperatorCode>ADMIN</OperatorCode>");
    assertThat(sim.seatsInUse()).isEqualTo(1);
    assertThat(sim.evictedSessionCount()).isEqualTo(1);
  }

  @Test
  void evictionFreesTheSeatBeforeTheLicenceCheck() {
    sim = Enet.builder().licenceSeats(1).start();
    Enet enet = new Enet(sim);
    enet.logon();
    assertThat(enet.logon()).matches("[0-9A-F]{34}  ");
  }

  @Test
  void underRejectPolicyASecondLogonIsRefused() {
    sim = Enet.builder().secondLogon(SecondLogonPolicy.REJECT).start();
    Enet enet = new Enet(sim);
    String first = enet.logon();
    assertThat(enet.logon()).isEqualTo("ERROR: Operator 'ADMIN' is already logged in");
    assertThat(enet.get("/GetLogonProfile", "UserId", first))
        .contains("<OperatorCode>ADMIN</OperatorCode>");
  }

  @Test
  void aSharedOperatorHoldsUpToItsConcurrentUsersThenEvictsTheLeastRecentlyActive() {
    sim =
        SysproSimulator.builder()
            .operator(Operator.of("GUEST", "g").withConcurrentUsers(2))
            .start();
    Enet enet = new Enet(sim);
    String a = enet.logon("GUEST", "g");
    sim.advanceClock(Duration.ofMinutes(1));
    String b = enet.logon("GUEST", "g");
    sim.advanceClock(Duration.ofMinutes(1));
    enet.get("/GetLogonProfile", "UserId", a); // a is now more recent than b
    String c = enet.logon("GUEST", "g");
    assertThat(enet.get("/GetLogonProfile", "UserId", b)).isEqualTo(INVALID);
    assertThat(enet.get("/GetLogonProfile", "UserId", a)).contains("GUEST");
    assertThat(enet.get("/GetLogonProfile", "UserId", c)).contains("GUEST");
    assertThat(sim.seatsInUse()).isEqualTo(2);
  }
}
