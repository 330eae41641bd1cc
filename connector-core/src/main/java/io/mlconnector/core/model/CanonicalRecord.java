package io.mlconnector.core.model;

/**
 * What every canonical record has: where it lives and which version of it this is.
 *
 * <p>The version is whatever the source system offers to tell two states of a record apart: a
 * modified timestamp, a row version, or a content hash when the system has neither. The engine's
 * operation key includes it, so a new version is a new write and a replayed one is skipped.
 */
public interface CanonicalRecord {

  /** {@return where the record lives} */
  ExternalRef ref();

  /** {@return the version of the record this value holds; never null} */
  String version();
}
