/**
 * Spring Boot auto-configuration for ml-connector: integrations declared under {@code
 * mlc.integrations.<name>} ({@link io.mlconnector.spring.boot.MlcProperties}), started and stopped
 * with the application context ({@link io.mlconnector.spring.boot.MlcIntegrations}), the state store
 * on the application's {@code DataSource} or embedded H2, webhook handlers, Actuator health and
 * dead letters, and the {@link io.mlconnector.spring.boot.ConnectorFactory} SPI through which a
 * system is opened from its properties.
 */
@NullMarked
package io.mlconnector.spring.boot;

import org.jspecify.annotations.NullMarked;
