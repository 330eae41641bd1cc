package io.mlconnector.core.sync;

/**
 * Identifies one run of a flow for one tenant.
 *
 * @param tenant the tenant
 * @param flow the flow name
 * @param runId unique id of the run (also in the MDC as {@code run} and in audit rows)
 * @param node the engine node running it
 */
public record RunInfo(String tenant, String flow, String runId, String node) {}
