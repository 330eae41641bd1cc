package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.Wire;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A line of a {@code JournalTransaction} ({@code JournalTransactionDetail}).
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
    String branchId,
    String account,
    String subaccount,
    BigDecimal debit,
    BigDecimal credit,
    String description,
    String referenceNbr) {

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
