package io.mlconnector.core.state;

/**
 * The answer to {@link io.mlconnector.core.state.spi.StateStoreSpi#begin}.
 *
 * @param won true when this caller holds the operation now (it inserted it, or moved it from FAILED
 *     back to PENDING)
 * @param operation the operation as it stands after the call
 */
public record Claim(boolean won, Operation operation) {}
