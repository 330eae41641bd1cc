package io.mlconnector.testkit.syspro;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An AP invoice of the simulated company (a row of {@code ApInvoice}), for seeding and read-back.
 *
 * @param supplier the supplier code
 * @param invoice the supplier's invoice number
 * @param invoiceDate the invoice date
 * @param dueDate the due date
 * @param value the original value including tax ({@code OrigInvValue})
 * @param balance the open balance ({@code MthInvBal1})
 * @param reference the transaction reference
 * @param journal the AP journal it was posted in (0 for seeded invoices)
 * @param entryNumber its entry number in that journal
 */
public record ApInvoice(
    String supplier,
    String invoice,
    LocalDate invoiceDate,
    LocalDate dueDate,
    BigDecimal value,
    BigDecimal balance,
    String reference,
    int journal,
    int entryNumber) {

  /**
   * Checks the arguments; a null due date, balance or reference takes its default.
   *
   * @param supplier the supplier code
   * @param invoice the supplier's invoice number
   * @param invoiceDate the invoice date
   * @param dueDate the due date; null for the invoice date
   * @param value the original value including tax
   * @param balance the open balance; null for the whole value
   * @param reference the transaction reference; null for blank
   * @param journal the AP journal it was posted in (0 for seeded invoices)
   * @param entryNumber its entry number in that journal
   */
  public ApInvoice {
    Objects.requireNonNull(supplier, "supplier");
    Objects.requireNonNull(invoice, "invoice");
    Objects.requireNonNull(invoiceDate, "invoiceDate");
    Objects.requireNonNull(value, "value");
    dueDate = dueDate == null ? invoiceDate : dueDate;
    balance = balance == null ? value : balance;
    reference = reference == null ? "" : reference;
  }

  /**
   * An unpaid AP invoice due on its invoice date.
   *
   * @param supplier the supplier code
   * @param invoice the supplier's invoice number
   * @param invoiceDate the invoice date, also the due date
   * @param value the value including tax, all of it open
   * @return the invoice, with a blank reference and no journal
   */
  public static ApInvoice of(
      String supplier, String invoice, LocalDate invoiceDate, BigDecimal value) {
    return new ApInvoice(supplier, invoice, invoiceDate, invoiceDate, value, value, "", 0, 0);
  }
}
