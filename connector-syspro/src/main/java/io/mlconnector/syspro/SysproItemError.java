package io.mlconnector.syspro;

/**
 * One validation error a business object reported inside its output ({@code <field><Value/>
 * <ErrorNumber/><ErrorDescription/></field>}).
 *
 * @param field the element the error is attached to ({@code customer}, {@code InvoiceToPay})
 * @param value the value SYSPRO rejected, or empty
 * @param number SYSPRO's error number, or empty
 * @param description SYSPRO's message
 */
public record SysproItemError(String field, String value, String number, String description) {

  /**
   * Checks the fields are present (empty allowed).
   *
   * @param field the element the error is attached to; null is taken as empty
   * @param value the value SYSPRO rejected; null is taken as empty
   * @param number SYSPRO's error number; null is taken as empty
   * @param description SYSPRO's message; null is taken as empty
   */
  public SysproItemError {
    field = field == null ? "" : field;
    value = value == null ? "" : value;
    number = number == null ? "" : number;
    description = description == null ? "" : description;
  }

  @Override
  public String toString() {
    return field + (number.isEmpty() ? "" : " [" + number + "]") + ": " + description;
  }
}
