package io.mlconnector.core.state;

import io.mlconnector.contracts.StateStoreContract;

import io.mlconnector.testkit.SimClock;

/** Runs the state store contract against {@link InMemoryStateStore}. */
class InMemoryStateStoreTest extends StateStoreContract {
  @Override
  protected StateStore newStore(SimClock clock) {
    return new InMemoryStateStore(clock);
  }
}
