package io.mlconnector.sapb1;

import io.mlconnector.core.model.ExternalRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;

/**
 * The refs of SAP Business One records and the stamps written on them.
 *
 * <p>A ref's id is the Service Layer key: {@code CardCode} for a customer, {@code DocEntry} for an
 * A/R invoice or an incoming payment.
 *
 * <p>A stamp names the source record a write came from: {@code mlc:<system>:<type>:<id>} ({@code
 * mlc:stripe:payment_intent:pi_3N...}), readable by a person looking at the payment in the B1
 * client; when that is longer than the field takes or holds a quote, {@code mlc#} and 26
 * characters of the SHA-256 of the ref in base 32 (30 characters in all).
 */
public final class SapB1Refs {
  /** The system name. */
  public static final String SYSTEM = SapB1Client.SYSTEM;

  /** The record type of business partners that are customers. */
  public static final String CUSTOMER = "customer";

  /** The record type of A/R invoices. */
  public static final String AR_INVOICE = "ar-invoice";

  /** The record type of incoming payments. */
  public static final String INCOMING_PAYMENT = "incoming-payment";

  /**
   * The record type of the cancellation of an incoming payment (a refund or dispute that took all
   * that was left of it); its id is the cancelled payment's DocEntry.
   */
  public static final String PAYMENT_CANCELLATION = "incoming-payment-cancellation";

  /** The longest stamp written by default ({@code Remarks} and user-defined fields take 254 characters). */
  public static final int MAX_STAMP = 254;

  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private SapB1Refs() {}

  /**
   * The ref of a customer.
   *
   * @param tenant the tenant
   * @param cardCode the business partner's {@code CardCode}
   * @return the ref
   */
  public static ExternalRef customer(String tenant, String cardCode) {
    return ExternalRef.of(SYSTEM, tenant, CUSTOMER, cardCode);
  }

  /**
   * The ref of an A/R invoice.
   *
   * @param tenant the tenant
   * @param docEntry the invoice's {@code DocEntry}
   * @return the ref
   */
  public static ExternalRef invoice(String tenant, long docEntry) {
    return ExternalRef.of(SYSTEM, tenant, AR_INVOICE, String.valueOf(docEntry));
  }

  /**
   * The ref of an incoming payment.
   *
   * @param tenant the tenant
   * @param docEntry the payment's {@code DocEntry}
   * @return the ref
   */
  public static ExternalRef incomingPayment(String tenant, long docEntry) {
    return ExternalRef.of(SYSTEM, tenant, INCOMING_PAYMENT, String.valueOf(docEntry));
  }

  /**
   * The DocEntry of an A/R invoice or payment ref, or a clear error.
   *
   * @param ref the ref
   * @param type the type it must have, e.g. {@link #AR_INVOICE}
   * @return the {@code DocEntry}
   * @throws IllegalArgumentException if the ref is of another system or type, or its id is not a
   *     number
   */
  public static long docEntry(ExternalRef ref, String type) {
    Objects.requireNonNull(ref, "ref");
    if (!SYSTEM.equals(ref.system()) || !type.equals(ref.type())) {
      throw new IllegalArgumentException("expected a " + SYSTEM + " " + type + " ref, got " + ref);
    }
    try {
      return Long.parseLong(ref.id());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the id of " + ref + " is not a DocEntry");
    }
  }

  /**
   * The stamp of {@code source}, at most {@value #MAX_STAMP} characters.
   *
   * @param source the ref of the record the write comes from
   * @return the readable stamp ({@code mlc:system:type:id}), or a hashed one when that is too long
   *     or holds a quote
   */
  public static String stamp(ExternalRef source) {
    return stamp(source, "", MAX_STAMP);
  }

  /**
   * The stamp of {@code source} with a suffix ({@code -W} for a won dispute's re-posting), at most
   * {@code maxLength} characters (at least 30).
   *
   * @param source the ref of the record the write comes from
   * @param suffix appended to the stamp; empty for none
   * @param maxLength the field's length, at least 30
   * @return the stamp
   * @throws IllegalArgumentException if {@code maxLength} is below 30
   */
  public static String stamp(ExternalRef source, String suffix, int maxLength) {
    Objects.requireNonNull(source, "source");
    if (maxLength < 30) {
      throw new IllegalArgumentException("a stamp needs at least 30 characters, the field takes " + maxLength);
    }
    String readable = "mlc:" + source.system() + ":" + source.type() + ":" + source.id() + suffix;
    if (readable.length() <= maxLength && readable.indexOf('\'') < 0) {
      return readable;
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest((source.key() + suffix).getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder("mlc#");
      int bits = 0;
      int value = 0;
      for (byte b : h) {
        value = (value << 8) | (b & 0xff);
        bits += 8;
        while (bits >= 5 && sb.length() < 30) {
          sb.append(BASE32[(value >> (bits - 5)) & 31]);
          bits -= 5;
        }
      }
      return sb.toString().toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
