package io.mlconnector.spring.boot;

import io.mlconnector.spring.boot.internal.WebhookController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook handlers, in a servlet (Spring MVC) application, unless {@code mlc.webhooks.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty(prefix = "mlc.webhooks", name = "enabled", matchIfMissing = true)
class MlcWebConfiguration {

  @Bean
  @ConditionalOnMissingBean
  WebhookController mlcWebhookController(MlcIntegrations integrations, MlcProperties properties) {
    return new WebhookController(integrations, properties.getWebhooks().getMaxBodyBytes());
  }
}
