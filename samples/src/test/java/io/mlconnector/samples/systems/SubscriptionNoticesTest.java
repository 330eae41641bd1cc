package io.mlconnector.samples.systems;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.chargebee.SubscriptionCancellation;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.sync.WriteContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample's notices of cancelled Chargebee subscriptions: one line per operation, crash-safe. */
class SubscriptionNoticesTest {
  @TempDir Path dir;

  static final ExternalRef SUB = ExternalRef.of("chargebee", "acme", "subscription", "C100-erp");
  static final ExternalRef CB_CUSTOMER = ExternalRef.of("chargebee", "acme", "customer", "C100");

  static SubscriptionCancellation cancellation(String status, String version, String reason) {
    return new SubscriptionCancellation(SUB, version, CB_CUSTOMER, status, Instant.parse("2026-12-01T10:00:00Z"),
        reason, List.of("support-EUR", "extra-EUR"), Money.of("99.00", "EUR"));
  }

  static WriteContext ctx(String op, String version) {
    return new WriteContext("acme", "chargebee-subscription-cancellations", op, SUB, version);
  }

  @Test
  void oneNoticePerOperationNamingTheSysproCustomerAndARepeatAddsNothing() throws Exception {
    Path file = dir.resolve("notices/subscription-cancellations.csv");
    SubscriptionNotices n = new SubscriptionNotices("acme", file,
        ref -> ref.equals(CB_CUSTOMER) ? Optional.of(Mapping.of(ExternalRef.of("syspro", "acme", "customer", "C100"), ref))
            : Optional.empty(),
        Clock.fixed(Instant.parse("2026-12-01T10:05:00Z"), ZoneOffset.UTC));
    assertThat(n.findByStamp(SUB, ctx("op-1", "7"))).isEmpty();

    n.create(cancellation("cancelled", "7", "not_paid, then \"left\""), ctx("op-1", "7"));
    n.create(cancellation("cancelled", "7", "not_paid, then \"left\""), ctx("op-1", "7")); // a repeat
    assertThat(n.notices()).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("syspro_customer", "C100").containsEntry("subscription", "C100-erp")
          .containsEntry("reason", "not_paid, then \"left\"").containsEntry("item_prices", "support-EUR extra-EUR")
          .containsEntry("recurring", "EUR 99.00").containsEntry("cancelled_at", "2026-12-01T10:00:00Z");
      assertThat(row.get("action")).startsWith("stop the recurring SYSPRO billing");
    });
    assertThat(n.findByStamp(SUB, ctx("op-x", "7"))).get()
        .satisfies(r -> assertThat(r.target()).isEqualTo(ExternalRef.of("syspro", "acme", "subscription-notice", "C100-erp")));

    // reactivated by the time a later version is handled: a new notice that says so
    n.update(ExternalRef.of("syspro", "acme", "subscription-notice", "C100-erp"), cancellation("active", "9", null),
        ctx("op-2", "9"));
    assertThat(n.notices()).hasSize(2);
    assertThat(n.notices().get(1).get("action")).startsWith("reactivated since (active)");

    // a line cut short by a crash mid-append is not taken for a written notice
    Files.writeString(file, "2026-12-01T10:06:00Z,op-3,C100-erp,1", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertThat(n.notices()).hasSize(2);
    // and the next notice is not glued to it
    n.update(ExternalRef.of("syspro", "acme", "subscription-notice", "C100-erp"), cancellation("cancelled", "11", null),
        ctx("op-4", "11"));
    assertThat(n.notices()).hasSize(3);
    assertThat(n.notices().get(2)).containsEntry("operation", "op-4").containsEntry("version", "11");
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8).get(0)).isEqualTo(SubscriptionNotices.HEADER);
  }

  @Test
  void aCustomerThatDidNotComeFromSysproIsSaidSo() {
    SubscriptionNotices n = new SubscriptionNotices("acme", dir.resolve("n.csv"), ref -> Optional.empty(),
        Clock.systemUTC());
    n.create(cancellation("cancelled", "1", null), ctx("op-1", "1"));
    assertThat(n.notices().get(0).get("syspro_customer")).contains("not from SYSPRO").contains("C100");
  }
}
