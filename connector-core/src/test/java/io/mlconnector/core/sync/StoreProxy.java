package io.mlconnector.core.sync;

import io.mlconnector.core.state.StateStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** Wraps a store so a test can fail or crash chosen calls. */
final class StoreProxy {
  private StoreProxy() {}

  @FunctionalInterface
  interface Hook {
    /** Called before each store call; throw to make the call fail. */
    void before(Method method, Object[] args);
  }

  static StateStore wrap(StateStore store, Hook hook) {
    return (StateStore)
        Proxy.newProxyInstance(
            StateStore.class.getClassLoader(),
            new Class<?>[] {io.mlconnector.core.state.spi.StateStoreSpi.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.invoke(store, args);
              }
              hook.before(method, args);
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
