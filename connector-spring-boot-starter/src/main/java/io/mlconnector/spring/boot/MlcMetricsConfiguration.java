package io.mlconnector.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.mlconnector.core.http.TransportListener;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.SyncListener;
import io.mlconnector.micrometer.ConnectorMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer metrics through connector-micrometer when it is on the class path: the engines' and
 * the transport's listeners, and the dead-letter gauge of every tenant. The registry is the
 * application's {@link MeterRegistry}, else Micrometer's global one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"io.mlconnector.micrometer.ConnectorMetrics", "io.micrometer.core.instrument.MeterRegistry"})
class MlcMetricsConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ConnectorMetrics mlcConnectorMetrics(ObjectProvider<MeterRegistry> registry) {
    return ConnectorMetrics.builder(registry.getIfUnique(() -> Metrics.globalRegistry)).build();
  }

  @Bean
  @ConditionalOnMissingBean(SyncListener.class)
  SyncListener mlcMetricsSyncListener(ConnectorMetrics metrics) {
    return metrics.syncListener();
  }

  @Bean
  @ConditionalOnMissingBean(TransportListener.class)
  TransportListener mlcMetricsTransportListener(ConnectorMetrics metrics) {
    return metrics.transportListener();
  }

  @Bean
  SmartInitializingSingleton mlcDeadLetterGauges(ConnectorMetrics metrics, ObjectProvider<MlcIntegrations> integrations,
      ObjectProvider<StateStore> store) {
    return () -> {
      MlcIntegrations all = integrations.getIfAvailable();
      StateStore s = store.getIfAvailable();
      if (all != null && s != null) {
        all.all().forEach(r -> metrics.bindDeadLetters(s, r.tenants()));
      }
    };
  }
}
