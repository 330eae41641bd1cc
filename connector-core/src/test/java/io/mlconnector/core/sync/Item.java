package io.mlconnector.core.sync;

import io.mlconnector.core.model.CanonicalRecord;
import io.mlconnector.core.model.ExternalRef;

/** A source record of the tests: a canonical record with a modified stamp and a payload. */
record Item(ExternalRef ref, long modified, String payload, ExternalRef dependsOn)
    implements CanonicalRecord {

  static Item of(String tenant, String id, long modified, String payload) {
    return new Item(ExternalRef.of("erp", tenant, "invoice", id), modified, payload, null);
  }

  Item withChange(long newModified, String newPayload) {
    return new Item(ref, newModified, newPayload, dependsOn);
  }

  @Override
  public String version() {
    return Long.toString(modified);
  }
}
