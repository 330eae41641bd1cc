package io.mlconnector.stampli;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.stampli.internal.Values;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ExternalRef}s of Stampli records (system {@code stampli}). Stampli has no API ids we
 * can rely on, so refs are natural keys: an invoice is {@code company|vendor|normalised
 * number|I or C}, so the same invoice read from two files has the same ref.
 */
public final class StampliRefs {
  /** Invoice (natural key). */
  public static final String INVOICE = "invoice";
  /** Vendor (ERP vendor code). */
  public static final String VENDOR = "vendor";
  /** GL account (code as Stampli holds it). */
  public static final String GL_ACCOUNT = "gl-account";
  /** Cost centre (code). */
  public static final String COST_CENTER = "cost-center";
  /** Payment (payment id). */
  public static final String PAYMENT = "payment";

  private StampliRefs() {}

  /**
   * An invoice's natural key: company, vendor code, normalised invoice number (NFKC, trimmed,
   * whitespace collapsed, case-folded; leading zeros kept) and {@code I} or {@code C}.
   *
   * @param company the company id, or null for a single-company tenant
   * @param vendorCode the ERP vendor code
   * @param number the invoice number as printed
   * @param type {@code I} for an invoice, {@code C} for a credit memo
   * @return the key, parts separated by {@code |}
   */
  public static String naturalKey(@Nullable String company, String vendorCode, String number, String type) {
    return Objects.toString(company, "") + "|" + vendorCode + "|" + Values.normalizeNumber(number) + "|" + type;
  }

  /**
   * A vendor ref.
   *
   * @param tenant the tenant
   * @param code the ERP vendor code
   * @return the ref
   */
  public static ExternalRef vendor(String tenant, String code) {
    return ExternalRef.of(StampliConfig.SYSTEM, tenant, VENDOR, code);
  }

  /**
   * A GL account ref.
   *
   * @param tenant the tenant
   * @param code the account code as Stampli holds it
   * @return the ref
   */
  public static ExternalRef glAccount(String tenant, String code) {
    return ExternalRef.of(StampliConfig.SYSTEM, tenant, GL_ACCOUNT, code);
  }

  /**
   * A cost centre ref.
   *
   * @param tenant the tenant
   * @param code the cost centre code
   * @return the ref
   */
  public static ExternalRef costCenter(String tenant, String code) {
    return ExternalRef.of(StampliConfig.SYSTEM, tenant, COST_CENTER, code);
  }

  /**
   * An invoice ref from its natural key.
   *
   * @param tenant the tenant
   * @param naturalKey the key from {@link #naturalKey}
   * @return the ref
   */
  public static ExternalRef invoice(String tenant, String naturalKey) {
    return ExternalRef.of(StampliConfig.SYSTEM, tenant, INVOICE, naturalKey);
  }
}
