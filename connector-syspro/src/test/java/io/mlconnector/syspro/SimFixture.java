package io.mlconnector.syspro;

import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Starts a simulator and builds clients against it (test helper). */
final class SimFixture implements AutoCloseable {

  static final String OPERATOR = "INTEG";
  static final String PASSWORD = "S3cret-Operator-Pw";
  static final String ODATA_PASSWORD = "OData-Pw-Secret";

  final SysproSimulator sim;
  final HttpTransport transport;

  SimFixture(UnaryOperator<SysproSimulator.Builder> sim) {
    this.sim =
        sim.apply(
                SysproSimulator.builder()
                    .operator(Operator.of(OPERATOR, PASSWORD).withODataPassword(ODATA_PASSWORD)))
            .start();
    this.transport = HttpTransport.builder().sleeper(d -> {}).build();
  }

  SimFixture() {
    this(b -> b);
  }

  SysproConfig.Builder config() {
    return configWithoutOData().odata(sim.odataServiceUri().toString(), OPERATOR, ODATA_PASSWORD);
  }

  SysproConfig.Builder configWithoutOData() {
    return SysproConfig.builder("acme", "acme/syspro")
        .restBaseUrl(sim.restBaseUri().toString())
        .credentials(SysproCredentials.of(OPERATOR, PASSWORD, sim.companyId(), ""))
        .acquireTimeout(Duration.ofSeconds(10))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).build());
  }

  SysproClient client() {
    return SysproClient.create(transport, config().build());
  }

  SysproClient client(UnaryOperator<SysproConfig.Builder> custom) {
    return SysproClient.create(transport, custom.apply(config()).build());
  }

  @Override
  public void close() {
    transport.close();
    sim.close();
  }
}
