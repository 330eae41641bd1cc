package io.mlconnector.sapb1;

import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.testkit.sapb1.SapB1Simulator;
import java.util.function.UnaryOperator;

/** Starts a simulator and builds clients against it (test helper). */
final class SimFixture implements AutoCloseable {
  static final String USER = "manager";
  static final String PASSWORD = "Sup3r-Secret-B1-Pw";

  final SapB1Simulator sim;
  final HttpTransport transport;

  SimFixture(UnaryOperator<SapB1Simulator.Builder> sim) {
    this(sim, false);
  }

  SimFixture(UnaryOperator<SapB1Simulator.Builder> sim, boolean simClock) {
    this.sim = sim.apply(SapB1Simulator.builder().user(USER, PASSWORD).exchangeRate("EUR", 1.1)).start();
    HttpTransport.Builder t = HttpTransport.builder().sleeper(d -> {});
    if (simClock) {
      t.clock(this.sim.clock());
    }
    this.transport = t.build();
  }

  SimFixture() {
    this(b -> b);
  }

  SapB1Config.Builder config(boolean v2) {
    return config(v2, "acme/sap");
  }

  SapB1Config.Builder config(boolean v2, String credentialId) {
    return SapB1Config.builder("acme", credentialId, sim.serviceRoot(v2).toString(),
            SapB1Credentials.of(sim.companyDb(), USER, Secret.of(PASSWORD), 23))
        .transferAccount("1020")
        .pageSize(20);
  }

  SapB1Client client(boolean v2) {
    return SapB1Client.create(transport, config(v2).build());
  }

  @Override
  public void close() {
    transport.close();
    sim.close();
  }
}
