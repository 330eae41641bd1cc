package io.mlconnector.spring.boot.internal;

import io.mlconnector.core.credential.KeyProvider;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;

/**
 * {@link KeyProvider#fromEnvironment(Function)} read on first use, not at start-up: an application
 * whose integrations use no stored secret does not need {@code MLC_KEY_CURRENT}; one that does gets
 * the provider's own error (naming the variable) when the first secret is stored or read.
 */
public final class EnvironmentKeys implements KeyProvider {
  private final Function<String, String> environment;
  private volatile @Nullable KeyProvider delegate;

  /** Keys read through {@code environment} (Spring's {@code Environment::getProperty}). */
  public EnvironmentKeys(Function<String, String> environment) {
    this.environment = environment;
  }

  private KeyProvider delegate() {
    KeyProvider d = delegate;
    if (d == null) {
      synchronized (this) {
        if (delegate == null) {
          delegate = KeyProvider.fromEnvironment(environment);
        }
        d = delegate;
      }
    }
    return d;
  }

  @Override
  public String currentKeyId() {
    return delegate().currentKeyId();
  }

  @Override
  public Optional<SecretKey> key(String keyId) {
    return delegate().key(keyId);
  }

  @Override
  public String toString() {
    return "EnvironmentKeys{MLC_KEY_CURRENT, MLC_KEY_<ID>}";
  }
}
