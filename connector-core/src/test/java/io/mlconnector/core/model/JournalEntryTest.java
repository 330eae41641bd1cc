package io.mlconnector.core.model;

import static io.mlconnector.core.model.Fixtures.syspro;
import static io.mlconnector.core.model.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

  private static final ExternalRef BANK = syspro("gl-account", "10-1000");
  private static final ExternalRef FEES = syspro("gl-account", "60-6100");
  private static final ExternalRef CLEARING = syspro("gl-account", "10-1050");
  private static final ExternalRef FINANCE = syspro("cost-center", "FIN");

  private static JournalEntry.Builder journal() {
    return JournalEntry.builder()
        .ref(syspro("gl-journal", "fee-txn_1"))
        .version("1")
        .postingDate(LocalDate.of(2026, 11, 3))
        .currency("USD");
  }

  @Test
  void aBalancedEntry() {
    JournalEntry entry =
        journal()
            .description("Card processing fee")
            .addLine(JournalLine.debit(FEES, usd("2.90")).withCostCenter(FINANCE))
            .credit(CLEARING, usd("2.90"))
            .build();

    assertThat(entry.total()).isEqualTo(usd("2.90"));
    assertThat(entry.lines()).hasSize(2);
    assertThat(entry.lines().get(0).isDebit()).isTrue();
    assertThat(entry.lines().get(0).costCenter()).isEqualTo(FINANCE);
    assertThat(entry.lines().get(1).signedAmount()).isEqualTo(usd("-2.90"));
    assertThat(entry.lines().get(1).debit().isZero()).isTrue();
  }

  @Test
  void anUnbalancedEntryIsRefused() {
    assertThatThrownBy(
            () -> journal().debit(BANK, usd("100.00")).credit(CLEARING, usd("90.00")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "JournalEntry fee-txn_1 is unbalanced: debits USD 100.00, credits USD 90.00"
                + " (difference USD 10.00)");
  }

  @Test
  void manyLinesBalanceInTotal() {
    JournalEntry payout =
        journal()
            .debit(BANK, usd("97.10"))
            .debit(FEES, usd("2.90"))
            .credit(CLEARING, usd("60.00"))
            .credit(CLEARING, usd("40.00"))
            .build();
    assertThat(payout.total()).isEqualTo(usd("100.00"));
  }

  @Test
  void fewerThanTwoLinesIsRefused() {
    assertThatThrownBy(() -> journal().debit(BANK, usd("1")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("JournalEntry fee-txn_1 needs at least two lines but has 1");
  }

  @Test
  void aLineMovesMoneyOneWay() {
    assertThatThrownBy(() -> new JournalLine(BANK, usd("1"), usd("1"), null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "JournalLine for account 10-1000 must have exactly one of debit and credit non-zero"
                + " but has debit USD 1 and credit USD 1");
    assertThatThrownBy(() -> JournalLine.debit(BANK, usd("0.00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one of debit and credit non-zero");
    assertThatThrownBy(() -> JournalLine.credit(BANK, usd("-5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("JournalLine for account 10-1000 credit must not be negative but was USD -5");
    assertThatThrownBy(() -> new JournalLine(BANK, null, null, null, null, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("JournalLine for account 10-1000 needs a debit or a credit");
    assertThatThrownBy(() -> JournalLine.debit(null, usd("1")))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("JournalLine.account must not be null");
  }

  @Test
  void everyLineIsInTheEntryCurrency() {
    assertThatThrownBy(
            () ->
                journal()
                    .debit(BANK, Money.of("10.00", "ZAR"))
                    .credit(CLEARING, Money.of("10.00", "ZAR"))
                    .build())
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessage(
            "JournalEntry fee-txn_1 lines[0] is in ZAR but the record's currency is USD"
                + " (ZAR 10.00)");
    JournalEntry inferred =
        JournalEntry.builder()
            .ref(syspro("gl-journal", "2"))
            .version("1")
            .postingDate(LocalDate.of(2026, 11, 3))
            .debit(BANK, Money.of("10.00", "ZAR"))
            .credit(CLEARING, Money.of("10.00", "ZAR"))
            .build();
    assertThat(inferred.currency().getCurrencyCode()).isEqualTo("ZAR");
  }

  @Test
  void linesAndDimensionsAreCopiedAndUnmodifiable() {
    Map<String, String> dims = new HashMap<>(Map.of("project", "P-7"));
    JournalLine line = JournalLine.debit(FEES, usd("5")).withDimensions(dims);
    dims.put("project", "changed");
    List<JournalLine> lines = new ArrayList<>(List.of(line, JournalLine.credit(BANK, usd("5"))));
    JournalEntry entry =
        new JournalEntry(
            syspro("gl-journal", "3"),
            "1",
            LocalDate.of(2026, 1, 1),
            Fixtures.USD,
            null,
            null,
            null,
            lines,
            null);
    lines.clear();

    assertThat(entry.lines()).hasSize(2);
    assertThat(entry.lines().get(0).dimensions()).containsExactly(Map.entry("project", "P-7"));
    assertThatThrownBy(() -> entry.lines().remove(0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> entry.lines().get(0).dimensions().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
