package io.mlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mlconnector.core.error.ConnectorException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions belong to one credential. Closing the transport logs its open sessions out (freeing the remote's licence seats), once per
 * credential, even when one logout fails; a host can turn that off.
 */
class TransportCloseTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Issues "tok-N" without a remote login and records every logout. */
  static final class CountingAuth implements SessionAuthenticator {
    final AtomicInteger logins = new AtomicInteger();
    final List<String> loggedOut = new CopyOnWriteArrayList<>();
    final String prefix;
    final boolean logoutFails;

    CountingAuth(String prefix, boolean logoutFails) {
      this.prefix = prefix;
      this.logoutFails = logoutFails;
    }

    @Override
    public Session login(TenantClient client, Session previous) {
      return Session.builder(prefix + "-" + logins.incrementAndGet()).build();
    }

    @Override
    public Request authorize(Request request, Session session) {
      return request.newBuilder().header("Authorization", "Bearer " + session.token()).build();
    }

    @Override
    public void logout(TenantClient client, Session session) throws IOException {
      loggedOut.add(session.token());
      if (logoutFails) {
        throw new IOException("remote refused the logout");
      }
    }
  }

  private static TenantClient client(HttpTransport transport, String credential, SessionAuthenticator auth) {
    return transport.newClient(
        TenantConfig.builder("sap-b1", "acme", credential)
            .baseUrl(wm.baseUrl())
            .sessionAuthenticator(auth)
            .build());
  }

  private static void call(TenantClient client) {
    client.execute(new Request.Builder().url(client.url("b1s/v1/Items")).build()).close();
  }

  @Test
  void closeLogsOutEachOpenSessionOnceEvenWhenOneLogoutFails() {
    wm.stubFor(get("/b1s/v1/Items").willReturn(okJson("{\"value\":[]}")));
    HttpTransport transport = HttpTransport.builder().build();
    CountingAuth failing = new CountingAuth("manager", true);
    CountingAuth working = new CountingAuth("clerk", false);
    CountingAuth unused = new CountingAuth("idle", false);
    TenantClient first = client(transport, "acme/manager", failing);
    TenantClient second = client(transport, "acme/manager", failing); // same credential
    TenantClient other = client(transport, "acme/clerk", working);
    client(transport, "acme/idle", unused); // never called: no session to end
    call(first);
    call(second);
    call(other);

    transport.close();
    transport.close(); // idempotent

    assertThat(failing.logins).hasValue(1);
    assertThat(failing.loggedOut).containsExactly("manager-1");
    assertThat(working.loggedOut).containsExactly("clerk-1");
    assertThat(unused.logins).hasValue(0);
    assertThat(unused.loggedOut).isEmpty();
    Journal.verify(
        wm, 2, getRequestedFor(urlEqualTo("/b1s/v1/Items")).withHeader("Authorization", equalTo("Bearer manager-1")));
    // each credential has its own session: the clerk never rides on the manager's
    Journal.verify(
        wm, 1, getRequestedFor(urlEqualTo("/b1s/v1/Items")).withHeader("Authorization", equalTo("Bearer clerk-1")));
  }

  @Test
  void aSessionEndedBeforeCloseIsNotLoggedOutTwice() {
    wm.stubFor(get("/b1s/v1/Items").willReturn(okJson("{\"value\":[]}")));
    HttpTransport transport = HttpTransport.builder().build();
    CountingAuth auth = new CountingAuth("manager", false);
    TenantClient client = client(transport, "acme/manager", auth);
    call(client);
    client.endSession();

    transport.close();

    assertThat(auth.loggedOut).containsExactly("manager-1");
  }

  @Test
  void logoutOnCloseCanBeTurnedOff() {
    wm.stubFor(get("/b1s/v1/Items").willReturn(okJson("{\"value\":[]}")));
    HttpTransport transport = HttpTransport.builder().logoutOnClose(false).build();
    CountingAuth auth = new CountingAuth("manager", false);
    call(client(transport, "acme/manager", auth));

    transport.close();

    assertThat(auth.logins).hasValue(1);
    assertThat(auth.loggedOut).isEmpty();
  }

  @Test
  void aReleasedClientLogsOutAndTheTransportForgetsItsCredential() {
    wm.stubFor(get("/b1s/v1/Items").willReturn(okJson("{\"value\":[]}")));
    HttpTransport transport = HttpTransport.builder().build();
    CountingAuth first = new CountingAuth("manager", false);
    TenantClient client = client(transport, "acme/manager", first);
    call(client);
    CredentialKey key = client.credentialKey();

    client.release();
    CountingAuth second = new CountingAuth("renewed", false);
    call(client(transport, "acme/manager", second)); // a later client of the key starts afresh
    transport.close();

    assertThat(first.loggedOut).containsExactly("manager-1");
    assertThat(second.logins).hasValue(1);
    assertThat(second.loggedOut).containsExactly("renewed-1");
    assertThat(transport.sessionHolderIfPresent(key)).isNotNull();
    transport.forget(key);
    assertThat(transport.sessionHolderIfPresent(key)).isNull();
  }

  @Test
  void releaseDropsTheCredentialEvenWhenTheLogoutFails() {
    wm.stubFor(get("/b1s/v1/Items").willReturn(okJson("{\"value\":[]}")));
    HttpTransport transport = HttpTransport.builder().build();
    CountingAuth failing = new CountingAuth("manager", true);
    TenantClient client = client(transport, "acme/manager", failing);
    call(client);

    assertThatThrownBy(client::release).isInstanceOf(ConnectorException.class);
    transport.close();

    assertThat(transport.sessionHolderIfPresent(client.credentialKey())).isNull();
    assertThat(failing.loggedOut).containsExactly("manager-1"); // not logged out again on close
  }
}
