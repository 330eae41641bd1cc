package io.mlconnector.syspro;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.syspro.internal.Hashes;
import java.util.List;
import java.util.Objects;

/**
 * The {@link ExternalRef}s of SYSPRO records (system {@code syspro}) and the reference stamps the
 * sinks write so that a record can be found again.
 *
 * <table>
 *   <caption>Record types and ids</caption>
 *   <tr><th>type</th><th>id</th></tr>
 *   <tr><td>{@value #CUSTOMER}</td><td>customer code</td></tr>
 *   <tr><td>{@value #AR_INVOICE}</td><td>{@code customer|invoice|documentType}</td></tr>
 *   <tr><td>{@value #AR_PAYMENT}</td><td>{@code trnYear-trnMonth-journal} of the ARSTPY posting</td></tr>
 *   <tr><td>{@value #SUPPLIER}</td><td>supplier code</td></tr>
 *   <tr><td>{@value #AP_INVOICE}</td><td>{@code supplier|invoice}</td></tr>
 *   <tr><td>{@value #GL_ACCOUNT}</td><td>GL code</td></tr>
 *   <tr><td>{@value #GL_JOURNAL}</td><td>{@code glYear-glPeriod-journal}</td></tr>
 * </table>
 */
public final class SysproRefs {

  /** The system name. */
  public static final String SYSTEM = "syspro";

  /** Customer ({@code ArCustomer}). */
  public static final String CUSTOMER = "customer";

  /** AR invoice ({@code ArInvoice}). */
  public static final String AR_INVOICE = "ar-invoice";

  /** An ARSTPY posting (payment or adjustment journal). */
  public static final String AR_PAYMENT = "ar-payment";

  /** Supplier ({@code ApSupplier}). */
  public static final String SUPPLIER = "supplier";

  /** AP invoice ({@code ApInvoice}). */
  public static final String AP_INVOICE = "ap-invoice";

  /** GL account ({@code GenMaster}). */
  public static final String GL_ACCOUNT = "gl-account";

  /** GL journal (GENTJL). */
  public static final String GL_JOURNAL = "gl-journal";

  /** The longest reference SYSPRO keeps ({@code Reference}, 30 characters). */
  public static final int MAX_REFERENCE = 30;

  private SysproRefs() {}

  /**
   * A customer ref.
   *
   * @param tenant the tenant
   * @param code the customer code
   * @return the ref of type {@value #CUSTOMER}
   */
  public static ExternalRef customer(String tenant, String code) {
    return ExternalRef.of(SYSTEM, tenant, CUSTOMER, code);
  }

  /**
   * An AR invoice ref.
   *
   * @param tenant the tenant
   * @param customer the customer code
   * @param invoice the invoice number
   * @param documentType SYSPRO's document type ({@code I} invoice, {@code C} credit note ...)
   * @return the ref of type {@value #AR_INVOICE}
   * @throws IllegalArgumentException when a part is empty or holds {@code |}
   */
  public static ExternalRef arInvoice(
      String tenant, String customer, String invoice, String documentType) {
    return ExternalRef.of(SYSTEM, tenant, AR_INVOICE, join(customer, invoice, documentType));
  }

  /**
   * A supplier ref.
   *
   * @param tenant the tenant
   * @param code the supplier code
   * @return the ref of type {@value #SUPPLIER}
   */
  public static ExternalRef supplier(String tenant, String code) {
    return ExternalRef.of(SYSTEM, tenant, SUPPLIER, code);
  }

  /**
   * An AP invoice ref.
   *
   * @param tenant the tenant
   * @param supplier the supplier code
   * @param invoice the supplier's invoice number
   * @return the ref of type {@value #AP_INVOICE}
   * @throws IllegalArgumentException when a part is empty or holds {@code |}
   */
  public static ExternalRef apInvoice(String tenant, String supplier, String invoice) {
    return ExternalRef.of(SYSTEM, tenant, AP_INVOICE, join(supplier, invoice));
  }

  /**
   * A GL account ref.
   *
   * @param tenant the tenant
   * @param code the GL code
   * @return the ref of type {@value #GL_ACCOUNT}
   */
  public static ExternalRef glAccount(String tenant, String code) {
    return ExternalRef.of(SYSTEM, tenant, GL_ACCOUNT, code);
  }

  /**
   * The parts of a composite id ({@code customer|invoice|type}).
   *
   * @throws IllegalArgumentException when {@code ref} is not a SYSPRO ref of {@code type} with
   *     {@code parts} parts
   * @param ref the ref
   * @param type the record type it must have
   * @param parts how many parts its id must have
   * @return the parts, in order
   */
  public static List<String> parts(ExternalRef ref, String type, int parts) {
    Objects.requireNonNull(ref, "ref");
    if (!SYSTEM.equals(ref.system()) || !type.equals(ref.type())) {
      throw new IllegalArgumentException("expected a syspro " + type + " ref, got " + ref);
    }
    List<String> p = List.of(ref.id().split("\\|", -1));
    if (p.size() != parts || p.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException(
          "a syspro "
              + type
              + " id has "
              + parts
              + " parts separated by '|', got '"
              + ref.id()
              + "'");
    }
    return p;
  }

  /**
   * The reference stamped on a posting for {@code source}: its id when it fits SYSPRO's 30
   * characters (a Stripe charge id does, so people find the payment by it), else {@code ML} and 28
   * characters of a hash of the whole ref.
   *
   * @param source the source record
   * @return the stamp, at most {@value #MAX_REFERENCE} characters
   */
  public static String stamp(ExternalRef source) {
    Objects.requireNonNull(source, "source");
    String id = source.id();
    if (id.length() <= MAX_REFERENCE
        && id.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '<' && c != '&')) {
      return id;
    }
    return "ML" + Hashes.base32(source.system() + ":" + source.type() + ":" + id, 28);
  }

  /**
   * {@code stamp} with a suffix, still at most 30 characters (for reversals).
   *
   * @param source the source record
   * @param suffix the suffix, shorter than 28 characters
   * @return the stamp ending in {@code suffix}
   */
  public static String stamp(ExternalRef source, String suffix) {
    String base = stamp(source);
    if (base.length() + suffix.length() <= MAX_REFERENCE) {
      return base + suffix;
    }
    return "ML" + Hashes.base32(source.key() + suffix, 28 - suffix.length()) + suffix;
  }

  private static String join(String... parts) {
    for (String p : parts) {
      if (p == null || p.isEmpty() || p.indexOf('|') >= 0) {
        throw new IllegalArgumentException(
            "id part must be non-empty and free of '|', was '" + p + "'");
      }
    }
    return String.join("|", parts);
  }
}
