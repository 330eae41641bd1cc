package io.mlconnector.testkit.syspro.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.jspecify.annotations.Nullable;

/**
 * GENTJL, GL journal posting (Transaction/Post). A journal must balance (entry amounts, debit
 * positive and credit negative, sum to zero), name existing ledger codes and fall in an open
 * period; each gets the next journal number of its (year, period).
 */
final class Gentjl {
  private static final Shape PARAMS =
      Shape.of(
          "PostGlJournal(Parameters(IgnoreWarnings,ApplyIfEntireDocumentValid,ValidateOnly,ActionType,"
              + "ValidatePasswords,DeleteEntriesonMaint,IgnoreAnalysis,IncludeDimensionAnalysis))");
  private static final Shape DOC =
      Shape.of(
          "PostGlJournal(Item(JournalType,JournalNumber,AuthorizeJournal,PostJournal,CancelJournal,HoldJournal,"
              + "JournalDate,JournalReference,Notation,PostingPeriod,PostingYear,esignature,SourceCode,Currency,"
              + "AuditorsPassword,Source,Type,Company,"
              + "JournalDetails(EntryNumber,LedgerCode,LedgerCodePassword,Date,Reference,EntryAmount,DeleteEntry,"
              + "Comment)))");

  private final Bo bo;

  Gentjl(Bo bo) {
    this.bo = bo;
  }

  /** One validated journal line. */
  private record Line(String ledgerCode, BigDecimal amount, String reference, String comment) {}

  private static final class Outcome {
    Bo.Errors errors = new Bo.Errors();
    boolean valid;
    @Nullable YearMonth period;
    @Nullable LocalDate date;
    int journal;
    int entries;
    BigDecimal debit = BigDecimal.ZERO;
    BigDecimal credit = BigDecimal.ZERO;
    String type = "N";
    String status = "P";
  }

  String post(String xmlParameters, String xmlIn) {
    Bo.Params p = bo.params(xmlParameters, PARAMS, "GENTJL");
    Element doc = bo.document(xmlIn, DOC, "GENTJL");
    Object snapshot = bo.company.snapshot();
    List<Outcome> outcomes = new ArrayList<>();
    int invalid = 0;
    int processed = 0;
    int postings = 0;
    int postingsInvalid = 0;
    for (Element item : Xml.children(doc, "Item")) {
      Outcome o = new Outcome();
      List<Line> lines = validate(item, o);
      o.valid = !o.errors.failed(p);
      if (o.valid) {
        apply(item, o, lines);
        processed++;
        postings += lines.size();
      } else {
        invalid++;
        postingsInvalid += lines.size();
      }
      outcomes.add(o);
    }
    boolean rollback = bo.rollBackIfNeeded(p, snapshot, invalid);
    Xml.Out out = new Xml.Out().root("postgljournal", bo.config.boVersion);
    for (Outcome o : outcomes) {
      out.start("Item").start("Transaction");
      if (o.valid && !rollback) {
        out.start("Key")
            .leaf("GlYear", Integer.toString(o.period.getYear()))
            .leaf("GlPeriod", String.format("%02d", o.period.getMonthValue()))
            .leaf("GlJournal", String.format("%05d", o.journal))
            .end();
      }
      out.leaf("JournalDate", Fmt.compactDate(o.date))
          .leaf("NumOfEntries", String.format("%05d", o.entries))
          .leaf("DebitAmount", Fmt.plain(o.debit, 2))
          .leaf("CreditAmount", Fmt.plain(o.credit, 2))
          .leaf("JnlPostingType", o.type)
          .leaf("Jnlstatus", o.valid && !rollback ? o.status : "")
          .leaf("Currency", "")
          .leaf("Authorised", o.valid && !rollback ? "Y" : "N");
      o.errors.write(out, List.of());
      out.end().end();
    }
    out.start("StatusOfItems")
        .leaf("JournalsProcessed", Integer.toString(rollback ? 0 : processed))
        .leaf("JournalsInvalid", invalid == 0 ? "" : Integer.toString(invalid))
        .leaf("PostingsProcessed", Integer.toString(rollback ? 0 : postings))
        .leaf("PostingsInvalid", postingsInvalid == 0 ? "" : Integer.toString(postingsInvalid))
        .end();
    return out.finish();
  }

  private List<Line> validate(Element item, Outcome o) {
    o.type = Xml.text(item, "JournalType", "N");
    if (!"NPUSLAIE".contains(o.type) || o.type.length() != 1) {
      o.errors.add(
          "JournalType", o.type, Bo.E_INVALID, "JournalType '" + o.type + "' is not valid");
    }
    String post = Xml.text(item, "PostJournal", "Y");
    o.status = post.equals("N") ? "U" : "P";
    try {
      LocalDate d = Fmt.parseDate(Xml.text(item, "JournalDate"));
      o.date = d == null ? bo.company.today() : d;
    } catch (IllegalArgumentException e) {
      o.errors.add(
          "JournalDate",
          Xml.text(item, "JournalDate"),
          Bo.E_INVALID,
          "JournalDate " + e.getMessage());
      o.date = bo.company.today();
    }
    o.period = bo.company.currentPeriod();
    String py = Xml.text(item, "PostingYear", "");
    String pp = Xml.text(item, "PostingPeriod", "");
    try {
      int year = py.isEmpty() ? o.period.getYear() : Integer.parseInt(py);
      int month = pp.isEmpty() ? o.period.getMonthValue() : Integer.parseInt(pp);
      o.period = YearMonth.of(year, month);
    } catch (RuntimeException e) {
      o.errors.add(
          "PostingPeriod",
          py + "/" + pp,
          Bo.E_INVALID,
          "PostingYear/PostingPeriod '" + py + "/" + pp + "' is not valid");
    }
    if (bo.company.isClosed(o.period)) {
      o.errors.add(
          null, "", Bo.E_PERIOD_CLOSED, "Posting period " + Bo.fmtPeriod(o.period) + " is closed");
    }
    List<Line> lines = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (Element d : Xml.children(item, "JournalDetails")) {
      String code = Xml.text(d, "LedgerCode", "");
      if (bo.company.table(Company.GEN_MASTER).find(code) == null) {
        o.errors.add(
            "LedgerCode", code, Bo.E_LEDGER_NOT_FOUND, "Ledger code '" + code + "' not found");
      }
      BigDecimal amount;
      try {
        amount = Fmt.parseAmount(Xml.text(d, "EntryAmount"));
      } catch (IllegalArgumentException e) {
        o.errors.add(
            "EntryAmount",
            Xml.text(d, "EntryAmount"),
            Bo.E_INVALID,
            "EntryAmount " + e.getMessage());
        continue;
      }
      if (amount == null || amount.signum() == 0) {
        o.errors.add("EntryAmount", "", Bo.E_REQUIRED, "EntryAmount must not be zero");
        continue;
      }
      amount = amount.setScale(2, RoundingMode.HALF_UP);
      sum = sum.add(amount);
      if (amount.signum() > 0) {
        o.debit = o.debit.add(amount);
      } else {
        o.credit = o.credit.add(amount.negate());
      }
      lines.add(new Line(code, amount, Xml.text(d, "Reference", ""), Xml.text(d, "Comment", "")));
    }
    o.entries = lines.size();
    if (lines.size() < 2 && o.errors.isEmpty()) {
      o.errors.add(null, "", Bo.E_REQUIRED, "A journal needs at least two JournalDetails");
    }
    if (sum.signum() != 0 && o.errors.isEmpty()) {
      o.errors.add(
          null,
          "",
          Bo.E_NOT_BALANCED,
          "Journal does not balance: debits "
              + Fmt.plain(o.debit, 2)
              + ", credits "
              + Fmt.plain(o.credit, 2));
    }
    return lines;
  }

  private void apply(Element item, Outcome o, List<Line> lines) {
    o.journal = bo.company.next("GL-" + o.period);
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("GlYear", o.period.getYear());
    head.put("GlPeriod", o.period.getMonthValue());
    head.put("Journal", o.journal);
    head.put("JournalDate", o.date);
    head.put("JnlStatus", o.status);
    head.put("JnlPostingType", o.type);
    head.put("Reference", cut(Xml.text(item, "JournalReference", ""), 30));
    head.put("Notation", cut(Xml.text(item, "Notation", ""), 50));
    head.put("NumOfEntries", lines.size());
    head.put("DebitAmount", o.debit);
    head.put("CreditAmount", o.credit);
    bo.company.upsert(Company.GEN_JOURNAL, head);
    int n = 0;
    for (Line l : lines) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("GlYear", o.period.getYear());
      row.put("GlPeriod", o.period.getMonthValue());
      row.put("Journal", o.journal);
      row.put("EntryNumber", ++n);
      row.put("GlCode", l.ledgerCode());
      row.put("EntryValue", l.amount());
      row.put("Reference", cut(l.reference(), 30));
      row.put("Comment", cut(l.comment(), 100));
      bo.company.upsert(Company.GEN_JOURNAL_DETAIL, row);
      if (o.status.equals("P")) {
        Map<String, Object> gl = bo.company.table(Company.GEN_MASTER).find(l.ledgerCode());
        gl.put("CurrentBalance", Bo.dec(gl.get("CurrentBalance")).add(l.amount()));
        bo.company.touch(gl);
      }
    }
  }

  private static String cut(String s, int n) {
    return s.length() > n ? s.substring(0, n) : s;
  }
}
