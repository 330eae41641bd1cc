package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExternalRef;
import java.util.Objects;

/**
 * A record a {@link PollSource} read but cannot turn into its canonical record: a currency the
 * company does not know, a field the record type needs left empty, a value of the wrong form. The
 * source returns it beside the page's records ({@link SourcePage#unreadable()}) instead of failing
 * the whole read; the engine parks it as a dead letter with its reason, audits it, and goes on with
 * the rest of the page, and the checkpoint moves past it like past any record.
 *
 * <p>Once a person has fixed the cause (the currency added to the company, the record corrected), a
 * replay of the dead letter reads the record again through {@link PollSource#fetch}; a source whose
 * record is still unreadable then throws {@link io.mlconnector.core.mapping.MappingRefusedException}
 * and the record is parked again with the new reason. A later change of the record is read by the
 * next poll as usual, and its successful write clears the dead letter.
 *
 * @param ref the record in the source system, as the flow's identity would name it
 * @param reason why it cannot be read, naming the field or value at fault; never a secret
 */
public record UnreadableRecord(ExternalRef ref, String reason) {

  /**
   * Checks both are set.
   *
   * @param ref the record in the source system, as the flow's identity would name it
   * @param reason why it cannot be read, naming the field or value at fault; never a secret
   */
  public UnreadableRecord {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
  }
}
