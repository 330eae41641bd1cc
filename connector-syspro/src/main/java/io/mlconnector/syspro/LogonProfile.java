package io.mlconnector.syspro;

import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@code GetLogonProfile} says about the session: company, operator, local currency, company
 * date and versions. Every other element is available through {@link #document()}.
 *
 * @param companyName the company name
 * @param operatorCode the operator code
 * @param localCurrency the local currency code (SYSPRO codes are not always ISO: {@code $})
 * @param companyDate the company date, or null
 * @param sysproVersion the SYSPRO version text
 * @param enetVersion the e.net version text
 * @param document the whole profile
 */
public record LogonProfile(
    String companyName,
    String operatorCode,
    String localCurrency,
    @Nullable LocalDate companyDate,
    String sysproVersion,
    String enetVersion,
    SysproElement document) {

  /**
   * Reads a profile document.
   *
   * @param profile the root element of the {@code GetLogonProfile} answer
   * @return the profile; a missing text element reads as empty, a missing company date as null
   */
  public static LogonProfile of(SysproElement profile) {
    Optional<LocalDate> date = profile.date("CompanyDate");
    return new LogonProfile(
        profile.textOr("CompanyName", ""),
        profile.textOr("OperatorCode", ""),
        profile.textOr("LocalCurrencyCode", ""),
        date.orElse(null),
        profile.textOr("SysproVersion", ""),
        profile.textOr("EnetVersion", ""),
        profile);
  }
}
