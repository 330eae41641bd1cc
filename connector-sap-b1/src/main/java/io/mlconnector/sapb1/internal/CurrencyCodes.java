package io.mlconnector.sapb1.internal;

import io.mlconnector.sapb1.B1Currency;
import io.mlconnector.sapb1.B1FormatException;
import io.mlconnector.sapb1.SapB1Client;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * B1 currency codes to ISO 4217 and back for one tenant: the configured overrides first, then the
 * company's {@code Currencies} ({@link B1Currency#iso()}), read once and kept. A code the company
 * does not know makes it read its currencies again (a currency added in B1 since), at most once per
 * {@link #RELOAD_AFTER_NANOS}. Thread-safe.
 */
public final class CurrencyCodes {
  /** The least time between two reads of the company's currencies caused by an unknown code. */
  static final long RELOAD_AFTER_NANOS = 60_000_000_000L;

  private final String tenant;
  private final Map<String, String> overrides;
  private volatile Supplier<java.util.List<B1Currency>> reader;
  private @Nullable Map<String, B1Currency> byCode;
  private long loadedAt;

  /**
   * Codes of {@code tenant}.
   *
   * @param overrides B1 code to ISO code, configured; they win over the company's currencies
   * @param client where the company's currencies are read, on first need
   */
  public CurrencyCodes(String tenant, Map<String, String> overrides, SapB1Client client) {
    this(tenant, overrides, client::currencies);
  }

  CurrencyCodes(String tenant, Map<String, String> overrides, Supplier<java.util.List<B1Currency>> reader) {
    this.tenant = tenant;
    this.overrides = Map.copyOf(overrides);
    this.reader = reader;
  }

  /** Reads the company's currencies through {@code client} from now on (a tenant's newer client); keeps what was read. */
  public CurrencyCodes readFrom(SapB1Client client) {
    this.reader = client::currencies;
    return this;
  }

  /**
   * The ISO currency of the B1 code {@code b1Code}.
   *
   * @throws B1FormatException naming the code when the company has no such currency or records no
   *     ISO code for it (and no override maps it)
   */
  public Currency iso(@Nullable String b1Code) {
    if (b1Code == null) {
      throw new B1FormatException("a document or business partner of tenant " + tenant + " has no currency code");
    }
    String override = overrides.get(b1Code);
    if (override != null) {
      return Currency.getInstance(override);
    }
    B1Currency c = lookup(b1Code);
    if (c == null) {
      throw new B1FormatException("currency '" + b1Code + "' is not among the Currencies of the SAP B1 company of"
          + " tenant " + tenant + "; add it in B1 or map it with SapB1Ledger.Options.currency");
    }
    return c.iso().orElseThrow(() -> new B1FormatException("currency '" + b1Code + "' of tenant " + tenant
        + " has no ISO 4217 code in B1 (InternationalDescription " + quoted(c.internationalDescription())
        + ", DocumentsCode " + quoted(c.documentsCode()) + "); set one in B1 or map it with"
        + " SapB1Ledger.Options.currency"));
  }

  /**
   * The B1 code of the ISO currency {@code iso}: an override's code, else the company's currency
   * that stands for it (its own code first when several do), else empty.
   */
  public Optional<String> b1Code(Currency iso) {
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      if (e.getValue().equals(iso.getCurrencyCode())) {
        return Optional.of(e.getKey());
      }
    }
    Optional<String> found = find(currencies(false), iso);
    if (found.isEmpty()) {
      found = find(currencies(true), iso);
    }
    return found;
  }

  private Optional<String> find(Map<String, B1Currency> all, Currency iso) {
    B1Currency same = all.get(iso.getCurrencyCode());
    if (same != null && same.iso().map(iso::equals).orElse(false) && !overrides.containsKey(same.code())) {
      return Optional.of(same.code());
    }
    for (B1Currency c : all.values()) {
      if (!overrides.containsKey(c.code()) && c.iso().map(iso::equals).orElse(false)) {
        return Optional.of(c.code());
      }
    }
    return Optional.empty();
  }

  private @Nullable B1Currency lookup(String b1Code) {
    B1Currency c = currencies(false).get(b1Code);
    return c != null ? c : currencies(true).get(b1Code);
  }

  private synchronized Map<String, B1Currency> currencies(boolean missed) {
    long now = System.nanoTime();
    if (byCode == null || (missed && now - loadedAt >= RELOAD_AFTER_NANOS)) {
      Map<String, B1Currency> m = new LinkedHashMap<>();
      for (B1Currency c : reader.get()) {
        m.put(c.code(), c);
      }
      byCode = java.util.Collections.unmodifiableMap(m);
      loadedAt = now;
    }
    return byCode;
  }

  private static String quoted(@Nullable String s) {
    return s == null ? "empty" : "'" + s + "'";
  }
}
