package io.mlconnector.testkit.syspro;

import java.math.BigDecimal;

/**
 * One line of a GL journal.
 *
 * @param ledgerCode the GL account
 * @param amount the signed amount (debit positive, credit negative)
 * @param reference the line reference
 * @param comment the line comment
 */
public record GlJournalEntry(
    String ledgerCode, BigDecimal amount, String reference, String comment) {}
