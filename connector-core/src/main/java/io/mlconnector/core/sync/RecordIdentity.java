package io.mlconnector.core.sync;

import io.mlconnector.core.model.CanonicalRecord;
import io.mlconnector.core.model.ExternalRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Function;

/**
 * Tells the engine where a source record lives and which version it is: the two inputs of the
 * operation key. {@link #canonical()} serves every {@link CanonicalRecord}.
 *
 * @param <S> the record type
 */
public interface RecordIdentity<S> {

  /**
   * Where the record lives; its tenant must be the flow's tenant.
   *
   * @param record a source record
   * @return its ref
   */
  ExternalRef ref(S record);

  /**
   * The record's version: modified time, row version or content hash; never null.
   *
   * @param record a source record
   * @return its version
   */
  String version(S record);

  /**
   * The identity of canonical records: their own ref and version.
   *
   * @param <S> the canonical record type
   * @return the identity
   */
  static <S extends CanonicalRecord> RecordIdentity<S> canonical() {
    return of(CanonicalRecord::ref, CanonicalRecord::version);
  }

  /**
   * An identity from two functions.
   *
   * @param <S> the record type
   * @param ref reads a record's ref
   * @param version reads a record's version
   * @return the identity
   */
  static <S> RecordIdentity<S> of(Function<S, ExternalRef> ref, Function<S, String> version) {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(version, "version");
    return new RecordIdentity<>() {
      @Override
      public ExternalRef ref(S record) {
        return ref.apply(record);
      }

      @Override
      public String version(S record) {
        return version.apply(record);
      }
    };
  }

  /**
   * An identity whose version is the SHA-256 of the record's content as {@code content} renders it
   * (for {@link ChangeDetection#FULL_SCAN} sources): the record is written again only when that
   * content changes.
   *
   * @param <S> the record type
   * @param ref reads a record's ref
   * @param content renders the content that makes the version; equal content must render equal text
   * @return the identity
   */
  static <S> RecordIdentity<S> contentHashed(
      Function<S, ExternalRef> ref, Function<S, String> content) {
    Objects.requireNonNull(content, "content");
    return of(ref, record -> sha256(content.apply(record)));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
