package io.mlconnector.syspro.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.codec.Xml;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpLogLevel;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * The core transport keeps every session authenticator it was given for as long as it lives; a slot
 * that leaves the pool is logged off and keeps neither the logon values nor the pool.
 */
class SessionPoolRetireTest {

  @Test
  void closedSlotsAreLoggedOffAndDropTheirLogonValues() {
    try (SysproSimulator sim =
            SysproSimulator.builder().operator(Operator.of("INTEG", "pw")).start();
        HttpTransport http = HttpTransport.builder().sleeper(d -> {}).build()) {
      EnetTransport enet =
          new EnetTransport(
              http,
              new EnetTransport.Settings(
                  "acme",
                  "acme/syspro",
                  HttpUrl.get(sim.restBaseUri().toString()),
                  new EnetSession.Credentials(
                      Secret.of("INTEG"),
                      Secret.of("pw"),
                      Secret.of(sim.companyId()),
                      Secret.of("")),
                  1,
                  Duration.ofSeconds(5),
                  null,
                  Pattern.compile("(?i)user ?id\\b.*\\binvalid"),
                  Pattern.compile("(?i)currently processing"),
                  Pattern.compile("(?i)licen[cs]e"),
                  null,
                  2048,
                  1 << 20,
                  false,
                  HttpLogLevel.NONE,
                  RetryPolicy.builder().maxAttempts(1).build(),
                  null),
              Xml.create());
      EnetSession slot = enet.pool().acquire();
      try {
        assertThat(enet.callOn(slot, EnetCall.of("GetLogonProfile", Map.of(), false, "profile")))
            .contains("INTEG");
      } finally {
        enet.pool().release(slot);
      }
      assertThat(sim.seatsInUse()).isEqualTo(1);
      assertThat(slot.retired()).isFalse();

      enet.close();

      assertThat(sim.seatsInUse()).isZero();
      assertThat(slot.retired()).isTrue();
      assertThat(enet.pool().size()).isZero();
      // nothing can log that slot on again
      assertThatThrownBy(() -> slot.login(slot.client(), null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      assertThat(sim.logonCount()).isEqualTo(1);
    }
  }
}
