package io.mlconnector.testkit.syspro.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.jspecify.annotations.Nullable;

/**
 * The query objects: COMFND (generic find), COMFCH (fetch one row), COMBRW (paged browse), ARSQRY
 * (customer statement) and GENQRY (GL account query). Unknown tables, columns or keys are e.net
 * exceptions.
 */
final class Queries {
  private static final Shape COMFND =
      Shape.of(
          "Query(TableName,ReturnRows,AllColumns,Columns(Column),"
              + "Where(Expression(AndOr,OpenBracket,Column,Condition,Value,CloseBracket)),"
              + "OrderBy(Column),Sequence(Column))");
  private static final Shape COMFCH =
      Shape.of(
          "Fetch(TableName,Key,OptionalKey1,OptionalKey2,OptionalKey3,OptionalKey4,OptionalKey5,OptionalKey6,"
              + "OptionalKey7,OptionalKey8,OptionalKey9,OptionalKey10,OptionalKey11,OptionalKey12,"
              + "FullKeyProvided,DefaultType,EspressoFetch)");
  private static final Shape COMBRW =
      Shape.of(
          "Browse(BrowseName,StartAtKey,StartCondition,ReturnRows,Filter(ColumnFilterName,ColumnFilterValue),"
              + "BrowseDetails(TableName,Title,Column(ColumnName,ColumnDescription,ColumnKey)))");
  private static final Shape ARSQRY =
      Shape.of(
          "Query(Key(Customer),Option(MultiMediaImageType,IncludeFutures,IncludeTransactions,IncludeInvoices,"
              + "EinvoicesNotSubmitted,EinvoicesSubmitted,EinvoicesCompleted,EinvoicesFailed,EinvoicesRejected,"
              + "EinvoicesCancelled,IncludeCheckPayments,IncludePostDated,IncludeZeroBalances,IncludeCustomForms,"
              + "IncludePaymentRequests,AsOfPeriod,AgeingOption,XslStylesheet))");
  private static final Shape GENQRY =
      Shape.of(
          "Query(Key(LedgerCode),Option(LedgerCodePassword,Currency,GlYear,BudgetType,AddSeparators,"
              + "IncludeCustomForms,IncludeTransactions,IncludeDimensionAnalysis,DimensionBudgetType,"
              + "IncludeDimensionBudgets,IncludeDimensionTemplates,Transactions(MaxRowsToReturn,SourceCode,"
              + "StartAtKey(Period,Line),Direction,Filter),XslStylesheet))");

  private final Bo bo;

  Queries(Bo bo) {
    this.bo = bo;
  }

  private boolean ignore(String name) {
    return bo.config.ignoreUnknownElements.contains(name);
  }

  private Table table(String name) {
    Table t = name == null ? null : bo.company.table(name);
    if (t == null) {
      throw new EnetError("Table '" + (name == null ? "" : name) + "' is not a valid table name");
    }
    return t;
  }

  private static Table.Col column(Table t, String name) {
    Table.Col c = t.column(name);
    if (c == null) {
      throw new EnetError("Column '" + name + "' not found in table '" + t.name() + "'");
    }
    return c;
  }

  /** A cell as COMFND/COMFCH/ARSQRY print it: padded numbers, CCYY-MM-DD dates. */
  static String cell(Table.Col c, @Nullable Object v) {
    switch (c.type()) {
      case DECIMAL:
        return Fmt.pad(Bo.dec(v), c.scale(), c.length() + (c.scale() > 0 ? 1 : 0));
      case DATE:
        return Fmt.date((LocalDate) v);
      case ROWVERSION:
        return String.format("%016X", v == null ? 0L : (Long) v);
      default:
        return Bo.str(v);
    }
  }

  // ---------------------------------------------------------------- COMFND

  String comfnd(String xmlIn) {
    Element q = Xml.parse(xmlIn, "XmlIn");
    COMFND.check(q, ignore("COMFND"), "XmlIn");
    Table t = table(Xml.text(q, "TableName"));
    List<Table.Col> cols = new ArrayList<>();
    Element columns = Xml.child(q, "Columns");
    if (columns != null && !"Y".equals(Xml.text(q, "AllColumns"))) {
      for (Element c : Xml.children(columns, "Column")) {
        cols.add(column(t, c.getTextContent().strip()));
      }
    }
    if (cols.isEmpty()) {
      cols.addAll(t.columns());
    }
    Cond where = where(t, Xml.child(q, "Where"));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> r : t.rows()) {
      if (where == null || where.test(r)) {
        rows.add(r);
      }
    }
    List<String> orderCols = new ArrayList<>();
    Comparator<Map<String, Object>> order = null;
    Element orderBy = Xml.child(q, "OrderBy");
    for (Element c : Xml.children(orderBy, "Column")) {
      Table.Col col = column(t, c.getTextContent().strip());
      orderCols.add(col.name());
      order = then(order, byColumn(col, false));
    }
    for (Element c : Xml.children(Xml.child(q, "Sequence"), "Column")) {
      Table.Col col = column(t, c.getAttribute("Name"));
      order = then(order, byColumn(col, "D".equals(c.getAttribute("Orderby"))));
    }
    if (order != null) {
      rows.sort(order);
    }
    String rr = Xml.text(q, "ReturnRows", "");
    if (!rr.isEmpty()) {
      int n = parseCount(rr, "ReturnRows");
      if (n > 0 && rows.size() > n) {
        rows = rows.subList(0, n);
      }
    }
    Xml.Out out = new Xml.Out().root(t.name(), bo.config.boVersion);
    out.start("HeaderDetails").leaf("TableName", t.name()).start("Columns");
    cols.forEach(c -> out.leaf("Column", c.name()));
    out.end().start("OrderBy");
    orderCols.forEach(c -> out.leaf("Column", c));
    out.end().end();
    for (Map<String, Object> r : rows) {
      out.start("Row");
      for (Table.Col c : cols) {
        out.leaf(c.name(), cell(c, r.get(c.name())));
      }
      out.end();
    }
    out.leaf("RowsReturned", Fmt.count(rows.size()));
    return out.finish();
  }

  private static int parseCount(String s, String name) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new EnetError(name + " '" + s + "' is not a number");
    }
  }

  private static Comparator<Map<String, Object>> then(
      @Nullable Comparator<Map<String, Object>> a, Comparator<Map<String, Object>> b) {
    return a == null ? b : a.thenComparing(b);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Comparator<Map<String, Object>> byColumn(Table.Col c, boolean descending) {
    Comparator<Map<String, Object>> cmp =
        (x, y) -> {
          Object a = x.get(c.name());
          Object b = y.get(c.name());
          if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
          }
          if (a instanceof String) {
            return ((String) a).compareToIgnoreCase((String) b);
          }
          return ((Comparable) a).compareTo(b);
        };
    return descending ? cmp.reversed() : cmp;
  }

  /** A boolean condition over a row. */
  interface Cond {
    boolean test(Map<String, Object> row);
  }

  private @Nullable Cond where(Table t, Element where) {
    List<Object> tokens = new ArrayList<>();
    boolean first = true;
    for (Element e : Xml.children(where, "Expression")) {
      if (!first) {
        String andOr = Xml.text(e, "AndOr", "And");
        if (!andOr.equalsIgnoreCase("And") && !andOr.equalsIgnoreCase("Or")) {
          throw new EnetError("AndOr '" + andOr + "' must be And or Or");
        }
        tokens.add(andOr.toUpperCase(Locale.ROOT));
      }
      first = false;
      String open = Xml.text(e, "OpenBracket", "");
      String close = Xml.text(e, "CloseBracket", "");
      if (!open.chars().allMatch(ch -> ch == '(')
          || !close.chars().allMatch(ch -> ch == ')')
          || open.length() > 3
          || close.length() > 3) {
        throw new EnetError("Invalid bracket in Where expression");
      }
      open.chars().forEach(ch -> tokens.add("("));
      tokens.add(condition(t, e));
      close.chars().forEach(ch -> tokens.add(")"));
    }
    if (tokens.isEmpty()) {
      return null;
    }
    int[] pos = {0};
    Cond c = parseOr(tokens, pos);
    if (pos[0] != tokens.size()) {
      throw new EnetError("Unbalanced brackets in Where expression");
    }
    return c;
  }

  private static Cond parseOr(List<Object> tk, int[] pos) {
    Cond left = parseAnd(tk, pos);
    while (pos[0] < tk.size() && "OR".equals(tk.get(pos[0]))) {
      pos[0]++;
      Cond l = left;
      Cond r = parseAnd(tk, pos);
      left = row -> l.test(row) || r.test(row);
    }
    return left;
  }

  private static Cond parseAnd(List<Object> tk, int[] pos) {
    Cond left = parsePrimary(tk, pos);
    while (pos[0] < tk.size() && "AND".equals(tk.get(pos[0]))) {
      pos[0]++;
      Cond l = left;
      Cond r = parsePrimary(tk, pos);
      left = row -> l.test(row) && r.test(row);
    }
    return left;
  }

  private static Cond parsePrimary(List<Object> tk, int[] pos) {
    if (pos[0] >= tk.size()) {
      throw new EnetError("Unbalanced brackets in Where expression");
    }
    Object t = tk.get(pos[0]++);
    if ("(".equals(t)) {
      Cond c = parseOr(tk, pos);
      if (pos[0] >= tk.size() || !")".equals(tk.get(pos[0]))) {
        throw new EnetError("Unbalanced brackets in Where expression");
      }
      pos[0]++;
      return c;
    }
    if (t instanceof Cond) {
      return (Cond) t;
    }
    throw new EnetError("Unbalanced brackets in Where expression");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Cond condition(Table t, Element e) {
    Table.Col c = column(t, Xml.text(e, "Column", ""));
    String op = Xml.text(e, "Condition", "EQ").toUpperCase(Locale.ROOT);
    String raw = Xml.text(e, "Value", "");
    if (op.equals("LIKE")) {
      StringBuilder re = new StringBuilder();
      for (char ch : raw.toCharArray()) {
        re.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
      }
      Pattern p = Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
      return row -> p.matcher(cell(c, row.get(c.name())).strip()).matches();
    }
    Object value = literal(c, raw);
    if (!List.of("EQ", "NE", "GT", "GE", "LT", "LE").contains(op)) {
      throw new EnetError("Condition '" + op + "' is not valid");
    }
    Comparator<Map<String, Object>> cmp = byColumn(c, false);
    Map<String, Object> probe = new LinkedHashMap<>();
    probe.put(c.name(), value);
    return row -> {
      int r = cmp.compare(row, probe);
      switch (op) {
        case "EQ":
          return r == 0;
        case "NE":
          return r != 0;
        case "GT":
          return r > 0;
        case "GE":
          return r >= 0;
        case "LT":
          return r < 0;
        default:
          return r <= 0;
      }
    };
  }

  private static @Nullable Object literal(Table.Col c, String raw) {
    try {
      switch (c.type()) {
        case DECIMAL:
          BigDecimal d = Fmt.parseAmount(raw);
          return d == null ? BigDecimal.ZERO : d;
        case INTEGER:
          return raw.isEmpty() ? 0 : Integer.parseInt(raw.strip());
        case ROWVERSION:
          return raw.isEmpty() ? 0L : Long.parseLong(raw.strip(), 16);
        case DATE:
          return Fmt.parseDate(raw);
        default:
          return raw;
      }
    } catch (IllegalArgumentException e) {
      throw new EnetError("Value '" + raw + "' is not valid for column '" + c.name() + "'");
    }
  }

  // ---------------------------------------------------------------- COMFCH

  String comfch(String xmlIn) {
    Element f = Xml.parse(xmlIn, "XmlIn");
    COMFCH.check(f, ignore("COMFCH"), "XmlIn");
    Table t = table(Xml.text(f, "TableName"));
    List<Object> key = new ArrayList<>();
    key.add(Xml.text(f, "Key", ""));
    for (int i = 1; i < t.key().size(); i++) {
      String part = Xml.text(f, "OptionalKey" + i, "");
      if (part.isEmpty() && t.key().get(i).equals("DocumentType")) {
        part = "I";
      }
      key.add(literal(t.column(t.key().get(i)), part));
    }
    Map<String, Object> row = t.find(key.toArray());
    if (row == null) {
      throw new EnetError("Key '" + key.get(0) + "' not found in table '" + t.name() + "'");
    }
    Xml.Out out = new Xml.Out().root(t.name(), bo.config.boVersion);
    for (Table.Col c : t.columns()) {
      out.leaf(c.name(), cell(c, row.get(c.name())));
    }
    return out.finish();
  }

  // ---------------------------------------------------------------- COMBRW

  String combrw(String xmlIn) {
    Element b = Xml.parse(xmlIn, "XmlIn");
    COMBRW.check(b, ignore("COMBRW"), "XmlIn");
    Element details = Xml.child(b, "BrowseDetails");
    String tableName = Xml.text(details, "TableName", Xml.text(b, "BrowseName", ""));
    Table t = table(tableName);
    List<Table.Col> cols = new ArrayList<>();
    for (Element c : Xml.children(details, "Column")) {
      cols.add(column(t, Xml.text(c, "ColumnName", "")));
    }
    if (cols.isEmpty()) {
      cols.addAll(t.columns());
    }
    List<Cond> filters = new ArrayList<>();
    for (Element fe : Xml.children(b, "Filter")) {
      Table.Col c = column(t, Xml.text(fe, "ColumnFilterName", ""));
      String v = Xml.text(fe, "ColumnFilterValue", "");
      filters.add(row -> cell(c, row.get(c.name())).strip().equalsIgnoreCase(v));
    }
    int n = parseCount(Xml.text(b, "ReturnRows", "10"), "ReturnRows");
    String start = Xml.text(b, "StartAtKey", "");
    List<Map<String, Object>> tail = matching(t.tailFrom(start), filters);
    List<Map<String, Object>> head = matching(t.headBefore(start), filters);
    List<Map<String, Object>> page = tail.subList(0, Math.min(n, tail.size()));
    Xml.Out out = new Xml.Out().root(t.name(), bo.config.boVersion);
    out.leaf("Title", Xml.text(details, "Title", t.name()));
    for (Map<String, Object> r : page) {
      out.start("Row");
      for (Table.Col c : cols) {
        out.start(c.name())
            .leaf("Value", cell(c, r.get(c.name())).strip())
            .leaf(
                "DataType",
                c.type() == Table.Type.DECIMAL || c.type() == Table.Type.INTEGER
                    ? "Numeric"
                    : c.type() == Table.Type.DATE ? "Date" : "AlphaNumeric")
            .end();
      }
      out.end();
    }
    out.start("HeaderDetails");
    for (Table.Col c : cols) {
      out.leaf("Header", c.name());
    }
    out.leaf("Key", String.join(",", t.key())).end();
    boolean fwd = tail.size() > page.size();
    boolean back = !head.isEmpty();
    out.start("NextPrevKey")
        .leaf("PrevKey", back ? t.keyOf(head.get(Math.max(0, head.size() - n))) : "")
        .leaf("NextKey", fwd ? t.keyOf(tail.get(page.size())) : "")
        .leaf("Fwd", Boolean.toString(fwd))
        .leaf("Back", Boolean.toString(back))
        .end();
    return out.finish();
  }

  private static List<Map<String, Object>> matching(
      List<Map<String, Object>> rows, List<Cond> filters) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      if (filters.stream().allMatch(f -> f.test(r))) {
        out.add(r);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- ARSQRY

  String arsqry(String xmlIn, String operator) {
    Element q = Xml.parse(xmlIn, "XmlIn");
    ARSQRY.check(q, ignore("ARSQRY"), "XmlIn");
    String raw = Xml.text(Xml.child(q, "Key"), "Customer");
    String code;
    try {
      code = bo.key("Customer", raw);
    } catch (IllegalArgumentException e) {
      throw new EnetError(e.getMessage());
    }
    Map<String, Object> c = bo.company.table(Company.AR_CUSTOMER).find(code);
    if (c == null) {
      throw new EnetError("Customer '" + code + "' not found");
    }
    Element opt = Xml.child(q, "Option");
    boolean zero = "Y".equals(Xml.text(opt, "IncludeZeroBalances", "N"));
    boolean trans = "Y".equals(Xml.text(opt, "IncludeTransactions", "Y"));
    boolean invoices = "Y".equals(Xml.text(opt, "IncludeInvoices", "Y"));
    boolean payments = "Y".equals(Xml.text(opt, "IncludeCheckPayments", "Y"));
    Table cust = bo.company.table(Company.AR_CUSTOMER);
    Table inv = bo.company.table(Company.AR_INVOICE);
    Table pay = bo.company.table(Company.AR_INVOICE_PAY);
    Xml.Out out = new Xml.Out();
    out.start("ARStatement");
    out.start("SystemInformation")
        .leaf("CompanyId", bo.company.id())
        .leaf("CompanyName", bo.company.name())
        .leaf("OperatorCode", operator)
        .leaf("Version", bo.config.boVersion)
        .end();
    out.start("Header");
    for (String h :
        List.of(
            "Customer",
            "Name",
            "ShortName",
            "SoldToAddr1",
            "SoldToAddr2",
            "SoldToAddr3",
            "SoldToAddr4",
            "SoldToAddr5",
            "SoldPostalCode",
            "TermsCode",
            "Currency",
            "CreditLimit",
            "CreditStatus",
            "CustomerOnHold",
            "Email",
            "Telephone",
            "Branch",
            "DateLastSale",
            "DateLastPay",
            "DateCustAdded")) {
      out.leaf(h, cell(cust.column(h), c.get(h)));
    }
    out.end();
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal[] ageing = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    LocalDate today = bo.company.today();
    Map<String, BigDecimal[]> byCheque = new LinkedHashMap<>();
    Map<String, LocalDate> chequeDates = new LinkedHashMap<>();
    for (Map<String, Object> i : inv.rows()) {
      if (!code.equals(i.get("Customer"))) {
        continue;
      }
      BigDecimal bal = Bo.dec(i.get("InvoiceBal1"));
      total = total.add(bal);
      LocalDate date = (LocalDate) i.get("InvoiceDate");
      long days = date == null ? 0 : ChronoUnit.DAYS.between(date, today);
      int bucket = days < 30 ? 0 : days < 60 ? 1 : days < 90 ? 2 : 3;
      ageing[bucket] = ageing[bucket].add(bal);
      List<Map<String, Object>> trns = new ArrayList<>();
      for (Map<String, Object> p : pay.rows()) {
        if (code.equals(p.get("Customer"))
            && i.get("Invoice").equals(p.get("Invoice"))
            && i.get("DocumentType").equals(p.get("DocumentType"))) {
          trns.add(p);
          if ("P".equals(p.get("TrnType"))) {
            String k = p.get("TrnYear") + "/" + p.get("Journal") + "/" + p.get("Reference");
            byCheque.computeIfAbsent(k, x -> new BigDecimal[] {BigDecimal.ZERO})[0] =
                byCheque.get(k)[0].add(Bo.dec(p.get("TrnValue")).negate());
            chequeDates.put(k, (LocalDate) p.get("JournalDate"));
          }
        }
      }
      if (!invoices || (!zero && bal.signum() == 0)) {
        continue;
      }
      out.start("InvoiceDetail")
          .leaf("DocumentType", Bo.str(i.get("DocumentType")))
          .leaf("Invoice", Bo.str(i.get("Invoice")))
          .leaf("InvoiceDate", Fmt.date(date))
          .leaf("DueDate", Fmt.date(Bo.dueDate(date, Bo.str(i.get("TermsCode")))))
          .leaf("CustomerPoNumber", Bo.str(i.get("CustomerPoNumber")))
          .leaf("CurrencyValue", cell(inv.column("CurrencyValue"), i.get("CurrencyValue")))
          .leaf("InvoiceBal", cell(inv.column("InvoiceBal1"), bal))
          .leaf("Branch", Bo.str(i.get("Branch")))
          .leaf("SalesOrder", Bo.str(i.get("SalesOrder")));
      if (trans) {
        for (Map<String, Object> p : trns) {
          out.start("TransDetail")
              .leaf("Reference", Bo.str(p.get("Reference")))
              .leaf("TrnValue", cell(pay.column("TrnValue"), p.get("TrnValue")))
              .leaf("JournalDate", Fmt.date((LocalDate) p.get("JournalDate")))
              .leaf("DiscValue", cell(pay.column("DiscValue"), p.get("DiscValue")))
              .end();
        }
      }
      out.end();
    }
    if (payments) {
      byCheque.forEach(
          (k, v) ->
              out.start("PayDetail")
                  .leaf("ChequeReference", k.substring(k.indexOf('/', k.indexOf('/') + 1) + 1))
                  .leaf("PayDate", Fmt.date(chequeDates.get(k)))
                  .leaf("PayValue", Fmt.pad(v[0], 2, 15))
                  .end());
    }
    out.start("TotalSection")
        .leaf("CurrentBalance", Fmt.pad(total, 2, 15))
        .leaf("Current", Fmt.pad(ageing[0], 2, 15))
        .leaf("Days30", Fmt.pad(ageing[1], 2, 15))
        .leaf("Days60", Fmt.pad(ageing[2], 2, 15))
        .leaf("Days90", Fmt.pad(ageing[3], 2, 15))
        .end();
    return out.finish();
  }

  // ---------------------------------------------------------------- GENQRY

  String genqry(String xmlIn, String operator) {
    Element q = Xml.parse(xmlIn, "XmlIn");
    GENQRY.check(q, ignore("GENQRY"), "XmlIn");
    String code = Xml.text(Xml.child(q, "Key"), "LedgerCode", "");
    Table gm = bo.company.table(Company.GEN_MASTER);
    Map<String, Object> gl = gm.find(code);
    if (gl == null) {
      throw new EnetError("Ledger code '" + code + "' not found");
    }
    boolean trans = "Y".equals(Xml.text(Xml.child(q, "Option"), "IncludeTransactions", "N"));
    Xml.Out out = new Xml.Out();
    out.start("LedgerQuery");
    out.start("SystemInformation")
        .leaf("CompanyId", bo.company.id())
        .leaf("CompanyName", bo.company.name())
        .leaf("OperatorCode", operator)
        .leaf("Version", bo.config.boVersion)
        .end();
    out.leaf("GlCode", code)
        .leaf("Description", Bo.str(gl.get("Description")))
        .leaf("Currency", bo.company.localCurrency())
        .leaf("GlYear", Integer.toString(bo.company.currentPeriod().getYear()))
        .leaf("GlPeriod", String.format("%02d", bo.company.currentPeriod().getMonthValue()))
        .leaf("AccountType", Bo.str(gl.get("AccountType")))
        .leaf("GlGroup", Bo.str(gl.get("GlGroup")))
        .leaf("ControlAccFlag", "N")
        .leaf("AccOnHldFlag", "N")
        .leaf("CurrentBalance", cell(gm.column("CurrentBalance"), gl.get("CurrentBalance")));
    if (trans) {
      for (Map<String, Object> d : bo.company.table(Company.GEN_JOURNAL_DETAIL).rows()) {
        if (!code.equals(d.get("GlCode"))) {
          continue;
        }
        Map<String, Object> head =
            bo.company
                .table(Company.GEN_JOURNAL)
                .find(d.get("GlYear"), d.get("GlPeriod"), d.get("Journal"));
        out.start("Item")
            .leaf("GlPeriod", String.format("%02d", (Integer) d.get("GlPeriod")))
            .leaf("Source", "GJ")
            .leaf("Journal", String.format("%05d", (Integer) d.get("Journal")))
            .leaf("JnlDate", Fmt.date(head == null ? null : (LocalDate) head.get("JournalDate")))
            .leaf("Reference", Bo.str(d.get("Reference")))
            .leaf("EntryValue", Fmt.pad(Bo.dec(d.get("EntryValue")), 2, 15))
            .leaf("Comment", Bo.str(d.get("Comment")))
            .end();
      }
    }
    return out.finish();
  }
}
