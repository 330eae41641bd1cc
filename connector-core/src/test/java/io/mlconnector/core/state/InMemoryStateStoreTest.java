package io.mlconnector.core.state;

/** Runs the state store contract against {@link InMemoryStateStore}. */
class InMemoryStateStoreTest extends StateStoreContract {
  @Override
  protected StateStore newStore(TestClock clock) {
    return new InMemoryStateStore(clock);
  }
}
