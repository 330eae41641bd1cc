package io.mlconnector.testkit.syspro;

import static io.mlconnector.testkit.syspro.Enet.x;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SysproClockAndPeriodTest {
  private SysproSimulator sim;

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void anInjectedClockSetsTodayAndTheCurrentPeriod() {
    sim =
        Enet.builder()
            .clock(Clock.fixed(Instant.parse("2025-03-10T10:00:00Z"), ZoneOffset.UTC))
            .start();
    assertThat(sim.currentPeriod()).isEqualTo(YearMonth.of(2025, 3));
    Enet enet = new Enet(sim);
    String id = enet.logon();
    assertThat(x(enet.get("/GetLogonProfile", "UserId", id), "//CompanyDate"))
        .isEqualTo("2025-03-10");
    sim.setClock(Instant.parse("2025-03-10T11:00:00Z"));
    assertThat(enet.get("/GetLogonProfile", "UserId", id))
        .isEqualTo("ERROR: The supplied UserID is invalid.");
  }

  @Test
  void theCompanyZoneDecidesToday() {
    sim =
        Enet.builder()
            .startTime(Instant.parse("2024-01-31T23:30:00Z"))
            .zone(ZoneId.of("Africa/Johannesburg"))
            .start();
    assertThat(sim.currentPeriod()).isEqualTo(YearMonth.of(2024, 2));
    assertThat(sim.now()).isEqualTo(Instant.parse("2024-01-31T23:30:00Z"));
    Enet enet = new Enet(sim);
    String id = enet.logon();
    assertThat(x(enet.get("/GetLogonProfile", "UserId", id), "//CompanyDate"))
        .isEqualTo("2024-02-01");
    enet.logoff(id);
  }

  @Test
  void previousAndBeforePreviousPeriodsPostBackAndRespectClosing() {
    sim = Enet.builder().start();
    sim.setCurrentPeriod(YearMonth.of(2024, 3));
    sim.addCustomer(Customer.of("C1", "Periods"));
    sim.addArInvoice(ArInvoice.of("C1", "I1", LocalDate.of(2024, 1, 2), new BigDecimal("100.00")));
    Enet enet = new Enet(sim);
    String id = enet.logon();
    String doc =
        "<PostArPayment><Item><Payment><Customer>C1</Customer><PaymentValue>10.00</PaymentValue>"
            + "<InvoiceToPay><Invoice>I1</Invoice><GrossPaymentValue>10.00</GrossPaymentValue></InvoiceToPay>"
            + "</Payment></Item></PostArPayment>";
    String previous =
        enet.post(
            id,
            "ARSTPY",
            "<PostArPayment><Parameters><PostingPeriod>P</PostingPeriod>"
                + "</Parameters></PostArPayment>",
            doc);
    assertThat(x(previous, "//Payment/Key/TrnMonth")).isEqualTo("02");
    sim.closePeriod(YearMonth.of(2024, 1));
    String before =
        enet.post(
            id,
            "ARSTPY",
            "<PostArPayment><Parameters><PostingPeriod>B</PostingPeriod>"
                + "</Parameters></PostArPayment>",
            doc);
    assertThat(x(before, "//Payment/ErrorDescription"))
        .isEqualTo("Posting period 2024/01 is closed");
    assertThat(
            enet.post(
                id,
                "ARSTPY",
                "<PostArPayment><Parameters><PostingPeriod>X</PostingPeriod>"
                    + "</Parameters></PostArPayment>",
                doc))
        .isEqualTo("ERROR: Parameter 'PostingPeriod' has an invalid value 'X'");
    assertThat(sim.invoiceBalance("C1", "I1")).isEqualByComparingTo("90.00");
    enet.logoff(id);
  }
}
