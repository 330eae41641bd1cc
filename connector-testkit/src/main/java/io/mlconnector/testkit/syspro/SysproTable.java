package io.mlconnector.testkit.syspro;

/**
 * The tables of the simulated company, by their SQL names. Business objects and COMFND use these
 * names; OData entity sets default to them but can be renamed per simulator, because the reference
 * marks SYSPRO's entity set names unconfirmed.
 */
public enum SysproTable {
  /** Customers ({@code ArCustomer}, confirmed). */
  AR_CUSTOMER("ArCustomer"),
  /** AR invoices with their open balance {@code InvoiceBal1} ({@code ArInvoice}, confirmed). */
  AR_INVOICE("ArInvoice"),
  /** AR invoice lines ({@code ArTrnDetail}; the name and columns are the simulator's choice). */
  AR_INVOICE_LINE("ArTrnDetail"),
  /**
   * Payments and adjustments posted against AR invoices, with their reference ({@code
   * ArInvoicePay}; columns are the simulator's choice).
   */
  AR_INVOICE_PAY("ArInvoicePay"),
  /** Suppliers ({@code ApSupplier}, confirmed). */
  AP_SUPPLIER("ApSupplier"),
  /** AP invoices ({@code ApInvoice}, confirmed). */
  AP_INVOICE("ApInvoice"),
  /**
   * Adjustments, credit and debit notes APSTIN posted against AP invoices, with the posting's
   * {@code TransactionReference} in {@code PaymentReference} ({@code ApInvoicePay}: table and
   * columns seen in one SYSPRO database scaffold; where APSTIN stores the reference is unconfirmed).
   */
  AP_INVOICE_PAY("ApInvoicePay"),
  /** GL accounts ({@code GenMaster}, observed). */
  GL_ACCOUNT("GenMaster"),
  /** GL journal headers ({@code GenJournalCtl}; the simulator's choice). */
  GL_JOURNAL("GenJournalCtl"),
  /** GL journal lines ({@code GenJournalDetail}; the simulator's choice). */
  GL_JOURNAL_DETAIL("GenJournalDetail");

  private final String sqlName;

  SysproTable(String sqlName) {
    this.sqlName = sqlName;
  }

  /**
   * The SQL table name, as COMFND, COMBRW and COMFCH expect it.
   *
   * @return the name, case-sensitive, for example {@code ArCustomer}
   */
  public String sqlName() {
    return sqlName;
  }
}
