package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SysproPingTest {

  @Test
  void reportsLogonProfileAndODataEachWithLatency() {
    try (SimFixture f = new SimFixture();
        SysproClient client = f.client()) {
      PingReport report = client.ping();
      assertThat(report.ok()).isTrue();
      assertThat(report.checks())
          .extracting(PingReport.Check::name)
          .containsExactly("logon", "profile", "odata");
      assertThat(report.check("logon").latency()).isPositive();
      assertThat(report.checks()).allSatisfy(c -> assertThat(c.latency()).isNotNull());
      assertThat(report.checks()).allSatisfy(c -> assertThat(c.ok()).isTrue());
      assertThat(report.check("profile").detail()).contains("Outdoor Café Company").contains("8.0");
      assertThat(report.check("odata").detail()).contains("ArCustomer");
      assertThat(f.sim.seatsInUse()).isEqualTo(1);
    }
  }

  @Test
  void saysWhichStepFailedWithoutLeakingSecrets() {
    try (SimFixture f = new SimFixture();
        SysproClient badOData =
            f.client(
                c ->
                    c.odata(
                        f.sim.odataServiceUri().toString(),
                        SimFixture.OPERATOR,
                        "wrong-odata-pw"));
        SysproClient badLogon =
            f.client(
                c ->
                    c.credentials(
                        SysproCredentials.of(
                            SimFixture.OPERATOR, "wrong-operator-pw", f.sim.companyId(), "")))) {
      PingReport odata = badOData.ping();
      assertThat(odata.ok()).isFalse();
      assertThat(odata.check("logon").ok()).isTrue();
      assertThat(odata.check("odata").ok()).isFalse();
      assertThat(odata.check("odata").detail())
          .contains("AuthenticationException")
          .doesNotContain("wrong-odata-pw");

      PingReport logon = badLogon.ping();
      assertThat(logon.check("logon").ok()).isFalse();
      assertThat(logon.check("logon").detail())
          .contains("Invalid operator password")
          .doesNotContain("wrong-operator-pw");
    }
  }
}
