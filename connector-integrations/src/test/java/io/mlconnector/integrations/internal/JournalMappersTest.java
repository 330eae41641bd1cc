package io.mlconnector.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.contracts.TestMappingContext;
import io.mlconnector.core.mapping.MappingRefusedException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Fee;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.JournalLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payout;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JournalMappersTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
  private final TestMappingContext context = new TestMappingContext("acme", "acumatica")
      .reference(JournalMappers.TABLE, JournalMappers.FEES, "6100")
      .reference(JournalMappers.TABLE, JournalMappers.CLEARING, "1190")
      .reference(JournalMappers.TABLE, JournalMappers.BANK, "1000")
      .reference(JournalMappers.TABLE, JournalMappers.BANK + ".EUR", "1010");

  private static Fee fee(String amount) {
    return new Fee(ExternalRef.of("stripe", "acme", "balance_transaction", "txn_1"), "1", Fee.Type.PROCESSING,
        Money.of(amount, "USD"), DAY, null, null, null, null);
  }

  private static ExternalRef account(String code) {
    return ExternalRef.of("acumatica", "acme", JournalMappers.GL_ACCOUNT, code);
  }

  @Test
  void aFeeDebitsTheFeeAccountAndCreditsClearing() {
    JournalEntry j = JournalMappers.fee("acumatica").map(fee("3.20"), context);
    assertThat(j.lines()).containsExactly(JournalLine.debit(account("6100"), Money.of("3.20", "USD")),
        JournalLine.credit(account("1190"), Money.of("3.20", "USD")));
    assertThat(j.total()).isEqualTo(Money.of("3.20", "USD"));
    assertThat(j.source()).isEqualTo(fee("3.20").ref());
    assertThat(j.postingDate()).isEqualTo(DAY);
  }

  @Test
  void aFeeGivenBackRunsTheOtherWay() {
    JournalEntry j = JournalMappers.fee("acumatica").map(fee("-1.50"), context);
    assertThat(j.lines()).containsExactly(JournalLine.debit(account("1190"), Money.of("1.50", "USD")),
        JournalLine.credit(account("6100"), Money.of("1.50", "USD")));
  }

  @Test
  void aPaidPayoutMovesTheNetFromClearingToTheBankOfItsCurrency() {
    Payout p = new Payout(ExternalRef.of("stripe", "acme", "payout", "po_1"), "1", Payout.Status.PAID,
        Money.of("950.00", "EUR"), DAY, DAY.plusDays(2), "ba_1", null, null);
    JournalEntry j = JournalMappers.payout("acumatica").map(p, context);
    assertThat(j.lines()).containsExactly(JournalLine.debit(account("1010"), Money.of("950.00", "EUR")),
        JournalLine.credit(account("1190"), Money.of("950.00", "EUR")));
    assertThat(j.postingDate()).isEqualTo(DAY.plusDays(2));
  }

  @Test
  void aPayoutNotPaidIsRefusedWithItsStatus() {
    Payout p = new Payout(ExternalRef.of("stripe", "acme", "payout", "po_2"), "1", Payout.Status.FAILED,
        Money.of("10.00", "USD"), DAY, DAY, null, null, null);
    assertThatThrownBy(() -> JournalMappers.payout("acumatica").map(p, context))
        .isInstanceOf(MappingRefusedException.class).hasMessageContaining("po_2").hasMessageContaining("FAILED");
  }

  @Test
  void aMissingAccountRefusesNamingTheTableAndTheKey() {
    TestMappingContext empty = new TestMappingContext("acme", "acumatica");
    assertThatThrownBy(() -> JournalMappers.fee("acumatica").map(fee("3.20"), empty))
        .isInstanceOf(MappingRefusedException.class)
        .hasMessageContaining(JournalMappers.TABLE).hasMessageContaining("'fees'");
  }
}
