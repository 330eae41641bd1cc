package io.mlconnector.acumatica;

/**
 * Which AR document entity an {@link AcumaticaInvoice} is: the SO invoice of screen SO303000 or
 * the AR invoice of screen AR301000. They differ in the customer field's name and in the line
 * description field.
 */
public enum InvoiceEntity {
  /** {@code SalesInvoice} (SO303000): customer in {@code CustomerID}; {@code LastModifiedDateTime} from 23.200.001. */
  SALES_INVOICE("SalesInvoice", "CustomerID", "TransactionDescr", "ReleaseSalesInvoice"),
  /** {@code Invoice} (AR301000): customer in {@code Customer}. */
  INVOICE("Invoice", "Customer", "TransactionDescription", "ReleaseInvoice");

  private final String entityName;
  private final String customerField;
  private final String lineDescriptionField;
  private final String releaseAction;

  InvoiceEntity(String entityName, String customerField, String lineDescriptionField, String releaseAction) {
    this.entityName = entityName;
    this.customerField = customerField;
    this.lineDescriptionField = lineDescriptionField;
    this.releaseAction = releaseAction;
  }

  /**
   * The entity name in URLs.
   *
   * @return {@code SalesInvoice} or {@code Invoice}
   */
  public String entityName() {
    return entityName;
  }

  /**
   * The customer field.
   *
   * @return {@code CustomerID} or {@code Customer}
   */
  public String customerField() {
    return customerField;
  }

  /**
   * The line description field.
   *
   * @return {@code TransactionDescr} or {@code TransactionDescription}
   */
  public String lineDescriptionField() {
    return lineDescriptionField;
  }

  /**
   * The contract action that releases the document.
   *
   * @return {@code ReleaseSalesInvoice} or {@code ReleaseInvoice}
   */
  public String releaseAction() {
    return releaseAction;
  }
}
