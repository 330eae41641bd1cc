package io.mlconnector.testkit.syspro;

/**
 * How the e.net REST service frames every answer body. The reference records all three on real
 * installations; a robust client accepts each, so tests should run a client against all of them.
 */
public enum BodyForm {
  /**
   * SYSPRO 7 style: the text as-is, Windows-1252 bytes, {@code Content-Type:
   * application/octet-stream} (confirmed from recorded traffic).
   */
  RAW,
  /**
   * A JSON string literal ({@code "3EA6..."}), UTF-8, {@code application/json} (observed on one
   * SYSPRO 8 install).
   */
  JSON_STRING,
  /**
   * A WCF-serialised string: {@code <string
   * xmlns="http://schemas.microsoft.com/2003/10/Serialization/">...</string>} with the text
   * XML-escaped, UTF-8 (unconfirmed; seen handled by one adapter).
   */
  WCF_STRING
}
