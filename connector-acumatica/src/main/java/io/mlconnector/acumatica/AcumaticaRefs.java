package io.mlconnector.acumatica;

import io.mlconnector.core.model.ExternalRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;

/**
 * The refs of Acumatica records and the stamp this SDK puts on what it writes.
 *
 * <table>
 *   <caption>ref types and ids</caption>
 *   <tr><th>type</th><th>id</th></tr>
 *   <tr><td>{@value #CUSTOMER}</td><td>{@code CustomerID}</td></tr>
 *   <tr><td>{@value #AR_INVOICE}</td><td>{@code CustomerID|Type|ReferenceNbr}</td></tr>
 *   <tr><td>{@value #AR_PAYMENT}</td><td>{@code Type|ReferenceNbr}</td></tr>
 *   <tr><td>{@value #GL_BATCH}</td><td>{@code Module|BatchNbr}</td></tr>
 * </table>
 *
 * <p><b>The stamp.</b> Acumatica takes no idempotency key, so every write carries a stamp derived
 * from the source record's ref, and find-by-stamp searches it with {@code $filter}: {@code
 * mlc:} followed by 26 base-32 characters of the SHA-256 of the source ref (30 characters, fits
 * any reference field, says nothing about the source). Payments carry it in {@code ExternalRef}, a
 * top-level text field meant for references from outside systems and filterable; GL batches have
 * no such field, so it opens their {@code Description} in brackets and is found with {@code
 * startswith}. The operation key and the readable source ref go into the record's {@code note}.
 */
public final class AcumaticaRefs {
  /** The system name. */
  public static final String SYSTEM = "acumatica";
  /** Customer refs. */
  public static final String CUSTOMER = "customer";
  /** AR invoice refs (SalesInvoice or Invoice). */
  public static final String AR_INVOICE = "ar-invoice";
  /** AR payment refs. */
  public static final String AR_PAYMENT = "ar-payment";
  /** GL batch (JournalTransaction) refs. */
  public static final String GL_BATCH = "gl-batch";

  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private AcumaticaRefs() {}

  /**
   * The ref of customer {@code customerId}.
   *
   * @param tenant the tenant
   * @param customerId Acumatica's {@code CustomerID}
   * @return the ref
   */
  public static ExternalRef customer(String tenant, String customerId) {
    return ExternalRef.of(SYSTEM, tenant, CUSTOMER, customerId);
  }

  /**
   * The ref of AR invoice {@code type}/{@code referenceNbr} of {@code customerId}.
   *
   * @param tenant the tenant
   * @param customerId the invoice's {@code CustomerID}
   * @param type the document type, e.g. {@code Invoice}
   * @param referenceNbr the invoice's {@code ReferenceNbr}
   * @return the ref
   */
  public static ExternalRef invoice(String tenant, String customerId, String type, String referenceNbr) {
    return ExternalRef.of(SYSTEM, tenant, AR_INVOICE, customerId + "|" + type + "|" + referenceNbr);
  }

  /**
   * The parts of an AR invoice ref: customer, type, reference number.
   *
   * @param ref an AR invoice ref made by {@link #invoice}
   * @return customer id, type and reference number, in that order
   * @throws IllegalArgumentException if {@code ref} is not an Acumatica AR invoice ref
   */
  public static String[] invoiceParts(ExternalRef ref) {
    if (!SYSTEM.equals(ref.system()) || !AR_INVOICE.equals(ref.type())) {
      throw new IllegalArgumentException("not an Acumatica AR invoice ref: " + ref);
    }
    String id = ref.id();
    int last = id.lastIndexOf('|');
    int middle = last < 0 ? -1 : id.lastIndexOf('|', last - 1);
    if (middle < 1) {
      throw new IllegalArgumentException("AR invoice ref id must be CustomerID|Type|ReferenceNbr, was " + id);
    }
    return new String[] {id.substring(0, middle), id.substring(middle + 1, last), id.substring(last + 1)};
  }

  /**
   * The ref of a payment.
   *
   * @param tenant the tenant
   * @param type the payment type, e.g. {@code Payment}
   * @param referenceNbr the payment's {@code ReferenceNbr}
   * @return the ref
   */
  public static ExternalRef payment(String tenant, String type, String referenceNbr) {
    return ExternalRef.of(SYSTEM, tenant, AR_PAYMENT, type + "|" + referenceNbr);
  }

  /**
   * The ref of a GL batch.
   *
   * @param tenant the tenant
   * @param module the GL module, e.g. {@code GL}
   * @param batchNbr the batch's {@code BatchNbr}
   * @return the ref
   */
  public static ExternalRef batch(String tenant, String module, String batchNbr) {
    return ExternalRef.of(SYSTEM, tenant, GL_BATCH, module + "|" + batchNbr);
  }

  /**
   * The stamp of {@code source}: {@code mlc:} and 26 base-32 characters of its SHA-256.
   *
   * @param source the ref of the record the write comes from
   * @return the stamp, 30 characters in lower case
   */
  public static String stamp(ExternalRef source) {
    Objects.requireNonNull(source, "source");
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(source.key().getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder sb = new StringBuilder("mlc:");
    int buffer = 0;
    int bits = 0;
    for (byte b : digest) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5 && sb.length() < 30) {
        sb.append(BASE32[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
