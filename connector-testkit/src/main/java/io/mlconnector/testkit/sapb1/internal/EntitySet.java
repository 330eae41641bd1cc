package io.mlconnector.testkit.sapb1.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entity set the simulator serves.
 *
 * @param name the set name ({@code Invoices})
 * @param type the entity type ({@code Document})
 * @param key the key property
 * @param numericKey whether the key is an Int32 ({@code (123)}) rather than a string ({@code ('C1')})
 * @param concurrency whether the type carries {@code DataVersion} as its ETag
 * @param tracksUpdates whether writes set {@code UpdateDate}/{@code UpdateTime}
 * @param objectCode the {@code DocObjectCode} of documents, or null
 */
public record EntitySet(
    String name, String type, String key, boolean numericKey, boolean concurrency, boolean tracksUpdates,
    @Nullable String objectCode) {

  /** The sets served, by name (paths are case-sensitive). */
  public static final Map<String, EntitySet> ALL = Map.of(
      "BusinessPartners", new EntitySet("BusinessPartners", "BusinessPartner", "CardCode", false, true, true, null),
      "Invoices", new EntitySet("Invoices", "Document", "DocEntry", true, true, true, "oInvoices"),
      "CreditNotes", new EntitySet("CreditNotes", "Document", "DocEntry", true, true, true, "oCreditNotes"),
      "IncomingPayments", new EntitySet("IncomingPayments", "Payment", "DocEntry", true, false, false, null),
      "Currencies", new EntitySet("Currencies", "Currency", "Code", false, false, false, null));

  /** Whether this is a marketing document (invoice, credit note). */
  public boolean isDocument() {
    return type.equals("Document");
  }
}
