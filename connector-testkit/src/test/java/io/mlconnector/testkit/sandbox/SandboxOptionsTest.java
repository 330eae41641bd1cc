package io.mlconnector.testkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line: what it accepts, and a message naming what it refuses. */
class SandboxOptionsTest {
  @Test
  void defaultsRunEverySimulatorOnItsWellKnownPort() {
    Sandbox.SandboxOptions o = Sandbox.SandboxOptions.parse();
    assertThat(o.systems).containsExactly(SandboxSystem.values());
    assertThat(o.port(SandboxSystem.STRIPE)).isEqualTo(12111);
    assertThat(o.port(SandboxSystem.SFTP)).isEqualTo(12122);
    assertThat(o.controlPort).isEqualTo(12110);
    assertThat(o.host).isEqualTo("127.0.0.1");
    assertThat(o.seed).isFalse();
  }

  @Test
  void systemsPortsWebhooksAndFreePortsAreParsed() {
    Sandbox.SandboxOptions o = Sandbox.SandboxOptions.parse("--systems", "stripe,SAP-B1", "--port", "stripe=9000",
        "--port=sapb1=9001", "--seed", "--webhook-url", "http://127.0.0.1:8080/all",
        "--webhook-url=chargebee=http://127.0.0.1:8080/cb", "--host=0.0.0.0");
    assertThat(o.systems).containsExactly(SandboxSystem.STRIPE, SandboxSystem.SAP_B1);
    assertThat(o.port(SandboxSystem.STRIPE)).isEqualTo(9000);
    assertThat(o.port(SandboxSystem.SAP_B1)).isEqualTo(9001);
    assertThat(o.webhooks).containsEntry("*", URI.create("http://127.0.0.1:8080/all"))
        .containsEntry("chargebee", URI.create("http://127.0.0.1:8080/cb"));
    assertThat(o.seed).isTrue();
    assertThat(o.host).isEqualTo("0.0.0.0");

    Sandbox.SandboxOptions free = Sandbox.SandboxOptions.parse("--free-ports", "--port", "syspro=7000");
    assertThat(free.port(SandboxSystem.STRIPE)).isZero();
    assertThat(free.port(SandboxSystem.SYSPRO)).isEqualTo(7000);
    assertThat(free.controlPort).isZero();
  }

  @Test
  void badOptionsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> Sandbox.SandboxOptions.parse("--systems", "stripe,quickbooks"))
        .hasMessageContaining("unknown system 'quickbooks'");
    assertThatThrownBy(() -> Sandbox.SandboxOptions.parse("--port", "stripe=70000"))
        .hasMessageContaining("--port stripe=70000").hasMessageContaining("0 to 65535");
    assertThatThrownBy(() -> Sandbox.SandboxOptions.parse("--port", "12111"))
        .hasMessageContaining("SYSTEM=PORT");
    assertThatThrownBy(() -> Sandbox.SandboxOptions.parse("--webhook-url", "ftp://example.com/x"))
        .hasMessageContaining("http(s) URL");
    assertThatThrownBy(() -> Sandbox.SandboxOptions.parse("--control-port"))
        .hasMessageContaining("--control-port needs a value");
    assertThatThrownBy(() -> Sandbox.SandboxOptions.parse("--verbose"))
        .hasMessageContaining("unknown option '--verbose'");
  }

  @Test
  void anInProcessSandboxRefusesWebhooksFromASystemThatSendsNone() {
    assertThatThrownBy(() -> Sandbox.start("--systems", "syspro", "--free-ports", "--webhook-url",
        "syspro=http://127.0.0.1:1/hooks"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("syspro sends no webhooks");
  }

  @Test
  void aChunkedAnswerIsReassembledAndAClosedConnectionIsNoAnswer() {
    byte[] chunked = ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
        + "4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    HttpFront.Response r = HttpFront.Response.parse(chunked);
    assertThat(r.status).isEqualTo(200);
    assertThat(new String(r.body, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(r.header("content-type")).isEqualTo("application/json");

    assertThat(HttpFront.Response.parse(new byte[0])).isNull();
    assertThat(HttpFront.Response.parse("HTTP/1.1 200 OK\r\nContent-Le".getBytes(StandardCharsets.ISO_8859_1)))
        .isNull();
  }
}
