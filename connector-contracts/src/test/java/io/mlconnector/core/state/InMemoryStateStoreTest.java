package io.mlconnector.core.state;

import io.mlconnector.contracts.StateStoreContract;

import io.mlconnector.contracts.ManualClock;

/** Runs the state store contract against {@link InMemoryStateStore}. */
class InMemoryStateStoreTest extends StateStoreContract {
  @Override
  protected StateStore newStore(ManualClock clock) {
    return new InMemoryStateStore(clock);
  }
}
