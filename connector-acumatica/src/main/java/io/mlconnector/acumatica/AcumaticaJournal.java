package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.Wire;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A GL batch, entity {@code JournalTransaction} (screen GL301000). Keys {@code Module} + {@code
 * BatchNbr} (auto-numbered on create).
 *
 * <p>A field is null when the record does not carry it: a PUT sends only the fields set, and a
 * read returns only the fields the endpoint serves and the query selects.
 *
 * @param id the entity id, or null on a new record
 * @param module {@code Module} ({@code GL})
 * @param batchNbr {@code BatchNbr}, or null to auto-number
 * @param transactionDate {@code TransactionDate}
 * @param branchId {@code BranchID}, or null
 * @param currencyId {@code CurrencyID}, or null
 * @param description {@code Description}; carries this SDK's stamp (see the README)
 * @param hold {@code Hold}
 * @param status {@code Status}
 * @param lastModified {@code LastModifiedDateTime}
 * @param lines {@code Details}; empty unless expanded
 * @param note the record's note ({@code note}), or null
 */
public record AcumaticaJournal(
    @Nullable String id,
    @Nullable String module,
    @Nullable String batchNbr,
    @Nullable LocalDate transactionDate,
    @Nullable String branchId,
    @Nullable String currencyId,
    @Nullable String description,
    @Nullable Boolean hold,
    @Nullable String status,
    @Nullable OffsetDateTime lastModified,
    List<AcumaticaJournalLine> lines,
    @Nullable String note) {

  /**
   * Copies the lines.
   *
   * @param id the entity id, or null on a new record
   * @param module {@code Module} ({@code GL})
   * @param batchNbr {@code BatchNbr}, or null to auto-number
   * @param transactionDate {@code TransactionDate}
   * @param branchId {@code BranchID}, or null
   * @param currencyId {@code CurrencyID}, or null
   * @param description {@code Description}; carries this SDK's stamp (see the README)
   * @param hold {@code Hold}
   * @param status {@code Status}
   * @param lastModified {@code LastModifiedDateTime}
   * @param lines {@code Details}; empty unless expanded
   * @param note the record's note ({@code note}), or null
   */
  public AcumaticaJournal {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /**
   * The URL keys: {@code Module}, {@code BatchNbr}.
   *
   * @return the key values in URL order; null where the record does not carry one
   */
  public List<@Nullable String> keys() {
    return java.util.Arrays.asList(module, batchNbr);
  }

  Map<String, Object> toWire() {
    Map<String, Object> m = Wire.object();
    if (id != null) {
      m.put("id", id);
    }
    Wire.put(m, "note", note);
    Wire.put(m, "Module", module);
    Wire.put(m, "BatchNbr", batchNbr);
    Wire.putDate(m, "TransactionDate", transactionDate);
    Wire.put(m, "BranchID", branchId);
    Wire.put(m, "CurrencyID", currencyId);
    Wire.put(m, "Description", description);
    Wire.put(m, "Hold", hold);
    if (!lines.isEmpty()) {
      List<Object> details = new ArrayList<>();
      for (AcumaticaJournalLine line : lines) {
        details.add(line.toWire());
      }
      m.put("Details", details);
    }
    return m;
  }

  static AcumaticaJournal fromWire(Map<String, Object> m, ZoneId zone) {
    List<AcumaticaJournalLine> lines = new ArrayList<>();
    for (Map<String, Object> d : Wire.details(m, "Details")) {
      lines.add(AcumaticaJournalLine.fromWire(d));
    }
    return new AcumaticaJournal(
        Wire.system(m, "id"),
        Wire.text(m, "Module"),
        Wire.text(m, "BatchNbr"),
        Wire.date(m, "TransactionDate"),
        Wire.text(m, "BranchID"),
        Wire.text(m, "CurrencyID"),
        Wire.text(m, "Description"),
        Wire.bool(m, "Hold"),
        Wire.text(m, "Status"),
        Wire.dateTime(m, "LastModifiedDateTime", zone),
        lines,
        Wire.text(m, "note"));
  }
}
