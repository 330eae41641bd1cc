package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.Wire;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A GL {@code Account} (chart of accounts, GL202500). Key {@code AccountCD}.
 *
 * <p>A field is null when the record does not carry it: a PUT sends only the fields set, and a
 * read returns only the fields the endpoint serves and the query selects.
 *
 * @param id the entity id, or null
 * @param accountCd {@code AccountCD}
 * @param description {@code Description}
 * @param type {@code Type} (values unconfirmed: {@code Asset}, {@code Liability}, ...)
 * @param active {@code Active}
 * @param cashAccount {@code CashAccount}
 * @param currencyId {@code CurrencyID}, or null
 * @param lastModified {@code LastModifiedDateTime}
 */
public record AcumaticaAccount(
    @Nullable String id,
    @Nullable String accountCd,
    @Nullable String description,
    @Nullable String type,
    @Nullable Boolean active,
    @Nullable Boolean cashAccount,
    @Nullable String currencyId,
    @Nullable OffsetDateTime lastModified) {

  Map<String, Object> toWire() {
    Map<String, Object> m = Wire.object();
    if (id != null) {
      m.put("id", id);
    }
    Wire.put(m, "AccountCD", accountCd);
    Wire.put(m, "Description", description);
    Wire.put(m, "Type", type);
    Wire.put(m, "Active", active);
    Wire.put(m, "CashAccount", cashAccount);
    Wire.put(m, "CurrencyID", currencyId);
    return m;
  }

  static AcumaticaAccount fromWire(Map<String, Object> m, ZoneId zone) {
    return new AcumaticaAccount(
        Wire.system(m, "id"),
        Wire.text(m, "AccountCD"),
        Wire.text(m, "Description"),
        Wire.text(m, "Type"),
        Wire.bool(m, "Active"),
        Wire.bool(m, "CashAccount"),
        Wire.text(m, "CurrencyID"),
        Wire.dateTime(m, "LastModifiedDateTime", zone));
  }
}
