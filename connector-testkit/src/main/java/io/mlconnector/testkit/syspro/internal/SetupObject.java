package io.mlconnector.testkit.syspro.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.jspecify.annotations.Nullable;

/**
 * Master-data maintenance objects (Setup class): ARSSCS for customers, APSSSP for suppliers.
 * Add/Update/Delete with per-field validation; field errors come back inside the item as {@code
 * <field><Value/><ErrorNumber/><ErrorDescription/></field>} and {@code StatusOfItems} counts read
 * and invalid records.
 */
final class SetupObject {
  private static final Set<String> FLAGS = Set.of("CustomerOnHold", "OnHold");

  private final Bo bo;
  private final String name;
  private final String root;
  private final String outRoot;
  private final String keyElement;
  private final String label;
  private final String table;
  private final String requiredOnAdd;
  private final String addedDate;
  private final Set<String> acceptedNotStored;
  private final Shape docShape;
  private final Shape paramShape;

  private SetupObject(
      Bo bo,
      String name,
      String root,
      String keyElement,
      String label,
      String table,
      String requiredOnAdd,
      String addedDate,
      Set<String> acceptedNotStored,
      String extraParams) {
    this.bo = bo;
    this.name = name;
    this.root = root;
    this.outRoot = root.toLowerCase(Locale.ROOT);
    this.keyElement = keyElement;
    this.label = label;
    this.table = table;
    this.requiredOnAdd = requiredOnAdd;
    this.addedDate = addedDate;
    this.acceptedNotStored = acceptedNotStored;
    StringBuilder fields = new StringBuilder();
    for (Table.Col c : bo.company.table(table).columns()) {
      if (storable(c.name())) {
        fields.append(',').append(c.name());
      }
    }
    acceptedNotStored.forEach(f -> fields.append(',').append(f));
    this.docShape = Shape.of(root + "(Item(Key(" + keyElement + ")" + fields + "))");
    this.paramShape =
        Shape.of(
            root
                + "(Parameters(IgnoreWarnings,ApplyIfEntireDocumentValid,ValidateOnly"
                + extraParams
                + "))");
  }

  private boolean storable(String column) {
    return !column.equals(keyElement)
        && !column.equals("TimeStamp")
        && !column.equals("DateLastSale")
        && !column.equals("DateLastPay")
        && !column.equals("CurrentBalance")
        && !column.equals("LastPurchDate");
  }

  static SetupObject arsscs(Bo bo) {
    return new SetupObject(
        bo,
        "ARSSCS",
        "SetupArCustomer",
        "Customer",
        "Customer",
        Company.AR_CUSTOMER,
        "Name",
        "DateCustAdded",
        Set.of("eSignature"),
        ",UpdateFaxEmailOrders,UpdateFaxEmailReprint,ValidateTaxExemptionNo");
  }

  static SetupObject apsssp(Bo bo) {
    return new SetupObject(
        bo,
        "APSSSP",
        "SetupApSupplier",
        "Supplier",
        "Supplier",
        Company.AP_SUPPLIER,
        "SupplierName",
        "DateSuppAdded",
        Set.of(
            "eSignature",
            "SupplierChName",
            "LanguageCode",
            "RemitName",
            "RemitAddr1",
            "RemitAddr2",
            "RemitAddr3",
            "RemitAddr4",
            "RemitAddr5",
            "DefTaxCode",
            "PayByEft",
            "BankBranch",
            "BankAccount",
            "WithTaxId",
            "WithTaxCode"),
        "");
  }

  String name() {
    return name;
  }

  /** Runs Add, Update or Delete over every item of the document. */
  String run(String method, String xmlParameters, String xmlIn) {
    boolean ignore = bo.config.ignoreUnknownElements.contains(name);
    Bo.Params p = bo.params(xmlParameters, paramShape, name);
    Element doc = Xml.parse(xmlIn, "XmlIn");
    docShape.check(doc, ignore, "XmlIn");
    Object snapshot = bo.company.snapshot();
    Table t = bo.company.table(table);
    List<String> keys = new ArrayList<>();
    List<Bo.Errors> results = new ArrayList<>();
    int invalid = 0;
    for (Element item : Xml.children(doc, "Item")) {
      Bo.Errors errors = new Bo.Errors();
      String raw = Xml.text(Xml.child(item, "Key"), keyElement);
      String key = raw == null ? "" : raw;
      try {
        key = bo.key(label, raw);
      } catch (IllegalArgumentException e) {
        errors.add(
            keyElement,
            raw,
            raw == null || raw.isEmpty() ? Bo.E_REQUIRED : Bo.E_KEY_FORMAT,
            e.getMessage());
      }
      keys.add(key);
      Map<String, Object> existing = errors.isEmpty() ? t.find(key) : null;
      if (errors.isEmpty()) {
        if (method.equals("Add") && existing != null) {
          errors.add(keyElement, key, Bo.E_EXISTS, label + " '" + key + "' already exists");
        } else if (!method.equals("Add") && existing == null) {
          errors.add(keyElement, key, Bo.E_NOT_FOUND, label + " '" + key + "' not found");
        }
      }
      Map<String, Object> values = new LinkedHashMap<>();
      if (!method.equals("Delete")) {
        for (Element f : Xml.children(item)) {
          String field = f.getTagName();
          if (field.equals("Key") || acceptedNotStored.contains(field) || t.column(field) == null) {
            continue;
          }
          validateField(t.column(field), f.getTextContent().strip(), values, errors);
        }
        if (method.equals("Add") && errors.on(requiredOnAdd) == null) {
          Object n = values.get(requiredOnAdd);
          if (n == null || n.toString().isBlank()) {
            errors.add(requiredOnAdd, "", Bo.E_REQUIRED, requiredOnAdd + " is required");
          }
        }
      } else if (errors.isEmpty() && hasOpenItems(key)) {
        errors.add(
            keyElement,
            key,
            Bo.E_HAS_OPEN_ITEMS,
            label + " '" + key + "' has open transactions and cannot be deleted");
      }
      if (errors.failed(p)) {
        invalid++;
      } else {
        apply(method, t, key, existing, values);
      }
      results.add(errors);
    }
    bo.rollBackIfNeeded(p, snapshot, invalid);
    Xml.Out out = new Xml.Out().root(outRoot, bo.config.boVersion);
    for (int i = 0; i < keys.size(); i++) {
      out.start("item").start("key").leaf(keyElement.toLowerCase(Locale.ROOT), keys.get(i)).end();
      for (Bo.FieldError e : results.get(i).list) {
        out.fieldError(e.field().toLowerCase(Locale.ROOT), e.value(), e.number(), e.description());
      }
      out.end();
    }
    out.start("StatusOfItems")
        .leaf("RecordsRead", Integer.toString(keys.size()))
        .leaf("RecordsInvalid", Integer.toString(invalid))
        .end();
    return out.finish();
  }

  private boolean hasOpenItems(String key) {
    if (table.equals(Company.AR_CUSTOMER)) {
      for (Map<String, Object> inv : bo.company.table(Company.AR_INVOICE).rows()) {
        if (key.equals(inv.get("Customer")) && Bo.dec(inv.get("InvoiceBal1")).signum() != 0) {
          return true;
        }
      }
    } else {
      for (Map<String, Object> inv : bo.company.table(Company.AP_INVOICE).rows()) {
        if (key.equals(inv.get("Supplier")) && Bo.dec(inv.get("MthInvBal1")).signum() != 0) {
          return true;
        }
      }
    }
    return false;
  }

  private void validateField(
      Table.Col c, String text, Map<String, Object> values, Bo.Errors errors) {
    String field = c.name();
    switch (c.type()) {
      case TEXT:
        if (text.length() > c.length()) {
          errors.add(field, text, Bo.E_TOO_LONG, field + " exceeds " + c.length() + " characters");
        } else if (FLAGS.contains(field)
            && !text.isEmpty()
            && !text.equals("Y")
            && !text.equals("N")) {
          errors.add(field, text, Bo.E_INVALID, field + " must be Y or N");
        } else if (field.equals("Email") && !text.isEmpty() && !text.contains("@")) {
          errors.add(
              field, text, Bo.E_INVALID, "Email '" + text + "' is not a valid e-mail address");
        } else {
          values.put(field, text);
        }
        break;
      case DECIMAL:
        try {
          BigDecimal v = Fmt.parseAmount(text);
          if (v != null && v.signum() < 0) {
            errors.add(field, text, Bo.E_INVALID, field + " must not be negative");
          } else {
            values.put(
                field, v == null ? BigDecimal.ZERO : v.setScale(c.scale(), RoundingMode.HALF_UP));
          }
        } catch (IllegalArgumentException e) {
          errors.add(field, text, Bo.E_INVALID, field + " " + e.getMessage());
        }
        break;
      case DATE:
        try {
          values.put(field, Fmt.parseDate(text));
        } catch (IllegalArgumentException e) {
          errors.add(field, text, Bo.E_INVALID, field + " " + e.getMessage());
        }
        break;
      default:
        break;
    }
  }

  private void apply(
      String method,
      Table t,
      String key,
      @Nullable Map<String, Object> existing,
      Map<String, Object> values) {
    switch (method) {
      case "Add":
        Map<String, Object> row = new LinkedHashMap<>(values);
        row.put(keyElement, key);
        if (row.get("Currency") == null || row.get("Currency").toString().isBlank()) {
          row.put("Currency", bo.company.localCurrency());
        }
        if (row.get(addedDate) == null) {
          row.put(addedDate, bo.company.today());
        }
        bo.company.upsert(table, row);
        break;
      case "Update":
        Map<String, Object> updated = new LinkedHashMap<>(existing);
        values.forEach(
            (k, v) -> {
              if (!(k.equals(addedDate) && v == null)) {
                updated.put(k, v);
              }
            });
        bo.company.upsert(table, updated);
        break;
      default:
        t.remove(key);
        break;
    }
  }
}
