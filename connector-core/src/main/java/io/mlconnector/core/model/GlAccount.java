package io.mlconnector.core.model;

import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A general-ledger account in the chart of accounts, kept aligned between an ERP and an AP system.
 *
 * @param ref where the account lives
 * @param version the version of this state of the account
 * @param number the account number or code people use ({@code 4000}, {@code 10-1000-00})
 * @param name the account name
 * @param type the account's class, or {@code null} if the source does not say
 * @param active whether postings to it are allowed
 * @param currency the only currency it may hold, or null if any
 * @param extensions system-specific extras (company code, segments ...)
 */
public record GlAccount(
    ExternalRef ref,
    String version,
    String number,
    String name,
    Type type,
    boolean active,
    @Nullable Currency currency,
    Extensions extensions)
    implements CanonicalRecord {

  /** The class of a GL account. */
  public enum Type {
    /** Balance sheet: what is owned. */
    ASSET,
    /** Balance sheet: what is owed. */
    LIABILITY,
    /** Balance sheet: owners' equity. */
    EQUITY,
    /** Income statement: income. */
    REVENUE,
    /** Income statement: costs. */
    EXPENSE
  }

  /**
   * Validates the fields.
   *
   * @param ref where the account lives
   * @param version the version of this state of the account
   * @param number the account number or code people use ({@code 4000}, {@code 10-1000-00})
   * @param name the account name
   * @param type the account's class, or {@code null} if the source does not say
   * @param active whether postings to it are allowed
   * @param currency the only currency it may hold, or null if any
   * @param extensions system-specific extras (company code, segments ...)
   */
  public GlAccount {
    String what = Checks.identity(ref, version, "GlAccount");
    Checks.text(number, what + " number");
    Checks.text(name, what + " name");
    extensions = Checks.extensions(extensions);
  }

  /**
   * An active account with no currency restriction and no extensions.
   *
   * @param ref where the account lives
   * @param version the version of this state
   * @param number the account number (code)
   * @param name the account name
   * @param type the account type
   * @return the account
   */
  public static GlAccount of(
      ExternalRef ref, String version, String number, String name, Type type) {
    return new GlAccount(ref, version, number, name, type, true, null, null);
  }
}
