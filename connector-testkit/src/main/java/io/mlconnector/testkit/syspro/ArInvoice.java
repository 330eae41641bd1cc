package io.mlconnector.testkit.syspro;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An AR invoice of the simulated company (a row of {@code ArInvoice} plus its lines), for seeding
 * and read-back.
 *
 * @param customer the customer code
 * @param invoice the invoice number
 * @param documentType {@code I} invoice, {@code C} credit note, {@code D} debit note
 * @param invoiceDate the invoice date
 * @param value the original value including tax ({@code CurrencyValue})
 * @param balance the open balance ({@code InvoiceBal1})
 * @param tax the tax portion
 * @param customerPoNumber the customer's purchase order number
 * @param lines the invoice lines
 */
public record ArInvoice(
    String customer,
    String invoice,
    String documentType,
    LocalDate invoiceDate,
    BigDecimal value,
    BigDecimal balance,
    BigDecimal tax,
    String customerPoNumber,
    List<ArInvoiceLine> lines) {

  /** Checks the arguments. */
  public ArInvoice {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(invoice, "invoice");
    Objects.requireNonNull(invoiceDate, "invoiceDate");
    Objects.requireNonNull(value, "value");
    documentType = documentType == null || documentType.isBlank() ? "I" : documentType;
    balance = balance == null ? value : balance;
    tax = tax == null ? BigDecimal.ZERO : tax;
    customerPoNumber = customerPoNumber == null ? "" : customerPoNumber;
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** An unpaid invoice without lines. */
  public static ArInvoice of(
      String customer, String invoice, LocalDate invoiceDate, BigDecimal value) {
    return new ArInvoice(
        customer, invoice, "I", invoiceDate, value, value, BigDecimal.ZERO, "", List.of());
  }

  /** This invoice with another open balance. */
  public ArInvoice withBalance(BigDecimal balance) {
    return new ArInvoice(
        customer, invoice, documentType, invoiceDate, value, balance, tax, customerPoNumber, lines);
  }

  /** This invoice with another tax portion. */
  public ArInvoice withTax(BigDecimal tax) {
    return new ArInvoice(
        customer, invoice, documentType, invoiceDate, value, balance, tax, customerPoNumber, lines);
  }

  /** This invoice with a customer purchase order number. */
  public ArInvoice withCustomerPoNumber(String customerPoNumber) {
    return new ArInvoice(
        customer, invoice, documentType, invoiceDate, value, balance, tax, customerPoNumber, lines);
  }

  /** This invoice with these lines. */
  public ArInvoice withLines(List<ArInvoiceLine> lines) {
    return new ArInvoice(
        customer, invoice, documentType, invoiceDate, value, balance, tax, customerPoNumber, lines);
  }
}
