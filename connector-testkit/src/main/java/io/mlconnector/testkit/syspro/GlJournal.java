package io.mlconnector.testkit.syspro;

import java.time.LocalDate;
import java.util.List;

/**
 * A GL journal GENTJL created, for read-back.
 *
 * @param year the GL year
 * @param period the GL period
 * @param journal the journal number within that period
 * @param date the journal date
 * @param reference the journal reference
 * @param status {@code P} posted, {@code U} saved but not posted ({@code PostJournal=N})
 * @param entries the lines
 */
public record GlJournal(
    int year,
    int period,
    int journal,
    LocalDate date,
    String reference,
    String status,
    List<GlJournalEntry> entries) {

  /**
   * Copies the entries.
   *
   * @param year the GL year
   * @param period the GL period
   * @param journal the journal number within that period
   * @param date the journal date
   * @param reference the journal reference
   * @param status {@code P} posted, {@code U} saved but not posted
   * @param entries the lines (copied)
   */
  public GlJournal {
    entries = List.copyOf(entries);
  }
}
