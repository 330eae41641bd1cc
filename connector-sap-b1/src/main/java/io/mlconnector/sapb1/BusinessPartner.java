package io.mlconnector.sapb1;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A business partner ({@code BusinessPartners('C20000')}) as the receivables side reads it.
 *
 * <p>A property the entity read lacks (a {@code $select} that left it out) is null here.
 *
 * @param cardCode the key
 * @param cardName the name
 * @param cardType {@code cCustomer}, {@code cSupplier} or {@code cLid}
 * @param email {@code EmailAddress}, or null
 * @param phone {@code Phone1}, or null
 * @param currency {@code Currency} ({@code ##} means all currencies), or null
 * @param federalTaxId {@code FederalTaxID}, or null
 * @param payTermsGrpCode {@code PayTermsGrpCode}, or null
 * @param valid whether {@code Valid} is {@code tYES}
 * @param frozen whether {@code Frozen} is {@code tYES}
 * @param balance {@code CurrentAccountBalance} in local currency, or null
 * @param street {@code Address} (bill-to street on the header), or null
 * @param zipCode {@code ZipCode}, or null
 * @param city {@code City}, or null
 * @param state {@code BillToState}, or null
 * @param country {@code Country}, or null
 * @param updateDate {@code UpdateDate}, or null
 * @param updateTime {@code UpdateTime}, or null
 * @param entity the whole entity, with {@code U_} fields and the ETag
 */
public record BusinessPartner(
    String cardCode,
    @Nullable String cardName,
    @Nullable String cardType,
    @Nullable String email,
    @Nullable String phone,
    @Nullable String currency,
    @Nullable String federalTaxId,
    @Nullable Long payTermsGrpCode,
    boolean valid,
    boolean frozen,
    @Nullable BigDecimal balance,
    @Nullable String street,
    @Nullable String zipCode,
    @Nullable String city,
    @Nullable String state,
    @Nullable String country,
    @Nullable LocalDate updateDate,
    @Nullable LocalTime updateTime,
    B1Entity entity) {

  /**
   * Reads a business partner.
   *
   * @param e a {@code BusinessPartners} entity
   * @return the business partner; valid unless {@code Valid} says otherwise
   * @throws B1FormatException if the entity has no {@code CardCode}
   */
  public static BusinessPartner of(B1Entity e) {
    Objects.requireNonNull(e, "e");
    String code = e.string("CardCode");
    if (code == null) {
      throw new B1FormatException("business partner without CardCode");
    }
    return new BusinessPartner(code, e.string("CardName"), e.string("CardType"), e.string("EmailAddress"),
        e.string("Phone1"), e.string("Currency"), e.string("FederalTaxID"), e.integer("PayTermsGrpCode"),
        !e.has("Valid") || e.string("Valid") == null || e.yes("Valid"), e.yes("Frozen"),
        e.decimal("CurrentAccountBalance"), e.string("Address"), e.string("ZipCode"), e.string("City"),
        e.string("BillToState"), e.string("Country"), e.date("UpdateDate"), e.time("UpdateTime"), e);
  }

  /**
   * Whether this is a customer ({@code cCustomer}).
   *
   * @return true for {@code cCustomer} (or {@code C})
   */
  public boolean isCustomer() {
    return "cCustomer".equals(cardType) || "C".equals(cardType);
  }
}
