package io.mlconnector.core.sync;

/**
 * One field on which a source record (as mapped now) and its target disagree.
 *
 * @param field the field, in the target record's terms
 * @param expected the value the mapping of the source gives
 * @param actual the value the target holds
 */
public record Discrepancy(String field, String expected, String actual) {}
