package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExternalRef;
import org.jspecify.annotations.Nullable;

/**
 * A write a dry run would have made.
 *
 * @param source the source record
 * @param sourceVersion its version
 * @param action {@code create} or {@code update}
 * @param target the target record to update, or null for a create
 * @param record the mapped record that would have been written
 */
public record PlannedWrite(
    ExternalRef source, String sourceVersion, String action, @Nullable ExternalRef target, Object record) {}
