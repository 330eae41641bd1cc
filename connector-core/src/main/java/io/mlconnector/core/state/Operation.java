package io.mlconnector.core.state;

import io.mlconnector.core.model.ExternalRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the operation log.
 *
 * @param key the operation key
 * @param tenant the tenant
 * @param flow the flow
 * @param source the source record
 * @param sourceVersion the source version the intent was made for
 * @param action what the write does
 * @param status where it stands
 * @param attempts how many times it was begun (1 on the first claim)
 * @param target the target record once DONE, else null
 * @param lastError the last failure's message, or null; never a secret
 * @param createdAt when it was first begun
 * @param updatedAt when it last changed
 */
public record Operation(
    String key,
    String tenant,
    String flow,
    ExternalRef source,
    String sourceVersion,
    String action,
    OperationStatus status,
    int attempts,
    @Nullable ExternalRef target,
    @Nullable String lastError,
    Instant createdAt,
    Instant updatedAt) {}
