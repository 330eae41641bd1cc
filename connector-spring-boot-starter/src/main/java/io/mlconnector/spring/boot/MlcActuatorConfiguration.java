package io.mlconnector.spring.boot;

import io.mlconnector.spring.boot.internal.DeadLettersEndpoint;
import io.mlconnector.spring.boot.internal.MlcHealth;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Actuator: health per integration and tenant, and the dead-letter endpoint. */
@Configuration(proxyBeanMethods = false)
class MlcActuatorConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthContributor")
  static class Health {
    /** {@code /actuator/health/mlc/<integration>/<tenant>}. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "mlcHealthContributor")
    MlcHealth mlcHealthContributor(MlcIntegrations integrations, MlcProperties properties) {
      return new MlcHealth(integrations, properties.getHealth().getCacheTtl(),
          properties.getHealth().getTimeout());
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
  static class Endpoint {
    @Bean
    @ConditionalOnMissingBean
    DeadLettersEndpoint mlcDeadLettersEndpoint(MlcIntegrations integrations) {
      return new DeadLettersEndpoint(integrations);
    }
  }
}
