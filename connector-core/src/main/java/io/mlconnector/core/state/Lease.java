package io.mlconnector.core.state;

import java.time.Instant;

/**
 * Who holds a (tenant, flow) lease, and until when.
 *
 * @param tenant the tenant
 * @param flow the flow
 * @param owner the holder (a node id)
 * @param expiresAt when the lease lapses unless renewed
 */
public record Lease(String tenant, String flow, String owner, Instant expiresAt) {}
