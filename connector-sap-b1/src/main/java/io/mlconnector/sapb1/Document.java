package io.mlconnector.sapb1;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A marketing document: an A/R invoice ({@code Invoices(123)}, object 13) or credit note ({@code
 * CreditNotes}, object 14). {@code DocTotal}, {@code VatSum} and {@code PaidToDate} are in the
 * company's local currency; {@code DocTotalFc} and {@code PaidToDateFC} in the document's own when
 * it is foreign.
 *
 * <p>A property the entity read lacks (a {@code $select} that left it out) is null here, or zero
 * for the amounts.
 *
 * @param docEntry the key
 * @param docNum the number users see
 * @param cardCode the customer
 * @param cardName the customer's name on the document
 * @param numAtCard the customer's reference, or null
 * @param docDate the document date
 * @param docDueDate the due date, or null
 * @param currency {@code DocCurrency}
 * @param docRate {@code DocRate}, or null
 * @param docTotal {@code DocTotal} (local currency)
 * @param docTotalFc {@code DocTotalFc} (document currency; zero when local)
 * @param vatSum {@code VatSum} (local currency), or zero
 * @param paidToDate {@code PaidToDate} (local currency)
 * @param paidToDateFc {@code PaidToDateFC} (document currency), or zero
 * @param status {@code DocumentStatus} ({@code bost_Open}, {@code bost_Close}, ...)
 * @param cancelled whether {@code Cancelled} is {@code tYES}
 * @param comments {@code Comments}, or null
 * @param payTermsGrpCode {@code PaymentGroupCode}, or null
 * @param updateDate {@code UpdateDate}, or null
 * @param updateTime {@code UpdateTime}, or null
 * @param lines the {@code DocumentLines}
 * @param entity the whole entity, with {@code U_} fields and the ETag
 */
public record Document(
    long docEntry,
    @Nullable Long docNum,
    @Nullable String cardCode,
    @Nullable String cardName,
    @Nullable String numAtCard,
    @Nullable LocalDate docDate,
    @Nullable LocalDate docDueDate,
    @Nullable String currency,
    @Nullable BigDecimal docRate,
    BigDecimal docTotal,
    BigDecimal docTotalFc,
    BigDecimal vatSum,
    BigDecimal paidToDate,
    BigDecimal paidToDateFc,
    @Nullable String status,
    boolean cancelled,
    @Nullable String comments,
    @Nullable Long payTermsGrpCode,
    @Nullable LocalDate updateDate,
    @Nullable LocalTime updateTime,
    List<DocumentLine> lines,
    B1Entity entity) {

  /**
   * Copies the lines.
   *
   * @param docEntry the key
   * @param docNum the number users see
   * @param cardCode the customer
   * @param cardName the customer's name on the document
   * @param numAtCard the customer's reference, or null
   * @param docDate the document date
   * @param docDueDate the due date, or null
   * @param currency {@code DocCurrency}
   * @param docRate {@code DocRate}, or null
   * @param docTotal {@code DocTotal} (local currency)
   * @param docTotalFc {@code DocTotalFc} (document currency; zero when local)
   * @param vatSum {@code VatSum} (local currency), or zero
   * @param paidToDate {@code PaidToDate} (local currency)
   * @param paidToDateFc {@code PaidToDateFC} (document currency), or zero
   * @param status {@code DocumentStatus} ({@code bost_Open}, {@code bost_Close}, ...)
   * @param cancelled whether {@code Cancelled} is {@code tYES}
   * @param comments {@code Comments}, or null
   * @param payTermsGrpCode {@code PaymentGroupCode}, or null
   * @param updateDate {@code UpdateDate}, or null
   * @param updateTime {@code UpdateTime}, or null
   * @param lines the {@code DocumentLines}
   * @param entity the whole entity, with {@code U_} fields and the ETag
   */
  public Document {
    lines = List.copyOf(lines);
  }

  /**
   * Reads a document.
   *
   * @param e an {@code Invoices} or {@code CreditNotes} entity
   * @return the document
   * @throws B1FormatException if the entity has no {@code DocEntry}
   */
  public static Document of(B1Entity e) {
    Objects.requireNonNull(e, "e");
    Long entry = e.integer("DocEntry");
    if (entry == null) {
      throw new B1FormatException("document without DocEntry");
    }
    List<DocumentLine> lines = new ArrayList<>();
    for (B1Entity l : e.rows("DocumentLines")) {
      lines.add(DocumentLine.of(l));
    }
    return new Document(entry, e.integer("DocNum"), e.string("CardCode"), e.string("CardName"),
        e.string("NumAtCard"), e.date("DocDate"), e.date("DocDueDate"), e.string("DocCurrency"),
        e.decimal("DocRate"), zero(e.decimal("DocTotal")), zero(e.decimal("DocTotalFc")), zero(e.decimal("VatSum")),
        zero(e.decimal("PaidToDate")), zero(e.decimal("PaidToDateFC")), e.string("DocumentStatus"), e.yes("Cancelled"),
        e.string("Comments"), e.integer("PaymentGroupCode"), e.date("UpdateDate"), e.time("UpdateTime"), lines, e);
  }

  /**
   * Whether the document is in a foreign currency (a non-zero {@code DocTotalFc}).
   *
   * @param localCurrency the company's local currency code
   * @return true when the currency differs from it and {@code DocTotalFc} is not zero
   */
  public boolean foreign(String localCurrency) {
    return currency != null && !currency.equals(localCurrency) && docTotalFc.signum() != 0;
  }

  /**
   * The total in the document's own currency.
   *
   * @param localCurrency the company's local currency code
   * @return {@code DocTotalFc} when foreign, else {@code DocTotal}
   */
  public BigDecimal total(String localCurrency) {
    return foreign(localCurrency) ? docTotalFc : docTotal;
  }

  /**
   * What was paid in the document's own currency.
   *
   * @param localCurrency the company's local currency code
   * @return {@code PaidToDateFC} when foreign, else {@code PaidToDate}
   */
  public BigDecimal paid(String localCurrency) {
    return foreign(localCurrency) ? paidToDateFc : paidToDate;
  }

  /**
   * The VAT in the document's own currency (converted back at {@code DocRate} when foreign).
   *
   * @param localCurrency the company's local currency code
   * @return the VAT; {@code VatSumFc} when the entity has it, else {@code VatSum} divided by {@code
   *     DocRate}, rounded half up to 2 decimals
   */
  public BigDecimal vat(String localCurrency) {
    if (!foreign(localCurrency)) {
      return vatSum;
    }
    BigDecimal fc = entity.decimal("VatSumFc");
    if (fc != null) {
      return fc;
    }
    return docRate == null || docRate.signum() == 0 ? vatSum
        : vatSum.divide(docRate, 2, java.math.RoundingMode.HALF_UP);
  }

  private static BigDecimal zero(@Nullable BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  /**
   * One document line.
   *
   * @param lineNum {@code LineNum}
   * @param itemCode {@code ItemCode}, or null
   * @param description {@code ItemDescription}, or null
   * @param quantity {@code Quantity}
   * @param price {@code Price}, or null
   * @param lineTotal {@code LineTotal} (local currency)
   * @param rowTotalFc {@code RowTotalFC} (document currency), or zero
   * @param taxTotal {@code TaxTotal} (local currency), or zero
   * @param vatGroup {@code VatGroup} or {@code TaxCode}, or null
   * @param accountCode {@code AccountCode}, or null
   */
  public record DocumentLine(
      int lineNum,
      @Nullable String itemCode,
      @Nullable String description,
      BigDecimal quantity,
      @Nullable BigDecimal price,
      BigDecimal lineTotal,
      BigDecimal rowTotalFc,
      BigDecimal taxTotal,
      @Nullable String vatGroup,
      @Nullable String accountCode) {

    /**
     * Reads a line.
     *
     * @param l a {@code DocumentLines} row
     * @return the line; quantity 1 when the row has none
     */
    public static DocumentLine of(B1Entity l) {
      Long n = l.integer("LineNum");
      return new DocumentLine(n == null ? 0 : n.intValue(), l.string("ItemCode"), l.string("ItemDescription"),
          l.decimal("Quantity") == null ? BigDecimal.ONE : l.decimal("Quantity"), l.decimal("Price"),
          zero(l.decimal("LineTotal")), zero(l.decimal("RowTotalFC")), zero(l.decimal("TaxTotal")),
          l.string("VatGroup") != null ? l.string("VatGroup") : l.string("TaxCode"), l.string("AccountCode"));
    }
  }
}
