package io.mlconnector.integrations.internal.payables;

import io.mlconnector.core.mapping.MappingContext;
import io.mlconnector.core.model.ExternalRef;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Resolves an AP system's vendor and GL account refs to the ledger's: an ID mapping either way (the
 * record was imported from the ledger, or created in it from the AP system), then the tenant's
 * reference table, then (vendors only, when allowed) the same code.
 */
public final class LedgerRefs {
  /** Reference table: AP-system GL code (or {@code code|costCentre}) to ledger GL code. */
  public static final String GL_TABLE = "gl-accounts";
  /** Reference table: AP-system vendor code to ledger vendor code. */
  public static final String VENDOR_TABLE = "vendors";
  /** Reference table of fixed accounts: {@code ap-control}, {@code ap-tax} (GL-only posting). */
  public static final String ACCOUNTS_TABLE = "accounts";

  private final String ledgerSystem;
  private final String vendorType;
  private final String glType;
  private final boolean sameVendorCodes;
  private final boolean deferMissing;

  /** Resolution into {@code ledgerSystem}. */
  public LedgerRefs(String ledgerSystem, String vendorType, String glType, boolean sameVendorCodes, boolean deferMissing) {
    this.ledgerSystem = ledgerSystem;
    this.vendorType = vendorType;
    this.glType = glType;
    this.sameVendorCodes = sameVendorCodes;
    this.deferMissing = deferMissing;
  }

  /** The ledger's vendor for an AP-system vendor ref. */
  public ExternalRef vendor(ExternalRef apVendor, MappingContext ctx) {
    Optional<ExternalRef> r = ctx.resolve(apVendor, ledgerSystem).or(() -> ctx.sourceOf(apVendor, ledgerSystem));
    if (r.isPresent()) {
      return r.get();
    }
    Optional<String> code = ctx.reference(VENDOR_TABLE, apVendor.id());
    if (code.isPresent()) {
      return ExternalRef.of(ledgerSystem, ctx.tenant(), vendorType, code.get());
    }
    if (sameVendorCodes) {
      return ExternalRef.of(ledgerSystem, ctx.tenant(), vendorType, apVendor.id());
    }
    throw missing(ctx, apVendor, "vendor '" + apVendor.id() + "' has no " + ledgerSystem + " vendor (no mapping, no entry in reference table '" + VENDOR_TABLE + "')");
  }

  /** The ledger's GL account for an AP-system GL ref and optional cost centre code. */
  public ExternalRef glAccount(ExternalRef apGl, @Nullable String costCenter, MappingContext ctx) {
    if (costCenter != null) {
      Optional<String> combined = ctx.reference(GL_TABLE, apGl.id() + "|" + costCenter);
      if (combined.isPresent()) {
        return ExternalRef.of(ledgerSystem, ctx.tenant(), glType, combined.get());
      }
    }
    Optional<String> code = ctx.reference(GL_TABLE, apGl.id());
    if (code.isPresent()) {
      return ExternalRef.of(ledgerSystem, ctx.tenant(), glType, code.get());
    }
    Optional<ExternalRef> imported = ctx.sourceOf(apGl, ledgerSystem);
    if (imported.isPresent()) {
      return imported.get();
    }
    throw missing(ctx, apGl, "GL account '" + apGl.id() + "'" + (costCenter == null ? "" : " (cost centre '" + costCenter + "')")
        + " has no " + ledgerSystem + " account: not imported from " + ledgerSystem + " and no entry in reference table '"
        + GL_TABLE + "'");
  }

  /** A fixed account from the {@value #ACCOUNTS_TABLE} table, refusing the record when it is missing. */
  public ExternalRef account(String key, MappingContext ctx) {
    return ExternalRef.of(ledgerSystem, ctx.tenant(), glType, ctx.requireReference(ACCOUNTS_TABLE, key));
  }

  private RuntimeException missing(MappingContext ctx, ExternalRef dependency, String reason) {
    return deferMissing ? ctx.defer(dependency, reason) : ctx.refuse(reason);
  }
}
