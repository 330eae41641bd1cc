package io.mlconnector.syspro;

import io.mlconnector.core.model.Extensions;
import java.math.BigDecimal;

/** The {@link Extensions} keys the SYSPRO sources put on canonical records. */
public final class SysproExtensions {

  /** The SYSPRO branch of a customer, supplier or AR invoice. */
  public static final Extensions.Key<String> BRANCH =
      Extensions.Key.of("syspro.branch", String.class);

  /**
   * The currency code as SYSPRO holds it when it is not ISO 4217 (SYSPRO demo data uses {@code $});
   * the record's ISO currency is then null.
   */
  public static final Extensions.Key<String> CURRENCY_CODE =
      Extensions.Key.of("syspro.currency", String.class);

  /** The open balance ({@code InvoiceBal1}) of an AR invoice. */
  public static final Extensions.Key<BigDecimal> OPEN_BALANCE =
      Extensions.Key.of("syspro.invoiceBal1", BigDecimal.class);

  /** A customer's credit limit (whole units). */
  public static final Extensions.Key<BigDecimal> CREDIT_LIMIT =
      Extensions.Key.of("syspro.creditLimit", BigDecimal.class);

  /**
   * The GL account type letter ({@code A L C R E S}); {@code S} (statistical) has no canonical
   * type.
   */
  public static final Extensions.Key<String> ACCOUNT_TYPE =
      Extensions.Key.of("syspro.accountType", String.class);

  private SysproExtensions() {}
}
