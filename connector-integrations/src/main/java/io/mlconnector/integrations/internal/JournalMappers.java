package io.mlconnector.integrations.internal;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.mapping.MappingContext;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Fee;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.JournalLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payout;
import java.util.List;
import java.util.Locale;

/**
 * GL journals for what the AR documents do not carry, through the accounts of the tenant's
 * reference table {@value #TABLE}: a processing fee debits {@value #FEES} and credits {@value
 * #CLEARING} (a fee given back, a negative amount, the other way round); a paid payout debits
 * {@value #BANK} and credits {@value #CLEARING}. Each key may be given per currency ({@code
 * bank.EUR}) and falls back to the plain key. A missing account refuses the record, naming the table
 * and the key, so it is parked until the tenant maps it.
 */
public final class JournalMappers {
  /** The reference table holding the GL account codes. */
  public static final String TABLE = "gl-accounts";
  /** Key: the expense account of processing fees. */
  public static final String FEES = "fees";
  /** Key: the clearing account the collector's balance is held in until paid out. */
  public static final String CLEARING = "clearing";
  /** Key: the bank account payouts arrive in. */
  public static final String BANK = "bank";
  /** The record type of GL account refs. */
  public static final String GL_ACCOUNT = "gl-account";

  private JournalMappers() {}

  /** Fee to journal, accounts in {@code ledgerSystem}. */
  public static Mapper<Fee, JournalEntry> fee(String ledgerSystem) {
    return (f, context) -> {
      Money amount = f.amount().abs();
      ExternalRef fees = account(context, ledgerSystem, FEES, f.amount());
      ExternalRef clearing = account(context, ledgerSystem, CLEARING, f.amount());
      List<JournalLine> lines = f.amount().signum() > 0
          ? List.of(JournalLine.debit(fees, amount), JournalLine.credit(clearing, amount))
          : List.of(JournalLine.debit(clearing, amount), JournalLine.credit(fees, amount));
      String what = f.type().name().toLowerCase(Locale.ROOT) + " fee";
      return new JournalEntry(f.ref(), f.version(), f.date(), f.amount().currency(),
          f.description() != null ? f.description() : what, f.ref().id(), f.ref(), lines, null);
    };
  }

  /** Paid payout to journal, accounts in {@code ledgerSystem}. */
  public static Mapper<Payout, JournalEntry> payout(String ledgerSystem) {
    return (p, context) -> {
      if (p.status() != Payout.Status.PAID) {
        throw context.refuse("payout " + p.ref().id() + " is " + p.status() + "; only paid payouts are journaled");
      }
      if (!p.amount().isPositive()) {
        throw context.refuse("payout " + p.ref().id() + " moves " + p.amount() + "; only positive payouts are journaled");
      }
      ExternalRef bank = account(context, ledgerSystem, BANK, p.amount());
      ExternalRef clearing = account(context, ledgerSystem, CLEARING, p.amount());
      return new JournalEntry(p.ref(), p.version(), p.arrivalDate() != null ? p.arrivalDate() : p.createdOn(),
          p.amount().currency(), p.description() != null ? p.description() : "payout " + p.ref().id(), p.ref().id(),
          p.ref(), List.of(JournalLine.debit(bank, p.amount()), JournalLine.credit(clearing, p.amount())), null);
    };
  }

  private static ExternalRef account(MappingContext context, String system, String key, Money amount) {
    String code = context.reference(TABLE, key + "." + amount.currencyCode())
        .orElseGet(() -> context.requireReference(TABLE, key));
    return ExternalRef.of(system, context.tenant(), GL_ACCOUNT, code);
  }
}
