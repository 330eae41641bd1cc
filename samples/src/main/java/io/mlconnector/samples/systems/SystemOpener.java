package io.mlconnector.samples.systems;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.samples.SampleConfig;

/**
 * Opens one system for the sample's tenant from its settings and the secrets in the credential
 * store.
 *
 * @param <T> what is opened
 */
@FunctionalInterface
public interface SystemOpener<T> {

  /**
   * Opens the system.
   *
   * @throws IllegalArgumentException naming the setting when one is missing or wrong
   */
  T open(SampleConfig config, CredentialStore credentials, HttpTransport transport);
}
