package io.mlconnector.testkit.syspro.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.w3c.dom.Element;
import org.jspecify.annotations.Nullable;

/**
 * What every business object shares: the company, settings, key rules, error numbers, document
 * parameters and item error lists.
 */
final class Bo {
  // Error numbers: the simulator's own (SYSPRO's real numbers per message are unconfirmed).
  public static final int E_NOT_FOUND = 100001;
  public static final int E_KEY_FORMAT = 100002;
  public static final int E_EXISTS = 100003;
  public static final int E_TOO_LONG = 100004;
  public static final int E_INVALID = 100005;
  public static final int E_REQUIRED = 100006;
  public static final int E_INVOICE_NOT_FOUND = 100010;
  public static final int E_ALREADY_PAID = 100011;
  public static final int E_OVERPAYMENT = 100012;
  public static final int E_NOT_DISTRIBUTED = 100013;
  public static final int E_PERIOD_CLOSED = 100014;
  public static final int E_ZERO_ADJUSTMENT = 100015;
  public static final int E_NEGATIVE_BALANCE = 100016;
  public static final int E_ON_HOLD = 100017;
  public static final int E_HAS_OPEN_ITEMS = 100018;
  public static final int E_NOT_SUPPORTED = 100019;
  public static final int E_DUPLICATE_AP_INVOICE = 100021;
  public static final int E_AP_INVOICE_NOT_FOUND = 100022;
  public static final int E_DISTRIBUTION = 100023;
  public static final int E_LEDGER_NOT_FOUND = 100030;
  public static final int E_NOT_BALANCED = 100031;

  final Company company;
  final Config config;

  public Bo(Company company, Config config) {
    this.company = company;
    this.config = config;
  }

  /** An error on one field of an item (or on the item itself when {@code field} is null). */
  record FieldError(@Nullable String field, String value, int number, String description) {}

  /** Errors collected while validating one item. */
  static final class Errors {
    final List<FieldError> list = new ArrayList<>();
    final List<FieldError> warnings = new ArrayList<>();

    void add(@Nullable String field, @Nullable String value, int number, String description) {
      list.add(new FieldError(field, value == null ? "" : value, number, description));
    }

    void warn(@Nullable String field, @Nullable String value, int number, String description) {
      warnings.add(new FieldError(field, value == null ? "" : value, number, description));
    }

    /** Warnings count as errors unless IgnoreWarnings is Y or W. */
    boolean failed(Params p) {
      if (!p.ignoreWarnings() && !warnings.isEmpty()) {
        list.addAll(warnings);
        warnings.clear();
      }
      return !list.isEmpty();
    }

    boolean isEmpty() {
      return list.isEmpty();
    }

    @Nullable FieldError on(String field) {
      for (FieldError e : list) {
        if (field.equals(e.field())) {
          return e;
        }
      }
      return null;
    }

    /** Writes {@code field} as a plain leaf, or as a failed field when it has an error. */
    void leafOrError(Xml.Out out, String field, String value) {
      FieldError e = on(field);
      if (e != null) {
        out.fieldError(field, e.value(), e.number(), e.description());
      } else {
        out.leaf(field, value);
      }
    }

    /**
     * Writes the item's errors: item-level ones as {@code ErrorNumber}/{@code ErrorDescription},
     * field ones as failed fields, except those in {@code written} (already written in place).
     */
    void write(Xml.Out out, Collection<String> written) {
      for (FieldError e : list) {
        if (e.field() == null) {
          out.leaf("ErrorNumber", Integer.toString(e.number()))
              .leaf("ErrorDescription", e.description());
        } else if (!written.contains(e.field())) {
          out.fieldError(e.field(), e.value(), e.number(), e.description());
        }
      }
    }
  }

  /**
   * Writes {@code StatusOfItems} of a transaction post: the {@code GlJournal} period (blank unless
   * something was {@code posted}) and the item counts.
   */
  static void writeTransactionStatus(
      Xml.Out out, YearMonth period, boolean posted, int processed, int invalid) {
    out.start("StatusOfItems").start("GlJournal");
    out.leaf("GlYear", posted ? Integer.toString(period.getYear()) : "")
        .leaf("GlPeriod", posted ? String.format("%02d", period.getMonthValue()) : "")
        .leaf("GlJournal", "")
        .leaf("GlJournalError", "")
        .leaf("GlJournalMessage", "")
        .end();
    out.leaf("ItemsProcessed", Integer.toString(processed))
        .leaf("ItemsInvalid", invalid == 0 ? "" : Integer.toString(invalid))
        .end();
  }

  /** The common document parameters. */
  record Params(
      boolean ignoreWarnings,
      boolean applyIfEntireDocumentValid,
      boolean validateOnly,
      String postingPeriod,
      @Nullable Element element) {

    String get(String name, String dflt) {
      return Xml.text(element, name, dflt);
    }
  }

  /** Reads {@code Root/Parameters}; an absent document means all defaults. */
  Params params(String xmlParameters, Shape shape, String bo) {
    Element parameters = null;
    if (xmlParameters != null && !xmlParameters.isBlank()) {
      Element root = Xml.parse(xmlParameters, "XmlParameters");
      shape.check(root, config.ignoreUnknownElements.contains(bo), "XmlParameters");
      parameters = Xml.child(root, "Parameters");
    }
    String iw = yn(Xml.text(parameters, "IgnoreWarnings", "N"), "IgnoreWarnings", "NYW");
    String all =
        yn(
            Xml.text(parameters, "ApplyIfEntireDocumentValid", "Y"),
            "ApplyIfEntireDocumentValid",
            "YN");
    String vo = yn(Xml.text(parameters, "ValidateOnly", "N"), "ValidateOnly", "YN");
    String pp = yn(Xml.text(parameters, "PostingPeriod", "C"), "PostingPeriod", "CPB");
    return new Params(!iw.equals("N"), all.equals("Y"), vo.equals("Y"), pp, parameters);
  }

  private static String yn(String value, String name, String allowed) {
    if (value.length() != 1 || allowed.indexOf(value.charAt(0)) < 0) {
      throw new EnetError("Parameter '" + name + "' has an invalid value '" + value + "'");
    }
    return value;
  }

  /** The period that {@code C}, {@code P} or {@code B} names. */
  /** Parses {@code XmlIn} and checks it against the object's shape. */
  Element document(String xmlIn, Shape shape, String bo) {
    Element doc = Xml.parse(xmlIn, "XmlIn");
    shape.check(doc, config.ignoreUnknownElements.contains(bo), "XmlIn");
    return doc;
  }

  /**
   * Ends a document: restores {@code snapshot} when only validating, or when an item failed and
   * the document applies only if entirely valid. Returns whether it rolled back.
   */
  boolean rollBackIfNeeded(Params p, Object snapshot, int invalid) {
    boolean rollback = p.validateOnly() || (p.applyIfEntireDocumentValid() && invalid > 0);
    if (rollback) {
      company.restore(snapshot);
    }
    return rollback;
  }

  YearMonth period(String postingPeriod) {
    YearMonth current = company.currentPeriod();
    switch (postingPeriod) {
      case "P":
        return current.minusMonths(1);
      case "B":
        return current.minusMonths(2);
      default:
        return current;
    }
  }

  /**
   * Validates and normalises a customer or supplier code as the company's key rules say:
   * alphanumeric keys up to 15 characters as typed; numeric keys digits only, left-zero-padded to
   * the key width when padding is on.
   *
   * @throws IllegalArgumentException with the item error text
   */
  String key(String label, String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new IllegalArgumentException(label + " code is required");
    }
    if (config.numericCustomerKeys) {
      if (!raw.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException(label + " code '" + raw + "' must be numeric");
      }
      if (raw.length() > config.numericKeyWidth) {
        throw new IllegalArgumentException(
            label + " code '" + raw + "' exceeds " + config.numericKeyWidth + " digits");
      }
      if (config.padNumericKeys) {
        return "0".repeat(config.numericKeyWidth - raw.length()) + raw;
      }
      return raw;
    }
    if (raw.length() > 15) {
      throw new IllegalArgumentException(label + " code '" + raw + "' exceeds 15 characters");
    }
    for (int i = 0; i < raw.length(); i++) {
      char ch = raw.charAt(i);
      if (ch < 0x20 || ch == 0x7f) {
        throw new IllegalArgumentException(
            label + " code '" + raw + "' contains an invalid character");
      }
    }
    return raw;
  }

  /** Days of a terms code (the simulator reads a numeric terms code as days; else 30). */
  static int termsDays(String termsCode) {
    if (termsCode != null
        && !termsCode.isBlank()
        && termsCode.strip().chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(termsCode.strip());
    }
    return 30;
  }

  static @Nullable LocalDate dueDate(@Nullable LocalDate invoiceDate, String termsCode) {
    return invoiceDate == null ? null : invoiceDate.plusDays(termsDays(termsCode));
  }

  static BigDecimal dec(@Nullable Object v) {
    return v == null ? BigDecimal.ZERO : (BigDecimal) v;
  }

  static String str(@Nullable Object v) {
    return v == null ? "" : v.toString();
  }

  static String fmtPeriod(YearMonth p) {
    return p.getYear() + "/" + String.format("%02d", p.getMonthValue());
  }
}
