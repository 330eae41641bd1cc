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

  /**
   * Checks the arguments; a null document type, balance, tax, purchase order number or line list
   * takes its default.
   *
   * @param customer the customer code
   * @param invoice the invoice number
   * @param documentType {@code I}, {@code C} or {@code D}; null or blank for {@code I}
   * @param invoiceDate the invoice date
   * @param value the original value including tax
   * @param balance the open balance; null for the whole value
   * @param tax the tax portion; null for zero
   * @param customerPoNumber the customer's purchase order number; null for blank
   * @param lines the invoice lines (copied); null for none
   */
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

  /**
   * An unpaid invoice without lines or tax.
   *
   * @param customer the customer code
   * @param invoice the invoice number
   * @param invoiceDate the invoice date
   * @param value the value, all of it open
   * @return the invoice, document type {@code I}
   */
  public static ArInvoice of(
      String customer, String invoice, LocalDate invoiceDate, BigDecimal value) {
    return new ArInvoice(
        customer, invoice, "I", invoiceDate, value, value, BigDecimal.ZERO, "", List.of());
  }

  /**
   * This invoice with another open balance.
   *
   * @param balance the open balance in the invoice's currency
   * @return a copy; this invoice is unchanged
   */
  public ArInvoice withBalance(BigDecimal balance) {
    return new ArInvoice(
        customer, invoice, documentType, invoiceDate, value, balance, tax, customerPoNumber, lines);
  }

  /**
   * This invoice with another tax portion.
   *
   * @param tax the tax included in the value
   * @return a copy; this invoice is unchanged
   */
  public ArInvoice withTax(BigDecimal tax) {
    return new ArInvoice(
        customer, invoice, documentType, invoiceDate, value, balance, tax, customerPoNumber, lines);
  }

  /**
   * This invoice with a customer purchase order number.
   *
   * @param customerPoNumber the number; blank for none
   * @return a copy; this invoice is unchanged
   */
  public ArInvoice withCustomerPoNumber(String customerPoNumber) {
    return new ArInvoice(
        customer, invoice, documentType, invoiceDate, value, balance, tax, customerPoNumber, lines);
  }

  /**
   * This invoice with these lines, replacing any it had.
   *
   * @param lines the lines (copied)
   * @return a copy; this invoice is unchanged
   */
  public ArInvoice withLines(List<ArInvoiceLine> lines) {
    return new ArInvoice(
        customer, invoice, documentType, invoiceDate, value, balance, tax, customerPoNumber, lines);
  }
}
