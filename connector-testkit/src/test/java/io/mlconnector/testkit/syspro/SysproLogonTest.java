package io.mlconnector.testkit.syspro;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SysproLogonTest {
  private SysproSimulator sim;

  @AfterEach
  void close() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void logonReturnsA34HexIdWithTwoSpacesAsOctetStream() throws Exception {
    sim = Enet.builder().start();
    Enet enet = new Enet(sim);
    try (Response r =
        enet.call(
            "/Logon",
            "Operator",
            "ADMIN",
            "OperatorPassword",
            "secret",
            "CompanyId",
            "EDU1",
            "CompanyPassword",
            "")) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.header("Content-Type")).isEqualTo("application/octet-stream");
      assertThat(r.header("Content-Length")).isEqualTo("36");
      assertThat(r.body().string()).matches("[0-9A-F]{34}  ");
    }
    assertThat(sim.seatsInUse()).isEqualTo(1);
    assertThat(sim.activeSessions())
        .singleElement()
        .extracting(SessionInfo::operator)
        .isEqualTo("ADMIN");
  }

  @Test
  void sysproEightStyleIdsAreLongerAndUnpadded() {
    sim = Enet.builder().sessionIdStyle(SessionIdStyle.SYSPRO_8).start();
    assertThat(new Enet(sim).logon()).matches("[0-9A-F]{68}");
  }

  @Test
  void badCredentialsAnswer200WithSysproErrorText() {
    sim = Enet.builder().companyPassword("cpw").start();
    Enet enet = new Enet(sim);
    assertThat(enet.logon("ADMIN", "wrong")).isEqualTo("ERROR: Invalid operator password");
    assertThat(enet.logon("NOBODY", "secret")).isEqualTo("ERROR: Operator 'NOBODY' not found");
    assertThat(
            enet.get(
                "/Logon",
                "Operator",
                "ADMIN",
                "OperatorPassword",
                "secret",
                "CompanyId",
                "XX",
                "CompanyPassword",
                "cpw"))
        .isEqualTo("ERROR: Company 'XX' not found");
    assertThat(enet.logon("ADMIN", "secret")).isEqualTo("ERROR: Invalid company password");
    assertThat(sim.seatsInUse()).isZero();
  }

  @Test
  void pathIsCaseInsensitiveAndIdIsAcceptedTrimmedOrNot() {
    sim = Enet.builder().start();
    Enet enet = new Enet(sim);
    String id =
        enet.get(
            "/logon",
            "Operator",
            "ADMIN",
            "OperatorPassword",
            "secret",
            "CompanyId",
            "EDU1",
            "CompanyPassword",
            "");
    assertThat(enet.get("/getlogonprofile", "UserId", id))
        .contains("<OperatorCode>ADMIN</OperatorCode>");
    assertThat(enet.get("/GetLogonProfile", "UserId", id.strip()))
        .startsWith("<?xml version=\"1.0\" encoding=\"Windows-1252\"?>")
        .contains("<LocalCurrencyCode>USD</LocalCurrencyCode>")
        .contains("<CompanyDate>2024-01-15</CompanyDate>");
    assertThat(enet.get("/GetVersion")).isEqualTo("8.0.0.30");
  }

  @Test
  void logoffAnswersZeroAndReleasesTheSeat() {
    sim = Enet.builder().licenceSeats(2).start();
    Enet enet = new Enet(sim);
    String id = enet.logon();
    assertThat(sim.seatsInUse()).isEqualTo(1);
    assertThat(enet.logoff(id)).isEqualTo("0");
    assertThat(sim.seatsInUse()).isZero();
    assertThat(enet.get("/GetLogonProfile", "UserId", id))
        .isEqualTo("ERROR: The supplied UserID is invalid.");
    assertThat(enet.logoff(id)).isEqualTo("ERROR: The supplied UserID is invalid.");
  }

  @Test
  void logonBeyondTheSeatCountFailsUntilASeatIsReleased() {
    sim =
        SysproSimulator.builder()
            .operator(Operator.of("OP1", "a"))
            .operator(Operator.of("OP2", "b"))
            .operator(Operator.of("OP3", "c"))
            .licenceSeats(2)
            .start();
    Enet enet = new Enet(sim);
    String first = enet.logon("OP1", "a");
    enet.logon("OP2", "b");
    assertThat(enet.logon("OP3", "c"))
        .isEqualTo("ERROR: No e.net licence available - all 2 licences are in use");
    assertThat(sim.seatsInUse()).isEqualTo(2);
    enet.logoff(first);
    assertThat(enet.logon("OP3", "c")).matches("[0-9A-F]{34}  ");
    assertThat(sim.seatsInUse()).isEqualTo(2);
  }

  @Test
  void errorTextsAreConfigurable() {
    sim =
        Enet.builder()
            .licenceSeats(1)
            .operator(Operator.of("OTHER", "x"))
            .message(SysproMessage.LICENCE_EXHAUSTED, "Too many users logged in (%d)")
            .message(SysproMessage.INVALID_SESSION, "Session expired")
            .start();
    Enet enet = new Enet(sim);
    enet.logon();
    assertThat(enet.logon("OTHER", "x")).isEqualTo("ERROR: Too many users logged in (1)");
    assertThat(enet.get("/GetLogonProfile", "UserId", "NOPE")).isEqualTo("ERROR: Session expired");
  }

  @Test
  void unknownEndpointIs404MalformedQueryIs400AndWrongMethodIs405() throws Exception {
    sim = Enet.builder().start();
    Enet enet = new Enet(sim);
    try (Response r = enet.call("/Utilities/Logon")) {
      assertThat(r.code()).isEqualTo(404);
    }
    try (Response r =
        Enet.HTTP
            .newCall(
                new okhttp3.Request.Builder().url(sim.restBaseUri() + "/Logoff?UserId=%zz").build())
            .execute()) {
      assertThat(r.code()).as("malformed query").isEqualTo(400);
    }
    try (Response r =
        Enet.HTTP
            .newCall(
                new okhttp3.Request.Builder()
                    .url(enet.url("/Logon"))
                    .post(okhttp3.RequestBody.create(new byte[0]))
                    .build())
            .execute()) {
      assertThat(r.code()).isEqualTo(405);
    }
  }
}
