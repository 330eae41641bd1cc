package io.mlconnector.spring.boot;

import io.mlconnector.core.credential.CredentialStorage;
import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.TransportListener;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.SyncListener;
import io.mlconnector.spring.boot.internal.EngineLifecycle;
import io.mlconnector.spring.boot.internal.EnvironmentKeys;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of ml-connector: the {@link StateStore} (on the application's {@link
 * DataSource} when it has exactly one, else embedded H2 under {@code mlc.data-dir}), the {@link
 * CredentialStore} (same place) encrypting with the {@link KeyProvider} (the application's bean, else
 * keys from the environment: {@code MLC_KEY_CURRENT} names the key id, {@code MLC_KEY_<ID>} holds the
 * base64 of a 32-byte key, read from any property source), one {@link HttpTransport}, the {@link
 * ConnectorRegistry}, the {@link MlcIntegrations} of {@code mlc.integrations.*} and the engines'
 * lifecycle. Webhook handlers, Actuator health and dead letters, and Micrometer metrics are added
 * when their libraries are on the class path. Every bean backs off when the application defines its
 * own of the same type; {@code mlc.enabled=false} turns all of it off.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@ConditionalOnProperty(prefix = "mlc", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(MlcProperties.class)
@Import({MlcWebConfiguration.class, MlcActuatorConfiguration.class, MlcMetricsConfiguration.class})
public class MlcAutoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(MlcAutoConfiguration.class);

  /**
   * Keys from the environment (any property source): {@code MLC_KEY_CURRENT}, {@code MLC_KEY_<ID>}.
   *
   * @param environment the application's environment
   * @return the key provider of the credential store
   */
  @Bean
  @ConditionalOnMissingBean
  public KeyProvider mlcKeyProvider(Environment environment) {
    return new EnvironmentKeys(environment::getProperty);
  }

  /**
   * The state store: on the application's DataSource, else embedded H2 under {@code mlc.data-dir/state}.
   *
   * @param properties the {@code mlc.*} properties
   * @param dataSource the application's DataSource, used when there is exactly one and {@code
   *     mlc.store.use-data-source} is true
   * @return the store, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public StateStore mlcStateStore(MlcProperties properties, ObjectProvider<DataSource> dataSource) {
    DataSource ds = properties.getStore().isUseDataSource() ? dataSource.getIfUnique() : null;
    if (ds != null) {
      JdbcStateStore store = JdbcStateStore.builder(ds).tablePrefix(properties.getStore().getTablePrefix()).build();
      log.info("state store on the application's DataSource ({})", store.databaseKind());
      return store;
    }
    return JdbcStateStore.embeddedH2(properties.getDataDir().resolve("state"))
        .tablePrefix(properties.getStore().getTablePrefix()).build();
  }

  /**
   * The credential store: on the application's DataSource, else files under {@code mlc.data-dir/credentials}.
   *
   * @param properties the {@code mlc.*} properties
   * @param keys the keys the credentials are encrypted with
   * @param dataSource the application's DataSource, used when there is exactly one and {@code
   *     mlc.store.use-data-source} is true
   * @return the credential store
   */
  @Bean
  @ConditionalOnMissingBean
  public CredentialStore mlcCredentialStore(MlcProperties properties, KeyProvider keys,
      ObjectProvider<DataSource> dataSource) {
    DataSource ds = properties.getStore().isUseDataSource() ? dataSource.getIfUnique() : null;
    CredentialStorage storage = ds != null
        ? CredentialStorage.jdbc(ds, properties.getStore().getCredentialsTable())
        : CredentialStorage.directory(properties.getDataDir().resolve("credentials"));
    return CredentialStore.builder(keys).storage(storage).build();
  }

  /**
   * One HTTP transport for every client (the metrics' listener when there is one).
   *
   * @param listener the application's transport listener, used when there is exactly one
   * @return the transport, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public HttpTransport mlcHttpTransport(ObjectProvider<TransportListener> listener) {
    return HttpTransport.builder().listener(listener.getIfUnique(() -> TransportListener.NONE)).build();
  }

  /**
   * The built-in factories, those {@link java.util.ServiceLoader} finds, then the application's beans.
   *
   * @param factories the application's factory beans, in their order
   * @return the registry
   */
  @Bean
  @ConditionalOnMissingBean
  public ConnectorRegistry mlcConnectorRegistry(ObjectProvider<ConnectorFactory> factories) {
    return ConnectorRegistry.discover(MlcAutoConfiguration.class.getClassLoader(),
        factories.orderedStream().toList());
  }

  /**
   * The integrations of {@code mlc.integrations.*}, checked: a bad property fails start-up with its name.
   *
   * @param properties the {@code mlc.*} properties
   * @param registry the factories of the systems the pairs name
   * @param store the state store every integration shares
   * @param credentials the credential store the secrets go into
   * @param transport the HTTP transport every client derives its own from
   * @param listener the application's engine listener, used when there is exactly one
   * @param customizers the receivables customizers, applied in their order
   * @param payablesCustomizers the payables customizers, applied in their order
   * @return the integrations, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public MlcIntegrations mlcIntegrations(MlcProperties properties, ConnectorRegistry registry, StateStore store,
      CredentialStore credentials, HttpTransport transport, ObjectProvider<SyncListener> listener,
      ObjectProvider<ReceivablesIntegrationCustomizer> customizers,
      ObjectProvider<PayablesIntegrationCustomizer> payablesCustomizers) {
    List<ReceivablesIntegrationCustomizer> cs = customizers.orderedStream().toList();
    return MlcIntegrations.create(properties, registry, store, credentials, transport,
        listener.getIfUnique(() -> SyncListener.NONE), cs, payablesCustomizers.orderedStream().toList());
  }

  /**
   * Starts the engines after the context is refreshed and stops them gracefully first.
   *
   * @param integrations the integrations whose engines are started and stopped
   * @param properties the {@code mlc.*} properties ({@code mlc.engine.*})
   * @return the lifecycle
   */
  @Bean
  @ConditionalOnMissingBean
  public EngineLifecycle mlcEngineLifecycle(MlcIntegrations integrations, MlcProperties properties) {
    return new EngineLifecycle(integrations, properties.getEngine().isAutoStart(),
        properties.getEngine().getShutdownTimeout());
  }
}
