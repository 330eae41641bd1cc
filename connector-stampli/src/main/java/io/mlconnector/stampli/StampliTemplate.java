package io.mlconnector.stampli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's file template: how its Stampli files are laid out. Stampli publishes no file format,
 * so nothing here is fixed in code: column names (aliases per canonical field), delimiter, quote,
 * encoding, date and number formats, how a credit memo is told apart, and the XML element paths.
 * The defaults follow the proposal in the connector's README (one row per GL line, header fields
 * repeated); every one of them is an unconfirmed guess to check during onboarding.
 *
 * <pre>{@code
 * StampliTemplate t = StampliTemplate.builder()
 *     .delimiter(';').decimalSeparator(',').dateFormats("dd.MM.yyyy")
 *     .alias(Entity.INVOICES, StampliTemplate.INVOICE_NUMBER, "Belegnummer")
 *     .build();
 * }</pre>
 */
public final class StampliTemplate {
  // invoice header fields
  /** Field: company id. */
  public static final String COMPANY = "companyCode";
  /** Field: Stampli's own invoice id. */
  public static final String STAMPLI_ID = "stampliInvoiceId";
  /** Field: invoice number. */
  public static final String INVOICE_NUMBER = "invoiceNumber";
  /** Field: ERP vendor code. */
  public static final String VENDOR_CODE = "vendorCode";
  /** Field: vendor name. */
  public static final String VENDOR_NAME = "vendorName";
  /** Field: document type (Invoice, Credit Memo). */
  public static final String DOCUMENT_TYPE = "documentType";
  /** Field: invoice date. */
  public static final String INVOICE_DATE = "invoiceDate";
  /** Field: due date. */
  public static final String DUE_DATE = "dueDate";
  /** Field: GL posting date. */
  public static final String POSTING_DATE = "postingDate";
  /** Field: payment terms. */
  public static final String TERMS = "paymentTerms";
  /** Field: currency. */
  public static final String CURRENCY = "currency";
  /** Field: invoice total. */
  public static final String TOTAL = "totalAmount";
  /** Field: header tax amount. */
  public static final String TAX = "taxAmount";
  /** Field: header freight amount. */
  public static final String FREIGHT = "freightAmount";
  /** Field: purchase order number. */
  public static final String PO_NUMBER = "poNumber";
  /** Field: approval status. */
  public static final String STATUS = "approvalStatus";
  /** Field: memo. */
  public static final String MEMO = "memo";
  // line fields
  /** Field: line number. */
  public static final String LINE_NUMBER = "lineNumber";
  /** Field: GL account of a line. */
  public static final String GL_ACCOUNT = "glAccount";
  /** Field: line amount. */
  public static final String LINE_AMOUNT = "lineAmount";
  /** Field: line description. */
  public static final String LINE_DESCRIPTION = "lineDescription";
  /** Field: cost centre of a line. */
  public static final String COST_CENTER = "costCenter";
  /** Field: tax code of a line. */
  public static final String TAX_CODE = "taxCode";
  // vendor fields
  /** Field: vendor status (Active / Inactive). */
  public static final String VENDOR_STATUS = "vendorStatus";
  /** Field: vendor e-mail. */
  public static final String EMAIL = "email";
  /** Field: vendor phone. */
  public static final String PHONE = "phone";
  /** Field: vendor tax id. */
  public static final String TAX_ID = "taxId";
  // payment fields
  /** Field: payment id. */
  public static final String PAYMENT_ID = "paymentId";
  /** Field: payment date. */
  public static final String PAYMENT_DATE = "paymentDate";
  /** Field: payment amount. */
  public static final String AMOUNT = "amount";
  /** Field: payment method. */
  public static final String METHOD = "method";
  /** Field: payment reference (cheque number, trace). */
  public static final String REFERENCE = "reference";
  /** Field: payment status (Paid, Voided). */
  public static final String PAYMENT_STATUS = "paymentStatus";

  /** How a credit memo is recognised. */
  public enum CreditMemoRule {
    /** By the document type column only (amounts positive). */
    BY_TYPE,
    /** By a negative total only (amounts negative, type column ignored). */
    BY_SIGN,
    /** Either (default): a credit type, or a negative total. */
    BY_TYPE_OR_SIGN
  }

  private final char delimiter;
  private final char quote;
  private final Charset charset;
  private final @Nullable Charset fallbackCharset;
  private final List<String> dateFormats;
  private final char decimalSeparator;
  private final @Nullable Character groupingSeparator;
  private final CreditMemoRule creditMemoRule;
  private final List<String> creditMemoTypes;
  private final List<String> approvedStatuses;
  private final Map<Entity, Map<String, List<String>>> aliases;
  private final Map<Entity, String> xmlRecordPaths;
  private final String xmlLinePath;
  private final @Nullable Currency defaultCurrency;
  private final @Nullable String freightGlAccount;
  private final long maxRows;

  private StampliTemplate(Builder b) {
    this.delimiter = b.delimiter;
    this.quote = b.quote;
    this.charset = b.charset;
    this.fallbackCharset = b.fallbackCharset;
    this.dateFormats = List.copyOf(b.dateFormats);
    this.decimalSeparator = b.decimalSeparator;
    this.groupingSeparator = b.groupingSeparator;
    this.creditMemoRule = b.creditMemoRule;
    this.creditMemoTypes = List.copyOf(b.creditMemoTypes);
    this.approvedStatuses = List.copyOf(b.approvedStatuses);
    Map<Entity, Map<String, List<String>>> a = new EnumMap<>(Entity.class);
    b.aliases.forEach((e, m) -> {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      a.put(e, java.util.Collections.unmodifiableMap(copy));
    });
    this.aliases = java.util.Collections.unmodifiableMap(a);
    this.xmlRecordPaths = Map.copyOf(b.xmlRecordPaths);
    this.xmlLinePath = b.xmlLinePath;
    this.defaultCurrency = b.defaultCurrency;
    this.freightGlAccount = b.freightGlAccount;
    this.maxRows = b.maxRows;
  }

  /**
   * The defaults (see the class comment).
   *
   * @return the default template
   */
  public static StampliTemplate defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this template.
   *
   * @return a builder holding every setting of this template
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.delimiter = delimiter;
    b.quote = quote;
    b.charset = charset;
    b.fallbackCharset = fallbackCharset;
    b.dateFormats = new ArrayList<>(dateFormats);
    b.decimalSeparator = decimalSeparator;
    b.groupingSeparator = groupingSeparator;
    b.creditMemoRule = creditMemoRule;
    b.creditMemoTypes = new ArrayList<>(creditMemoTypes);
    b.approvedStatuses = new ArrayList<>(approvedStatuses);
    b.aliases.clear();
    aliases.forEach((e, m) -> {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
      b.aliases.put(e, copy);
    });
    b.xmlRecordPaths.putAll(xmlRecordPaths);
    b.xmlLinePath = xmlLinePath;
    b.defaultCurrency = defaultCurrency;
    b.freightGlAccount = freightGlAccount;
    b.maxRows = maxRows;
    return b;
  }

  /**
   * The CSV field delimiter (default {@code ,}).
   *
   * @return the delimiter
   */
  public char delimiter() {
    return delimiter;
  }

  /**
   * The CSV quote character (default {@code "}).
   *
   * @return the quote character
   */
  public char quote() {
    return quote;
  }

  /**
   * The encoding (default UTF-8; a UTF-8 byte order mark is always skipped).
   *
   * @return the encoding
   */
  public Charset charset() {
    return charset;
  }

  /**
   * The encoding tried when a file is not valid in {@link #charset()} (for example windows-1252),
   * or null to refuse such a file. Never replaced silently by U+FFFD.
   *
   * @return the fallback encoding, or null (the default)
   */
  public @Nullable Charset fallbackCharset() {
    return fallbackCharset;
  }

  /**
   * Date patterns tried in order, strictly (default {@code yyyy-MM-dd}).
   *
   * @return the patterns, in {@link java.time.format.DateTimeFormatter} syntax
   */
  public List<String> dateFormats() {
    return dateFormats;
  }

  /**
   * The decimal separator (default {@code .}).
   *
   * @return {@code .} or {@code ,}
   */
  public char decimalSeparator() {
    return decimalSeparator;
  }

  /**
   * The grouping separator allowed in amounts, or null for none (default none).
   *
   * @return the separator, or null
   */
  public @Nullable Character groupingSeparator() {
    return groupingSeparator;
  }

  /**
   * How credit memos are recognised (default {@link CreditMemoRule#BY_TYPE_OR_SIGN}).
   *
   * @return the rule
   */
  public CreditMemoRule creditMemoRule() {
    return creditMemoRule;
  }

  /**
   * Document type values meaning a credit memo, case-insensitive.
   *
   * @return the values (default {@code Credit Memo}, {@code Credit}, {@code CM}, {@code Credit
   *     Note})
   */
  public List<String> creditMemoTypes() {
    return creditMemoTypes;
  }

  /**
   * Approval status values that may be posted, case-insensitive (default {@code Approved}); an
   * invoice with another status is parked with its status named. A file without a status column
   * is taken as all approved.
   *
   * @return the values, at least one
   */
  public List<String> approvedStatuses() {
    return approvedStatuses;
  }

  /**
   * The aliases (column or element names) of each field of {@code entity}, in preference order.
   *
   * @param entity the kind of file
   * @return the names by canonical field (the {@code static} constants of this class); empty for an
   *     entity without aliases
   */
  public Map<String, List<String>> aliases(Entity entity) {
    return aliases.getOrDefault(entity, Map.of());
  }

  /**
   * The XML path of one record of {@code entity}, for example {@code /Invoices/Invoice}.
   *
   * @param entity the kind of file
   * @return the absolute path, or null when none is set for the entity
   */
  public @Nullable String xmlRecordPath(Entity entity) {
    return xmlRecordPaths.get(entity);
  }

  /**
   * The XML path of a line inside an invoice element (default {@code Lines/Line}).
   *
   * @return the relative path
   */
  public String xmlLinePath() {
    return xmlLinePath;
  }

  /**
   * The currency of invoices without a currency column, or null to require one.
   *
   * @return the currency, or null (the default)
   */
  public @Nullable Currency defaultCurrency() {
    return defaultCurrency;
  }

  /**
   * The GL account (Stampli code) a header freight amount is distributed to, or null: an invoice
   * with freight is then parked, naming this setting.
   *
   * @return the account, or null (the default)
   */
  public @Nullable String freightGlAccount() {
    return freightGlAccount;
  }

  /**
   * The most rows read from one file before it is refused as absurd (default 10,000,000).
   *
   * @return the most rows
   */
  public long maxRows() {
    return maxRows;
  }

  /**
   * Normalises a column name for alias matching: case, spaces, underscores and dashes ignored.
   *
   * @param name a column or element name as found in a file
   * @return the name in lower case without spaces, underscores, dashes, dots or a byte order mark
   */
  public static String normalizeName(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (char c : name.strip().toCharArray()) {
      if (c == '\uFEFF' || c == ' ' || c == '_' || c == '-' || c == '.' || Character.isWhitespace(c)) {
        continue;
      }
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString();
  }

  /** Builds a {@link StampliTemplate}. */
  public static final class Builder {
    private char delimiter = ',';
    private char quote = '"';
    private Charset charset = StandardCharsets.UTF_8;
    private @Nullable Charset fallbackCharset;
    private List<String> dateFormats = new ArrayList<>(List.of("yyyy-MM-dd"));
    private char decimalSeparator = '.';
    private @Nullable Character groupingSeparator;
    private CreditMemoRule creditMemoRule = CreditMemoRule.BY_TYPE_OR_SIGN;
    private List<String> creditMemoTypes = new ArrayList<>(List.of("Credit Memo", "Credit", "CM", "Credit Note"));
    private List<String> approvedStatuses = new ArrayList<>(List.of("Approved"));
    private final Map<Entity, Map<String, List<String>>> aliases = new EnumMap<>(Entity.class);
    private final Map<Entity, String> xmlRecordPaths = new EnumMap<>(Entity.class);
    private String xmlLinePath = "Lines/Line";
    private @Nullable Currency defaultCurrency;
    private @Nullable String freightGlAccount;
    private long maxRows = 10_000_000L;

    private Builder() {
      Map<String, List<String>> inv = new LinkedHashMap<>();
      put(inv, COMPANY, "Company ID", "Company", "Entity", "Subsidiary");
      put(inv, STAMPLI_ID, "Stampli ID", "Invoice ID", "Document ID");
      put(inv, INVOICE_NUMBER, "Invoice Number", "Invoice #", "Inv No", "Document Number");
      put(inv, VENDOR_CODE, "Vendor ID", "Vendor Number", "Vendor Code", "Supplier ID");
      put(inv, VENDOR_NAME, "Vendor Name", "Supplier Name");
      put(inv, DOCUMENT_TYPE, "Document Type", "Type", "Invoice Type");
      put(inv, INVOICE_DATE, "Invoice Date", "Document Date");
      put(inv, DUE_DATE, "Due Date");
      put(inv, POSTING_DATE, "GL Date", "Posting Date", "Accounting Date");
      put(inv, TERMS, "Payment Terms", "Terms");
      put(inv, CURRENCY, "Currency", "Currency Code");
      put(inv, TOTAL, "Invoice Total", "Total", "Gross Amount", "Invoice Amount");
      put(inv, TAX, "Tax Amount", "Tax", "VAT");
      put(inv, FREIGHT, "Freight", "Shipping");
      put(inv, PO_NUMBER, "PO Number", "PO #", "Purchase Order");
      put(inv, STATUS, "Approval Status", "Status");
      put(inv, MEMO, "Description", "Memo", "Notes");
      put(inv, LINE_NUMBER, "Line Number", "Line", "Line #");
      put(inv, GL_ACCOUNT, "GL Account", "Account", "Account Number", "GL Code");
      put(inv, LINE_AMOUNT, "Line Amount", "Distribution Amount", "Amount");
      put(inv, LINE_DESCRIPTION, "Line Description", "Item Description");
      put(inv, COST_CENTER, "Cost Center", "Department", "Dept");
      put(inv, TAX_CODE, "Tax Code");
      aliases.put(Entity.INVOICES, inv);
      Map<String, List<String>> ven = new LinkedHashMap<>();
      put(ven, VENDOR_CODE, "Vendor ID", "Vendor Number", "Vendor Code", "Supplier ID");
      put(ven, VENDOR_NAME, "Vendor Name", "Supplier Name", "Name");
      put(ven, VENDOR_STATUS, "Status", "Active");
      put(ven, EMAIL, "Email", "E-mail");
      put(ven, PHONE, "Phone", "Telephone");
      put(ven, CURRENCY, "Currency");
      put(ven, TERMS, "Payment Terms", "Terms");
      put(ven, TAX_ID, "Tax ID", "VAT Number");
      aliases.put(Entity.VENDORS, ven);
      Map<String, List<String>> pay = new LinkedHashMap<>();
      put(pay, COMPANY, "Company ID", "Company", "Entity", "Subsidiary");
      put(pay, PAYMENT_ID, "Payment ID");
      put(pay, INVOICE_NUMBER, "Invoice Number", "Invoice #");
      put(pay, STAMPLI_ID, "Stampli ID", "Invoice ID");
      put(pay, VENDOR_CODE, "Vendor ID", "Vendor Code", "Supplier ID");
      put(pay, PAYMENT_DATE, "Payment Date", "Paid Date");
      put(pay, AMOUNT, "Amount", "Paid Amount");
      put(pay, CURRENCY, "Currency");
      put(pay, METHOD, "Method", "Payment Method");
      put(pay, REFERENCE, "Reference", "Check Number", "Trace");
      put(pay, PAYMENT_STATUS, "Status");
      aliases.put(Entity.PAYMENTS, pay);
      xmlRecordPaths.put(Entity.INVOICES, "/Invoices/Invoice");
      xmlRecordPaths.put(Entity.VENDORS, "/Vendors/Vendor");
      xmlRecordPaths.put(Entity.PAYMENTS, "/Payments/Payment");
    }

    private static void put(Map<String, List<String>> m, String field, String... names) {
      m.put(field, new ArrayList<>(Arrays.asList(names)));
    }

    /**
     * The CSV delimiter.
     *
     * @param value the delimiter; default {@code ,}
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is a line break
     */
    public Builder delimiter(char value) {
      if (value == '\n' || value == '\r') {
        throw new IllegalArgumentException("delimiter must not be a line break");
      }
      this.delimiter = value;
      return this;
    }

    /**
     * The CSV quote character.
     *
     * @param value the quote character; default {@code "}
     * @return this builder
     */
    public Builder quote(char value) {
      this.quote = value;
      return this;
    }

    /**
     * The encoding.
     *
     * @param value the encoding; default UTF-8
     * @return this builder
     */
    public Builder charset(Charset value) {
      this.charset = Objects.requireNonNull(value, "charset");
      return this;
    }

    /**
     * The encoding tried when a file is not valid in the main one (null: refuse the file).
     *
     * @param value the encoding, for example windows-1252, or null
     * @return this builder
     */
    public Builder fallbackCharset(@Nullable Charset value) {
      this.fallbackCharset = value;
      return this;
    }

    /**
     * Date patterns tried in order ({@link java.time.format.DateTimeFormatter} syntax, strict).
     *
     * @param patterns one or more patterns, e.g. {@code dd.MM.yyyy}
     * @return this builder
     * @throws IllegalArgumentException if there is none or one is not a valid pattern
     */
    public Builder dateFormats(String... patterns) {
      if (patterns.length == 0) {
        throw new IllegalArgumentException("dateFormats needs at least one pattern");
      }
      for (String p : patterns) {
        java.time.format.DateTimeFormatter.ofPattern(p.replace("yyyy", "uuuu"), Locale.ROOT);
      }
      this.dateFormats = new ArrayList<>(List.of(patterns));
      return this;
    }

    /**
     * The decimal separator ({@code .} or {@code ,}).
     *
     * @param value the separator
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is neither {@code .} nor {@code ,}
     */
    public Builder decimalSeparator(char value) {
      if (value != '.' && value != ',') {
        throw new IllegalArgumentException("decimalSeparator must be '.' or ',', was '" + value + "'");
      }
      this.decimalSeparator = value;
      return this;
    }

    /**
     * The grouping separator allowed in amounts (null: none).
     *
     * @param value the separator, e.g. {@code ,} with a decimal point, or null
     * @return this builder
     */
    public Builder groupingSeparator(@Nullable Character value) {
      this.groupingSeparator = value;
      return this;
    }

    /**
     * How credit memos are recognised.
     *
     * @param value the rule
     * @return this builder
     */
    public Builder creditMemoRule(CreditMemoRule value) {
      this.creditMemoRule = Objects.requireNonNull(value, "creditMemoRule");
      return this;
    }

    /**
     * Document type values meaning a credit memo.
     *
     * @param values the values, case-insensitive; none leaves only {@link CreditMemoRule#BY_SIGN}
     *     possible
     * @return this builder
     */
    public Builder creditMemoTypes(String... values) {
      this.creditMemoTypes = new ArrayList<>(List.of(values));
      return this;
    }

    /**
     * Approval status values that may be posted.
     *
     * @param values one or more values, case-insensitive
     * @return this builder
     * @throws IllegalArgumentException if there is none
     */
    public Builder approvedStatuses(String... values) {
      if (values.length == 0) {
        throw new IllegalArgumentException("approvedStatuses needs at least one value");
      }
      this.approvedStatuses = new ArrayList<>(List.of(values));
      return this;
    }

    /**
     * Puts {@code names} first among the aliases of {@code field} in files of {@code entity} (the
     * tenant's own column or element names).
     *
     * @param entity the kind of file
     * @param field the canonical field, one of this class's constants
     * @param names one or more column or element names, most preferred first
     * @return this builder
     * @throws IllegalArgumentException if there is no name
     */
    public Builder alias(Entity entity, String field, String... names) {
      Objects.requireNonNull(entity, "entity");
      Objects.requireNonNull(field, "field");
      if (names.length == 0) {
        throw new IllegalArgumentException("alias needs at least one name for " + field);
      }
      List<String> list =
          aliases.computeIfAbsent(entity, e -> new LinkedHashMap<>())
              .computeIfAbsent(field, f -> new ArrayList<>());
      List<String> front = new ArrayList<>(List.of(names));
      list.removeAll(front);
      front.addAll(list);
      list.clear();
      list.addAll(front);
      return this;
    }

    /**
     * Replaces every alias of {@code field} in files of {@code entity}.
     *
     * @param entity the kind of file
     * @param field the canonical field, one of this class's constants
     * @param names the only names accepted; none makes the field unreadable
     * @return this builder
     */
    public Builder aliasesOnly(Entity entity, String field, String... names) {
      aliases.computeIfAbsent(entity, e -> new LinkedHashMap<>()).put(field, new ArrayList<>(List.of(names)));
      return this;
    }

    /**
     * The XML path of one record of {@code entity} ({@code /Root/Record}).
     *
     * @param entity the kind of file
     * @param path the absolute path
     * @return this builder
     * @throws IllegalArgumentException if {@code path} is not absolute
     */
    public Builder xmlRecordPath(Entity entity, String path) {
      if (path == null || !path.startsWith("/") || path.length() < 2) {
        throw new IllegalArgumentException("xmlRecordPath must be an absolute path like /Invoices/Invoice, was " + path);
      }
      xmlRecordPaths.put(Objects.requireNonNull(entity, "entity"), path);
      return this;
    }

    /**
     * The XML path of a line inside an invoice element ({@code Lines/Line}).
     *
     * @param path the relative path
     * @return this builder
     * @throws IllegalArgumentException if {@code path} is blank or absolute
     */
    public Builder xmlLinePath(String path) {
      if (path == null || path.isBlank() || path.startsWith("/")) {
        throw new IllegalArgumentException("xmlLinePath must be a relative path like Lines/Line, was " + path);
      }
      this.xmlLinePath = path;
      return this;
    }

    /**
     * The currency of invoices without a currency column.
     *
     * @param value the currency, or null to require a currency column
     * @return this builder
     */
    public Builder defaultCurrency(@Nullable Currency value) {
      this.defaultCurrency = value;
      return this;
    }

    /**
     * The GL account (Stampli code) a header freight amount goes to.
     *
     * @param value the account, or null to park invoices with freight
     * @return this builder
     */
    public Builder freightGlAccount(@Nullable String value) {
      this.freightGlAccount = value;
      return this;
    }

    /**
     * The most rows read from one file.
     *
     * @param value the most rows, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public Builder maxRows(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxRows must be positive, was " + value);
      }
      this.maxRows = value;
      return this;
    }

    /**
     * The template.
     *
     * @return the template
     */
    public StampliTemplate build() {
      return new StampliTemplate(this);
    }
  }
}
