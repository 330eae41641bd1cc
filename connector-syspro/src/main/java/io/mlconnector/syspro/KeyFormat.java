package io.mlconnector.syspro;

import java.util.Locale;

/**
 * How a SYSPRO company writes a key (customer or supplier code). Whether keys are numeric or
 * alphanumeric is a company setting; numeric keys are stored left-zero-padded (to 15 digits in the
 * installations observed, which is why the width is configurable: the exact rule per key type is
 * unconfirmed). A key is never shortened and zeros are never stripped: send codes exactly as SYSPRO
 * returns them.
 *
 * <pre>{@code
 * KeyFormat.numeric(15).normalize("42");        // "000000000000042"
 * KeyFormat.alphanumeric(15).normalize("bay001"); // "BAY001" (upper-cased by default)
 * }</pre>
 */
public final class KeyFormat {

  /** The longest key SYSPRO 7/8 stores ({@code varchar(15)}). */
  public static final int MAX_LENGTH = 15;

  private final boolean numeric;
  private final int width;
  private final boolean upperCase;

  private KeyFormat(boolean numeric, int width, boolean upperCase) {
    this.numeric = numeric;
    this.width = width;
    this.upperCase = upperCase;
  }

  /**
   * Numeric keys: digits only, left-zero-padded to {@code width} (1 to 15).
   *
   * @param width the padded width, in digits
   * @return the format
   * @throws IllegalArgumentException when {@code width} is out of range
   */
  public static KeyFormat numeric(int width) {
    checkWidth(width);
    return new KeyFormat(true, width, false);
  }

  /**
   * Alphanumeric keys of at most {@code maxLength} (1 to 15) characters, upper-cased as SYSPRO's
   * own screens enter them.
   *
   * @param maxLength the most characters a key may have
   * @return the format
   * @throws IllegalArgumentException when {@code maxLength} is out of range
   */
  public static KeyFormat alphanumeric(int maxLength) {
    checkWidth(maxLength);
    return new KeyFormat(false, maxLength, true);
  }

  /**
   * The same format, but keeping the case of alphanumeric keys as given.
   *
   * @return a new format; this one is unchanged
   */
  public KeyFormat preservingCase() {
    return new KeyFormat(numeric, width, false);
  }

  /**
   * Whether keys are numeric.
   *
   * @return true for {@link #numeric(int)}, false for {@link #alphanumeric(int)}
   */
  public boolean isNumeric() {
    return numeric;
  }

  /**
   * The padded width (numeric) or maximum length (alphanumeric).
   *
   * @return the width, 1 to 15
   */
  public int width() {
    return width;
  }

  /**
   * The key as SYSPRO stores it.
   *
   * @param kind what the key is, for the message ("customer code")
   * @param key the key as given
   * @throws IllegalArgumentException naming {@code kind} and the reason when the key is blank, too
   *     long, not numeric (numeric format), or contains characters SYSPRO keys cannot hold
   * @return the key, zero-padded (numeric) or upper-cased (alphanumeric, unless case is kept)
   */
  public String normalize(String kind, String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(kind + " must not be blank");
    }
    if (!key.equals(key.strip())) {
      throw new IllegalArgumentException(kind + " '" + key + "' has leading or trailing spaces");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == '"' || c > 0x7e) {
        throw new IllegalArgumentException(
            kind
                + " '"
                + key
                + "' contains a character SYSPRO keys cannot hold at position "
                + (i + 1));
      }
    }
    if (numeric) {
      if (!key.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException(
            kind + " '" + key + "' must be digits only (numeric keys)");
      }
      if (key.length() > width) {
        throw new IllegalArgumentException(
            kind
                + " '"
                + key
                + "' has "
                + key.length()
                + " digits, more than the "
                + width
                + " allowed");
      }
      return "0".repeat(width - key.length()) + key;
    }
    if (key.length() > width) {
      throw new IllegalArgumentException(
          kind
              + " '"
              + key
              + "' has "
              + key.length()
              + " characters, more than the "
              + width
              + " allowed");
    }
    return upperCase ? key.toUpperCase(Locale.ROOT) : key;
  }

  /**
   * {@link #normalize(String, String)} for a customer code.
   *
   * @param code the customer code as given
   * @return the code as SYSPRO stores it
   * @throws IllegalArgumentException when the code is not a valid key of this format
   */
  public String customer(String code) {
    return normalize("customer code", code);
  }

  private static void checkWidth(int width) {
    if (width < 1 || width > MAX_LENGTH) {
      throw new IllegalArgumentException("width must be 1.." + MAX_LENGTH + ", was " + width);
    }
  }

  @Override
  public String toString() {
    return numeric
        ? "KeyFormat{numeric, width=" + width + '}'
        : "KeyFormat{alphanumeric, max=" + width + (upperCase ? ", upper-case" : "") + '}';
  }
}
