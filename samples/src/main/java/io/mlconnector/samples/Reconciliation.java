package io.mlconnector.samples;

import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.param.DisputeListParams;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.stripe.StripeCanonical;
import io.mlconnector.stripe.StripeConnector;
import io.mlconnector.stripe.StripeCurrencies;
import io.mlconnector.syspro.SysproExtensions;
import io.mlconnector.syspro.SysproSync;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The reconciliation report of the pair: every SYSPRO AR invoice's open balance against what
 * Stripe says the customer still owes on the invoice it was issued as.
 *
 * <p>What Stripe says is owed is the invoice's {@code amount_remaining} plus what went back to the
 * customer after paying: refunds, and disputes whose funds are withdrawn (needing a response,
 * under review or lost; a won dispute returns the funds); a void invoice (cancelled in SYSPRO)
 * owes nothing. The invoice totals (lines and tax) must agree as well. An invoice that is not in Stripe is reported as such.
 *
 * @param lines one line per SYSPRO invoice, in SYSPRO's order
 */
public record Reconciliation(List<Line> lines) {
  private static final Set<String> WITHDRAWN = Set.of("needs_response", "under_review", "lost");

  /** Copies the lines. */
  public Reconciliation {
    lines = List.copyOf(lines);
  }

  /** How one invoice compared. */
  public enum Verdict {
    /** Totals and open balances agree. */
    MATCHED,
    /** The SYSPRO invoice has no Stripe invoice. */
    NOT_IN_STRIPE,
    /** The totals differ. */
    TOTAL_DIFFERS,
    /** The open balance differs from what Stripe says is owed. */
    BALANCE_DIFFERS
  }

  /**
   * One SYSPRO invoice against its Stripe invoice.
   *
   * @param invoice the SYSPRO invoice number
   * @param customer the SYSPRO customer
   * @param sysproTotal the SYSPRO total (lines and tax)
   * @param sysproOpen the SYSPRO open balance
   * @param stripeInvoice the Stripe invoice id, or null
   * @param stripeStatus the Stripe status, or null
   * @param stripeTotal the Stripe total, or null
   * @param stripeOwed what Stripe says is still owed (remaining + refunded + withdrawn by disputes), or null
   * @param verdict the verdict
   */
  public record Line(
      String invoice,
      String customer,
      Money sysproTotal,
      Money sysproOpen,
      String stripeInvoice,
      String stripeStatus,
      Money stripeTotal,
      Money stripeOwed,
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
    s.append(String.format(Locale.ROOT, "%-10s %-8s %4s %12s %12s  %-8s %-14s %12s  %s%n",
        "invoice", "customer", "cur", "total", "SYSPRO open", "Stripe", "status", "Stripe owes", "verdict"));
    for (Line l : lines) {
      s.append(String.format(Locale.ROOT, "%-10s %-8s %4s %12s %12s  %-8s %-14s %12s  %s%n",
          l.invoice(), l.customer(), l.sysproTotal().currencyCode(), plain(l.sysproTotal()), plain(l.sysproOpen()),
          l.stripeInvoice() == null ? "-" : tail(l.stripeInvoice()), l.stripeStatus() == null ? "-" : l.stripeStatus(),
          l.stripeOwed() == null ? "-" : plain(l.stripeOwed()), l.verdict()));
    }
    s.append(String.format(Locale.ROOT, "%d invoices: %d matched, %d not in Stripe, %d total differs, %d balance differs%n",
        lines.size(), count(Verdict.MATCHED), count(Verdict.NOT_IN_STRIPE), count(Verdict.TOTAL_DIFFERS),
        count(Verdict.BALANCE_DIFFERS)));
    return s.toString();
  }

  private static String plain(Money m) {
    return m == null ? "-" : m.amount().toPlainString();
  }

  private static String tail(String id) {
    return id.length() <= 8 ? id : "…" + id.substring(id.length() - 7);
  }

  /**
   * Reconciles every AR invoice of {@code syspro} with {@code stripe}, through the ID mappings in
   * {@code store}.
   */
  public static Reconciliation of(SysproSync syspro, StripeConnector stripe, StateStore store) {
    Objects.requireNonNull(syspro, "syspro");
    Objects.requireNonNull(stripe, "stripe");
    Objects.requireNonNull(store, "store");
    PollSource<Invoice> source = syspro.arInvoices();
    StripeCurrencies currencies = stripe.config().currencies();
    List<Line> out = new ArrayList<>();
    Checkpoint after = null;
    while (true) {
      SourcePage<Invoice> page = source.read(new PollRequest(after, Duration.ZERO, 500));
      for (Invoice inv : page.records()) {
        out.add(line(inv, stripe, store, currencies));
      }
      if (!page.hasMore() || page.next() == null) {
        break;
      }
      after = page.next();
    }
    return new Reconciliation(out);
  }

  private static Line line(Invoice inv, StripeConnector stripe, StateStore store, StripeCurrencies currencies) {
    String customer = inv.party().id();
    Money total = inv.total();
    Money open = Money.of(inv.extensions().get(SysproExtensions.OPEN_BALANCE).orElse(BigDecimal.ZERO), inv.currency());
    Optional<Mapping> mapping = store.mappingBySource(inv.ref(), StripeCanonical.SYSTEM);
    if (mapping.isEmpty()) {
      return new Line(inv.number(), customer, total, open, null, null, null, null, Verdict.NOT_IN_STRIPE);
    }
    String id = SysproStripeSync.currentInvoice(mapping.get());
    com.stripe.model.Invoice s = stripe.retrieveStripeInvoice(id);
    String cur = s.getCurrency();
    Money stripeTotal = currencies.toMoney(nz(s.getTotal()), cur);
    // a void invoice (an invoice cancelled in SYSPRO) is not collectible: nothing remains owed on it
    long owed = "void".equals(s.getStatus()) ? 0 : nz(s.getAmountRemaining());
    for (InvoicePayment ip : stripe.listInvoicePayments(id)) {
      if (!"paid".equals(ip.getStatus()) || ip.getPayment() == null || ip.getPayment().getPaymentIntent() == null) {
        continue;
      }
      String pi = ip.getPayment().getPaymentIntent();
      PaymentIntent intent = stripe.retrievePaymentIntent(pi);
      Charge charge = intent.getLatestChargeObject();
      if (charge != null) {
        owed += nz(charge.getAmountRefunded());
      }
      owed += withdrawn(stripe, pi);
    }
    Money stripeOwed = currencies.toMoney(owed, cur);
    Verdict verdict;
    if (!stripeTotal.currency().equals(total.currency()) || stripeTotal.compareTo(total) != 0) {
      verdict = Verdict.TOTAL_DIFFERS;
    } else if (stripeOwed.compareTo(open) != 0) {
      verdict = Verdict.BALANCE_DIFFERS;
    } else {
      verdict = Verdict.MATCHED;
    }
    return new Line(inv.number(), customer, total, open, id, s.getStatus(), stripeTotal, stripeOwed, verdict);
  }

  private static long withdrawn(StripeConnector stripe, String paymentIntent) {
    try {
      long sum = 0;
      for (Dispute d : stripe.stripeClient().v1().disputes()
          .list(DisputeListParams.builder().setPaymentIntent(paymentIntent).setLimit(100L).build()).getData()) {
        if (WITHDRAWN.contains(d.getStatus())) {
          sum += nz(d.getAmount());
        }
      }
      return sum;
    } catch (StripeException e) {
      throw new IllegalStateException("could not list the disputes of " + paymentIntent + ": " + e.getMessage(), e);
    }
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }
}
