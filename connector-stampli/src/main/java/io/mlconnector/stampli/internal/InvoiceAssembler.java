package io.mlconnector.stampli.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.TaxLine;
import io.mlconnector.core.sync.FileRow;
import io.mlconnector.stampli.StampliConfig;
import io.mlconnector.stampli.StampliRefs;
import io.mlconnector.stampli.StampliTemplate;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Groups consecutive rows of one invoice (same company, vendor, number and type) and turns each
 * group into a canonical payable {@link Invoice}, or a malformed {@link FileRow} naming the file's
 * line numbers and what is wrong: a missing required field, a bad date or amount, header fields
 * that differ between the invoice's rows, lines that do not sum to the total within the currency's
 * minor unit, a status that is not approved.
 */
public final class InvoiceAssembler implements Iterator<FileRow<Invoice>> {
  /** Fields that belong to a line; every other field is a header field repeated on each row. */
  public static final Set<String> LINE_FIELDS = Set.of(
      StampliTemplate.LINE_NUMBER, StampliTemplate.GL_ACCOUNT, StampliTemplate.LINE_AMOUNT,
      StampliTemplate.LINE_DESCRIPTION, StampliTemplate.COST_CENTER, StampliTemplate.TAX_CODE);

  private final Iterator<Row> rows;
  private final String tenant;
  private final StampliTemplate template;
  private final Values values;
  private @Nullable Row lookahead;
  private @Nullable FileRow<Invoice> next;

  /** Assembles invoices of {@code tenant} from {@code rows}. */
  public InvoiceAssembler(Iterator<Row> rows, String tenant, StampliTemplate template) {
    this.rows = rows;
    this.tenant = tenant;
    this.template = template;
    this.values = new Values(template);
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    Row first = lookahead != null ? lookahead : (rows.hasNext() ? rows.next() : null);
    lookahead = null;
    if (first == null) {
      return false;
    }
    if (first.values().containsKey("__error")) {
      next = FileRow.malformed(toInt(first.line()), first.values().get("__error"));
      return true;
    }
    List<Row> group = new ArrayList<>();
    group.add(first);
    String key = groupKey(first);
    while (rows.hasNext()) {
      Row r = rows.next();
      if (!r.values().containsKey("__error") && groupKey(r).equals(key)) {
        group.add(r);
      } else {
        lookahead = r;
        break;
      }
    }
    next = assemble(group);
    return true;
  }

  @Override
  public FileRow<Invoice> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    FileRow<Invoice> out = next;
    next = null;
    return out;
  }

  private static String groupKey(Row r) {
    return Objects.toString(r.get(StampliTemplate.COMPANY), "") + '\u0000'
        + Objects.toString(r.get(StampliTemplate.VENDOR_CODE), "") + '\u0000'
        + Objects.toString(r.get(StampliTemplate.INVOICE_NUMBER), "") + '\u0000'
        + Objects.toString(r.get(StampliTemplate.DOCUMENT_TYPE), "");
  }

  private static int toInt(long line) {
    return (int) Math.min(Integer.MAX_VALUE, line);
  }

  private String where(List<Row> group) {
    long a = group.get(0).line();
    long b = group.get(group.size() - 1).line();
    return a == b ? "line " + a : "lines " + a + "-" + b;
  }

  FileRow<Invoice> assemble(List<Row> group) {
    Row h = group.get(0);
    int line = toInt(h.line());
    String number = h.get(StampliTemplate.INVOICE_NUMBER);
    try {
      String label = "invoice " + (number == null ? "(no number)" : number) + " (" + where(group) + ")";
      for (Row r : group) {
        for (String field : h.values().keySet()) {
          if (!LINE_FIELDS.contains(field) && !Objects.equals(h.get(field), r.get(field))) {
            throw new IllegalArgumentException(label + ": header field " + field + " differs between line "
                + h.line() + " ('" + h.get(field) + "') and line " + r.line() + " ('" + r.get(field) + "')");
          }
        }
      }
      number = Values.id(StampliTemplate.INVOICE_NUMBER, require(h, StampliTemplate.INVOICE_NUMBER));
      String vendor = Values.id(StampliTemplate.VENDOR_CODE, require(h, StampliTemplate.VENDOR_CODE));
      String company = h.get(StampliTemplate.COMPANY);
      String status = h.get(StampliTemplate.STATUS);
      if (h.values().containsKey(StampliTemplate.STATUS)
          && template.approvedStatuses().stream().noneMatch(s -> s.equalsIgnoreCase(Objects.toString(status, "")))) {
        throw new IllegalArgumentException(label + ": status '" + status + "' is not one of the approved statuses "
            + template.approvedStatuses());
      }
      Currency currency = currency(h);
      LocalDate date = values.date(StampliTemplate.INVOICE_DATE, require(h, StampliTemplate.INVOICE_DATE));
      String dueText = h.get(StampliTemplate.DUE_DATE);
      LocalDate due = dueText == null ? null : values.date(StampliTemplate.DUE_DATE, dueText);
      String postText = h.get(StampliTemplate.POSTING_DATE);
      LocalDate posting = postText == null ? null : values.date(StampliTemplate.POSTING_DATE, postText);
      BigDecimal total = values.amount(StampliTemplate.TOTAL, require(h, StampliTemplate.TOTAL));
      BigDecimal tax = optionalAmount(h, StampliTemplate.TAX);
      BigDecimal freight = optionalAmount(h, StampliTemplate.FREIGHT);
      List<BigDecimal> amounts = new ArrayList<>();
      for (Row r : group) {
        String amountText = r.get(StampliTemplate.LINE_AMOUNT);
        if (amountText == null) {
          throw new IllegalArgumentException("line " + r.line() + ": lineAmount is missing (columns "
              + template.aliases(io.mlconnector.stampli.Entity.INVOICES).get(StampliTemplate.LINE_AMOUNT) + ")");
        }
        try {
          amounts.add(values.amount(StampliTemplate.LINE_AMOUNT, amountText));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("line " + r.line() + ": " + e.getMessage());
        }
        if (r.get(StampliTemplate.GL_ACCOUNT) == null) {
          throw new IllegalArgumentException("line " + r.line() + ": glAccount is missing");
        }
      }
      BigDecimal sum = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).add(tax).add(freight);
      BigDecimal unit = BigDecimal.ONE.movePointLeft(Math.max(0, currency.getDefaultFractionDigits()));
      if (sum.subtract(total).abs().compareTo(unit) > 0) {
        throw new IllegalArgumentException(label + ": lines " + amounts.stream().map(BigDecimal::toPlainString).toList()
            + " + tax " + tax.toPlainString() + " + freight " + freight.toPlainString() + " = " + sum.toPlainString()
            + ", not the total " + total.toPlainString() + " (tolerance " + unit.toPlainString() + " " + currency + ")");
      }
      boolean credit = isCredit(label, h.get(StampliTemplate.DOCUMENT_TYPE), total);
      boolean negate = total.signum() < 0;
      if (freight.signum() != 0 && template.freightGlAccount() == null) {
        throw new IllegalArgumentException(label + ": freight " + freight.toPlainString()
            + " given but the template sets no freightGlAccount to distribute it to");
      }
      String type = credit ? "C" : "I";
      String naturalKey = StampliRefs.naturalKey(company, vendor, number, type);
      Invoice.Builder b = Invoice.builder()
          .ref(ExternalRef.of(StampliConfig.SYSTEM, tenant, StampliRefs.INVOICE, naturalKey))
          .vendor(StampliRefs.vendor(tenant, vendor))
          .documentType(credit ? Invoice.DocumentType.CREDIT_NOTE : Invoice.DocumentType.INVOICE)
          .number(number)
          .status(Invoice.Status.OPEN)
          .issueDate(date)
          .dueDate(due != null && due.isBefore(date) ? null : due)
          .postingDate(posting)
          .currency(currency)
          .paymentTerms(h.get(StampliTemplate.TERMS))
          .purchaseOrder(h.get(StampliTemplate.PO_NUMBER))
          .memo(h.get(StampliTemplate.MEMO));
      int n = 0;
      for (int i = 0; i < group.size(); i++) {
        Row r = group.get(i);
        String ln = r.get(StampliTemplate.LINE_NUMBER);
        int lineNo = ln == null ? i + 1 : parseLineNumber(r, ln);
        n = Math.max(n, lineNo);
        BigDecimal amount = negate ? amounts.get(i).negate() : amounts.get(i);
        InvoiceLine.Builder lb = InvoiceLine.builder().number(lineNo)
            .description(r.get(StampliTemplate.LINE_DESCRIPTION))
            .amount(Money.of(amount, currency))
            .taxCode(r.get(StampliTemplate.TAX_CODE))
            .glAccount(StampliRefs.glAccount(tenant, Values.id(StampliTemplate.GL_ACCOUNT, r.get(StampliTemplate.GL_ACCOUNT))));
        String cc = r.get(StampliTemplate.COST_CENTER);
        if (cc != null) {
          lb.costCenter(StampliRefs.costCenter(tenant, Values.id(StampliTemplate.COST_CENTER, cc)));
        }
        b.addLine(lb.build());
      }
      if (freight.signum() != 0) {
        b.addLine(InvoiceLine.builder().number(n + 1).description("Freight")
            .amount(Money.of(negate ? freight.negate() : freight, currency))
            .glAccount(StampliRefs.glAccount(tenant, template.freightGlAccount())).build());
      }
      if (tax.signum() != 0) {
        b.addTax(TaxLine.of(null, Money.of(negate ? tax.negate() : tax, currency)));
      }
      Invoice draft = b.version("pending").build();
      return FileRow.of(line, new Invoice(draft.ref(), contentVersion(draft), draft.direction(), draft.documentType(),
          draft.number(), draft.party(), draft.status(), draft.issueDate(), draft.dueDate(), draft.postingDate(),
          draft.currency(), draft.lines(), draft.taxes(), draft.subtotal(), draft.taxTotal(), draft.total(),
          draft.amountPaid(), draft.purchaseOrder(), draft.paymentTerms(), draft.memo(), draft.extensions()));
    } catch (IllegalArgumentException e) {
      String msg = e.getMessage();
      String prefix = number == null ? "invoice (" + where(group) + ")" : "invoice " + number + " (" + where(group) + ")";
      return FileRow.malformed(line, msg.startsWith("invoice ") ? msg : prefix + ": " + msg);
    }
  }

  private int parseLineNumber(Row r, String text) {
    try {
      int v = Integer.parseInt(text.strip());
      if (v < 1) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("line " + r.line() + ": lineNumber '" + text + "' is not a positive whole number");
    }
  }

  private boolean isCredit(String label, @Nullable String type, BigDecimal total) {
    boolean byType = type != null && template.creditMemoTypes().stream().anyMatch(t -> t.equalsIgnoreCase(type));
    boolean bySign = total.signum() < 0;
    return switch (template.creditMemoRule()) {
      case BY_TYPE -> {
        if (bySign) {
          throw new IllegalArgumentException(label + ": negative total " + total.toPlainString()
              + " but credit memos are recognised by type only (creditMemoRule BY_TYPE)");
        }
        yield byType;
      }
      case BY_SIGN -> bySign;
      case BY_TYPE_OR_SIGN -> byType || bySign;
    };
  }

  private Currency currency(Row h) {
    String code = h.get(StampliTemplate.CURRENCY);
    if (code == null) {
      if (template.defaultCurrency() == null) {
        throw new IllegalArgumentException("currency is missing and the template has no defaultCurrency");
      }
      return template.defaultCurrency();
    }
    try {
      return Currency.getInstance(code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("currency '" + code + "' is not an ISO 4217 code");
    }
  }

  private BigDecimal optionalAmount(Row h, String field) {
    String t = h.get(field);
    return t == null ? BigDecimal.ZERO : values.amount(field, t);
  }

  private String require(Row r, String field) {
    String v = r.get(field);
    if (v == null) {
      throw new IllegalArgumentException(field + " is missing (columns "
          + template.aliases(io.mlconnector.stampli.Entity.INVOICES).get(field) + ")");
    }
    return v;
  }

  /** A version that changes with any content that would post differently. */
  static String contentVersion(Invoice inv) {
    StringBuilder sb = new StringBuilder();
    sb.append(inv.documentType()).append('|').append(inv.number()).append('|').append(inv.party().id())
        .append('|').append(inv.issueDate()).append('|').append(inv.dueDate()).append('|').append(inv.postingDate())
        .append('|').append(inv.currency()).append('|').append(inv.total().amount().stripTrailingZeros().toPlainString())
        .append('|').append(inv.taxTotal().amount().stripTrailingZeros().toPlainString())
        .append('|').append(inv.memo()).append('|').append(inv.purchaseOrder()).append('|').append(inv.paymentTerms());
    for (InvoiceLine l : inv.lines()) {
      sb.append("|L").append(l.number()).append(':').append(l.glAccount() == null ? "" : l.glAccount().id())
          .append(':').append(l.costCenter() == null ? "" : l.costCenter().id())
          .append(':').append(l.amount().amount().stripTrailingZeros().toPlainString())
          .append(':').append(l.description()).append(':').append(l.taxCode());
    }
    return sha256(sb.toString()).substring(0, 32);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
