package io.mlconnector.integrations;

import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.role.CollectedInvoice;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.UnreadableRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The reconciliation report of a receivables pair: every AR invoice of the ledger, its open balance
 * as the ledger reads it ({@link ReceivablesLedger#openBalance}) against what the collector says is
 * still owed on the invoice collecting it ({@link Collector#collected}), and the two totals. Where
 * the ledger books refunds and withdrawn dispute funds as GL journals instead of re-opening the
 * invoice ({@link ReceivablesLedger.Provider#refundsReopenInvoices()} false), what went back to the
 * customer is left out of what the collector says is owed.
 *
 * @param ledger the ledger's system name
 * @param collector the collector's system name
 * @param lines one line per ledger invoice, in the ledger's order
 */
public record ReceivablesReconciliation(String ledger, String collector, List<Line> lines) {

  /** Copies the lines. */
  public ReceivablesReconciliation {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(collector, "collector");
    lines = List.copyOf(lines);
  }

  /** How one invoice compared. */
  public enum Verdict {
    /** Totals and open balances agree. */
    MATCHED,
    /** The ledger invoice was never issued in the collector (or its invoice is gone). */
    NOT_COLLECTED,
    /** The totals differ. */
    TOTAL_DIFFERS,
    /** The open balance differs from what the collector says is owed. */
    BALANCE_DIFFERS,
    /**
     * The ledger invoice cannot be read (its source parks it: an unknown currency, a missing field),
     * so it was never sent to the collector; totals are null.
     */
    UNREADABLE
  }

  /**
   * One ledger invoice against the collector's invoice.
   *
   * @param invoice the ledger's invoice number
   * @param customer the ledger's customer id
   * @param ledgerTotal the ledger's total (lines and tax), or null when the invoice is UNREADABLE
   * @param ledgerOpen the ledger's open balance, or null when the invoice is UNREADABLE
   * @param collected what the collector says, or null when it has no invoice for it
   * @param verdict the verdict
   */
  public record Line(
      String invoice, String customer, Money ledgerTotal, Money ledgerOpen, CollectedInvoice collected,
      Verdict verdict) {}

  /** True when every invoice matched. */
  public boolean allMatched() {
    return lines.stream().allMatch(l -> l.verdict() == Verdict.MATCHED);
  }

  /** The lines that did not match. */
  public List<Line> mismatches() {
    return lines.stream().filter(l -> l.verdict() != Verdict.MATCHED).toList();
  }

  /** How many lines have {@code verdict}. */
  public long count(Verdict verdict) {
    return lines.stream().filter(l -> l.verdict() == verdict).count();
  }

  /** The report as a table (one row per invoice), ending with a totals line. */
  public String format() {
    StringBuilder s = new StringBuilder();
    String row = "%-12s %-8s %4s %12s %12s  %-10s %-14s %12s  %s%n";
    s.append(String.format(Locale.ROOT, row, "invoice", "customer", "cur", "total", "open", collector, "status",
        "owes there", "verdict"));
    for (Line l : lines) {
      CollectedInvoice c = l.collected();
      s.append(String.format(Locale.ROOT, row, l.invoice(), l.customer(),
          l.ledgerTotal() == null ? "-" : l.ledgerTotal().currencyCode(),
          l.ledgerTotal() == null ? "-" : plain(l.ledgerTotal()), l.ledgerOpen() == null ? "-" : plain(l.ledgerOpen()), c == null ? "-" : tail(c.id()), c == null ? "-" : c.status(),
          c == null ? "-" : plain(c.owed()), l.verdict()));
    }
    s.append(String.format(Locale.ROOT, "%d invoices: %d matched, %d not in %s, %d total differs, %d balance differs%s%n",
        lines.size(), count(Verdict.MATCHED), count(Verdict.NOT_COLLECTED), collector, count(Verdict.TOTAL_DIFFERS),
        count(Verdict.BALANCE_DIFFERS),
        count(Verdict.UNREADABLE) == 0 ? "" : ", " + count(Verdict.UNREADABLE) + " unreadable (parked)"));
    return s.toString();
  }

  /**
   * Reconciles every AR invoice of {@code ledger} with {@code collector} through the ID mappings
   * in {@code store}.
   */
  public static ReceivablesReconciliation of(
      ReceivablesLedger.Provider ledgerProvider, ReceivablesLedger ledger, String collectorSystem,
      Collector<?, ?> collector, StateStore store) {
    Objects.requireNonNull(ledgerProvider, "ledgerProvider");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(collector, "collector");
    Objects.requireNonNull(store, "store");
    PollSource<Invoice> source = ledger.invoices();
    List<Line> out = new ArrayList<>();
    Checkpoint after = null;
    while (true) {
      SourcePage<Invoice> page = source.read(new PollRequest(after, Duration.ZERO, 500));
      for (UnreadableRecord bad : page.unreadable()) {
        out.add(new Line(bad.ref().id(), "-", null, null, null, Verdict.UNREADABLE));
      }
      for (Invoice inv : page.records()) {
        out.add(line(inv, ledger, ledgerProvider.refundsReopenInvoices(), collectorSystem, collector, store));
      }
      if (!page.hasMore() || page.next() == null) {
        break;
      }
      after = page.next();
    }
    return new ReceivablesReconciliation(ledgerProvider.system(), collectorSystem, out);
  }

  private static Line line(Invoice inv, ReceivablesLedger ledger, boolean refundsReopen, String collectorSystem,
      Collector<?, ?> collector, StateStore store) {
    String customer = inv.party().id();
    Money total = inv.total();
    Money open = ledger.openBalance(inv);
    Optional<Mapping> mapping = store.mappingBySource(inv.ref(), collectorSystem);
    Optional<CollectedInvoice> collected = mapping.flatMap(collector::collected);
    if (collected.isEmpty()) {
      return new Line(inv.number(), customer, total, open, null, Verdict.NOT_COLLECTED);
    }
    CollectedInvoice c = collected.get();
    Verdict verdict;
    if (!c.total().currency().equals(total.currency()) || c.total().compareTo(total) != 0) {
      verdict = Verdict.TOTAL_DIFFERS;
    } else if (!c.owed().currency().equals(open.currency())
        || (refundsReopen ? c.owed() : c.remaining()).compareTo(open) != 0) {
      verdict = Verdict.BALANCE_DIFFERS;
    } else {
      verdict = Verdict.MATCHED;
    }
    return new Line(inv.number(), customer, total, open, c, verdict);
  }

  private static String plain(Money m) {
    return m == null ? "-" : m.amount().toPlainString();
  }

  private static String tail(String id) {
    return id.length() <= 10 ? id : "…" + id.substring(id.length() - 9);
  }
}
