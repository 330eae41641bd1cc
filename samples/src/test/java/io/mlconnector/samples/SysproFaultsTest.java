package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproConfig;
import io.mlconnector.syspro.SysproCredentials;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.Operator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SYSPRO sessions expire and licence seats run out mid-run; every payment still posts once. */
class SysproFaultsTest {

  @Test
  void anExpiredSessionIsRenewedAndPaymentsPostOnce() {
    try (Harness h = new Harness()) {
      List<ArInvoice> invoices = h.seed(2, 4);
      h.runOnce();
      h.stripe().payInvoice(h.stripeInvoice(invoices.get(0)));
      h.awaitDeliveries();
      h.runUntil(() -> h.syspro().arPayments().size() == 1);

      h.syspro().advanceClock(Duration.ofMinutes(45)); // past the idle timeout: the pooled session is dead
      h.stripe().payInvoice(h.stripeInvoice(invoices.get(1)));
      h.stripe().payInvoice(h.stripeInvoice(invoices.get(2)));
      h.awaitDeliveries();
      h.runUntil(() -> h.syspro().arPayments().size() >= 3);
      h.runOnce();

      assertThat(h.syspro().expiredSessionCount()).isGreaterThanOrEqualTo(1);
      assertThat(h.syspro().arPayments()).hasSize(3);
      assertThat(h.reconcileWhenSettled().allMatched()).isTrue();
      assertThat(h.deadLetters()).isEmpty();
    }
  }

  @Test
  void afterASessionLapsesAndAPersonTakesTheLastSeatPaymentsWaitAndPostOnce() {
    try (Harness h = new Harness(s -> s.licenceSeats(1).addOperator(Operator.of("CLERK", "clerk-pw")), Map.of());
        HttpTransport transport = HttpTransport.builder().build()) {
      List<ArInvoice> invoices = h.seed(2, 2);
      h.runOnce();
      SysproClient clerk = SysproClient.create(transport,
          SysproConfig.builder("other", "other/syspro")
              .restBaseUrl(h.syspro().restBaseUri().toString())
              .credentials(SysproCredentials.of("CLERK", "clerk-pw", SimulatedSystems.COMPANY, ""))
              .build());
      h.syspro().advanceClock(Duration.ofMinutes(45)); // our idle session lapses and frees its seat
      clerk.logonProfile(); // a person takes the only seat
      assertThat(h.syspro().seatsInUse()).isEqualTo(1);
      h.stripe().payInvoice(h.stripeInvoice(invoices.get(0)));
      h.awaitDeliveries();

      Map<String, RunReport> blocked = h.runOnce();

      assertThat(blocked.get(Harness.PAYMENTS).failed()).isPositive();
      assertThat(h.syspro().arPayments()).isEmpty();
      List<AuditEntry> failures = h.app.store().audit(new AuditQuery(Harness.TENANT, null, null,
          Harness.PAYMENTS, null, null, AuditEntry.Outcome.FAILED, 100, null)).items();
      assertThat(failures).isNotEmpty();
      assertThat(failures.get(0).error()).containsIgnoringCase("licen");

      clerk.close(); // the seat is free again
      h.runUntil(() -> h.syspro().arPayments().size() == 1);
      h.runOnce();
      assertThat(h.syspro().arPayments()).hasSize(1);
      assertThat(h.reconcileWhenSettled().allMatched()).isTrue();
    }
  }
}
