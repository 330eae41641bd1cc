package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.Wire;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A line of a {@code JournalTransaction} ({@code JournalTransactionDetail}).
 *
 * <p>A field is null when the record does not carry it: a PUT sends only the fields set, and a
 * read returns only the fields the endpoint serves and the query selects.
 *
 * @param branchId {@code BranchID}, or null for the batch's branch
 * @param account {@code Account}
 * @param subaccount {@code Subaccount}, or null for the account's default
 * @param debit {@code DebitAmount}
 * @param credit {@code CreditAmount}
 * @param description {@code TransactionDescription}, or null
 * @param referenceNbr {@code ReferenceNbr} (a document reference), or null
 */
public record AcumaticaJournalLine(
    @Nullable String branchId,
    @Nullable String account,
    @Nullable String subaccount,
    @Nullable BigDecimal debit,
    @Nullable BigDecimal credit,
    @Nullable String description,
    @Nullable String referenceNbr) {

  Map<String, Object> toWire() {
    Map<String, Object> m = Wire.object();
    Wire.put(m, "BranchID", branchId);
    Wire.put(m, "Account", account);
    Wire.put(m, "Subaccount", subaccount);
    Wire.put(m, "DebitAmount", debit);
    Wire.put(m, "CreditAmount", credit);
    Wire.put(m, "TransactionDescription", description);
    Wire.put(m, "ReferenceNbr", referenceNbr);
    return m;
  }

  static AcumaticaJournalLine fromWire(Map<String, Object> m) {
    return new AcumaticaJournalLine(
        Wire.text(m, "BranchID"),
        Wire.text(m, "Account"),
        Wire.text(m, "Subaccount"),
        Wire.decimal(m, "DebitAmount"),
        Wire.decimal(m, "CreditAmount"),
        Wire.text(m, "TransactionDescription"),
        Wire.text(m, "ReferenceNbr"));
  }
}
