package io.mlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.internal.LoggingInterceptor;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Logged exchanges never contain a secret: headers, query, bodies and session values are masked. */
class RedactionTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String[] SECRETS = {
    "sk_live_4eC39HqLyjWDarjtT1zdp7dc", // bearer API key
    "AK-9f8e7d6c", // api_key query parameter
    "hunter2-pass", // JSON password
    "S3cr3t-Comp", // XML CompanyPassword
    "op-pass-77", // form OperatorPassword
    "ac79876e-1e72-11ed-8000-000c299130e0", // SAP SessionId / B1SESSION cookie
    "refresh-tok-123", // JSON refresh_token
    "custom-hdr-val", // configured header
    "syspro-user-id-0001", // a session token carried in an innocent-looking query parameter
  };

  private final Logger wire = (Logger) LoggerFactory.getLogger(LoggingInterceptor.LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private HttpTransport transport;

  @BeforeEach
  void setUp() {
    appender.start();
    wire.addAppender(appender);
    wire.setLevel(Level.DEBUG);
    wire.setAdditive(false);
    transport = HttpTransport.builder().build();
  }

  @AfterEach
  void tearDown() {
    wire.detachAppender(appender);
    wire.setLevel(null);
    wire.setAdditive(true);
    transport.close();
  }

  private String logged() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
  }

  private TenantClient client(SessionAuthenticator auth) {
    TenantConfig.Builder b =
        TenantConfig.builder("sap-b1", "acme", "acme/manager")
            .baseUrl(wm.baseUrl())
            .logLevel(HttpLogLevel.BODY)
            .redactor(Redactor.builder().headers("X-Tenant-Key").build());
    if (auth != null) {
      b.sessionAuthenticator(auth);
    }
    return transport.newClient(b.build());
  }

  @Test
  void headersQueryAndBodiesAreMasked() {
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Set-Cookie", "B1SESSION=ac79876e-1e72-11ed-8000-000c299130e0;HttpOnly;")
                    .withBody(
                        "{\"SessionId\":\"ac79876e-1e72-11ed-8000-000c299130e0\",\"Version\":\"1000280\","
                            + "\"refresh_token\":\"refresh-tok-123\",\"SessionTimeout\":30}")));
    TenantClient client = client(null);
    HttpUrl url =
        client.url("b1s/v2/Login").newBuilder()
            .addQueryParameter("api_key", "AK-9f8e7d6c")
            .addQueryParameter("company", "SBODEMOUS")
            .build();

    client
        .execute(
            new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc")
                .header("Cookie", "B1SESSION=ac79876e-1e72-11ed-8000-000c299130e0; ROUTEID=.node1")
                .header("X-Tenant-Key", "custom-hdr-val")
                .post(
                    RequestBody.create(
                        "{\"CompanyDB\":\"SBODEMOUS\",\"UserName\":\"manager\",\"Password\":\"hunter2-pass\"}",
                        MediaType.get("application/json")))
                .build())
        .close();
    client
        .execute(
            new Request.Builder()
                .url(client.url("Logon"))
                .post(
                    new FormBody.Builder()
                        .add("Operator", "ADMIN")
                        .add("OperatorPassword", "op-pass-77")
                        .build())
                .build())
        .close();
    client
        .execute(
            new Request.Builder()
                .url(client.url("Setup"))
                .post(
                    RequestBody.create(
                        "<Logon><Operator>ADMIN</Operator><CompanyId>EDU1</CompanyId>"
                            + "<CompanyPassword>S3cr3t-Comp</CompanyPassword></Logon>",
                        MediaType.get("application/xml")))
                .build())
        .close();

    String logged = logged();
    assertThat(logged)
        .as("the exchanges were logged, with the harmless parts intact")
        .contains("--> POST", "company=SBODEMOUS", "\"UserName\":\"manager\"", "Operator=ADMIN")
        .contains("<CompanyId>EDU1</CompanyId>", "\"Version\":\"1000280\"", "<-- 200")
        .contains("Authorization: ***", "X-Tenant-Key: ***", "Set-Cookie: ***");
    for (String secret : SECRETS) {
      assertThat(logged).doesNotContain(secret);
    }
    assertThat(appender.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.DEBUG);
  }

  @Test
  void sessionValuesAreMaskedWhereverTheyAppear() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("echo syspro-user-id-0001")));
    SessionAuthenticator queryToken =
        new SessionAuthenticator() {
          @Override
          public Session login(TenantClient client, Session previous) {
            return Session.builder("syspro-user-id-0001").build();
          }

          @Override
          public Request authorize(Request request, Session session) {
            HttpUrl url = request.url().newBuilder().addQueryParameter("UserId", session.token()).build();
            return request.newBuilder().url(url).build();
          }
        };
    TenantClient client = client(queryToken);

    client.execute(new Request.Builder().url(client.url("Query/Query?BusinessObject=ARSQRY")).build()).close();

    assertThat(Journal.findAll(wm, anyRequestedFor(anyUrl()), 1).get(0).getUrl())
        .contains("UserId=syspro-user-id-0001");
    assertThat(logged()).contains("BusinessObject=ARSQRY", "UserId=***", "echo ***");
    assertThat(logged()).doesNotContain("syspro-user-id-0001");
    assertThat(Session.builder("syspro-user-id-0001").build().toString())
        .doesNotContain("syspro-user-id-0001");
  }

  @Test
  void exceptionMessagesCarryNoQueryOrHeaderValues() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    TenantClient client = client(null);
    HttpUrl url = client.url("v1/charges").newBuilder().addQueryParameter("api_key", "AK-9f8e7d6c").build();

    assertThatThrownBy(
            () ->
                client.execute(
                    new Request.Builder()
                        .url(url)
                        .header("Authorization", "Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc")
                        .post(RequestBody.create("amount=100", MediaType.get("application/x-www-form-urlencoded")))
                        .build()))
        .satisfies(
            e -> {
              assertThat(e.getMessage()).contains("POST /v1/charges");
              for (String secret : SECRETS) {
                assertThat(e.getMessage()).doesNotContain(secret);
                assertThat(e.toString()).doesNotContain(secret);
              }
            });
  }

  @Test
  void theRedactorMasksEachBodyForm() {
    Redactor r = Redactor.defaults();
    assertThat(r.body("{\"a\":1,\"api_key\":12345,\"nested\":{\"client_secret\":\"x\\\"y\"}}", MediaType.get("application/json")))
        .isEqualTo("{\"a\":1,\"api_key\":\"***\",\"nested\":{\"client_secret\":\"***\"}}");
    assertThat(r.body("grant_type=password&password=p%40ss&username=u", MediaType.get("application/x-www-form-urlencoded")))
        .isEqualTo("grant_type=password&password=***&username=u");
    assertThat(r.body("<a:Login xmlns:a=\"urn:x\"><a:Password type=\"t\">pw</a:Password><User>u</User></a:Login>", MediaType.get("text/xml")))
        .isEqualTo("<a:Login xmlns:a=\"urn:x\"><a:Password type=\"t\">***</a:Password><User>u</User></a:Login>");
    assertThat(r.url(HttpUrl.get("https://user:pw@example.test/p?access_token=t1&limit=5")))
        .isEqualTo("https://example.test/p?access_token=***&limit=5");
    assertThat(r.header("Cookie", "a=b")).isEqualTo("***");
    assertThat(r.header("Content-Type", "application/json")).isEqualTo("application/json");
    assertThat(Redactor.scrub("key abc and abcdef", List.of("abc", "abcdef"))).isEqualTo("key abc and ***");
  }

  @Test
  void aHostsSecretsAreMaskedWhereverTheyAppearInTheLog() {
    Secret operatorPassword = Secret.of("op-pw-Zq81x");
    Secret apiKey = Secret.of("key-7766554433");
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/plain")
                    .withBody("logged on as op-pw-Zq81x with key-7766554433")));
    TenantClient client =
        transport.newClient(
            TenantConfig.builder("syspro", "acme", "acme/ADMIN")
                .baseUrl(wm.baseUrl())
                .logLevel(HttpLogLevel.BODY)
                .redactor(Redactor.builder().secrets(operatorPassword, apiKey).build())
                .build());
    HttpUrl url =
        client.url("Logon").newBuilder()
            .addQueryParameter("Operator", "ADMIN")
            .addQueryParameter("Pw", "op-pw-Zq81x") // a name no rule knows
            .build();

    client
        .execute(
            new Request.Builder()
                .url(url)
                .header("X-Trace", "key-7766554433")
                .post(RequestBody.create("{\"note\":\"op-pw-Zq81x\"}", MediaType.get("application/json")))
                .build())
        .close();

    assertThat(logged()).contains("Operator=ADMIN", "Pw=***", "X-Trace: ***", "{\"note\":\"***\"}",
        "logged on as *** with ***");
    assertThat(logged()).doesNotContain("op-pw-Zq81x", "key-7766554433");
    Redactor redactor = client.config().redactor();
    assertThat(redactor.toString()).contains("secrets=2").doesNotContain("op-pw-Zq81x");
    assertThat(redactor.secretCount()).isEqualTo(2);
  }

  @Test
  void secretScrubbingSkipsWipedSecretsAndRefusesNulls() {
    Secret secret = Secret.of("pw-123456");
    Redactor redactor = Redactor.builder().secrets(secret).build();
    assertThat(redactor.scrubSecrets("a pw-123456 b")).isEqualTo("a *** b");
    assertThat(Redactor.scrub("a pw-123456 b", secret)).isEqualTo("a *** b");
    assertThat(Redactor.defaults().scrubSecrets("a pw-123456 b")).isEqualTo("a pw-123456 b");

    secret.wipe();

    assertThat(redactor.scrubSecrets("a pw-123456 b")).isEqualTo("a pw-123456 b");
    assertThat(Redactor.scrub("a pw-123456 b", secret)).isEqualTo("a pw-123456 b");
    assertThatThrownBy(() -> Redactor.builder().secrets((Secret) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("secret");
    io.mlconnector.core.credential.Credentials operator =
        io.mlconnector.core.credential.Credentials.builder()
            .put("operator", "ADMIN-op")
            .put("operatorPassword", "op-pass-0042")
            .build();
    assertThat(Redactor.builder().secrets(operator).build().scrubSecrets("ADMIN-op / op-pass-0042"))
        .isEqualTo("*** / ***");
  }

  @Test
  void aRemoteErrorThatEchoesASecretDoesNotPutItIntoTheException() {
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "text/plain")
                    .withBody("operator password op-pw-Zq81x is wrong for session tok-abc-123")));
    TenantClient client =
        transport.newClient(
            TenantConfig.builder("syspro", "acme", "acme/ADMIN")
                .baseUrl(wm.baseUrl())
                .redactor(Redactor.builder().secrets(Secret.of("op-pw-Zq81x")).build())
                .errorDecoder((response, body) -> new RemoteError("E-op-pw-Zq81x", body))
                .sessionAuthenticator(
                    new SessionAuthenticator() {
                      @Override
                      public Session login(TenantClient c, Session previous) {
                        return Session.builder("tok-abc-123").build();
                      }

                      @Override
                      public Request authorize(Request request, Session session) {
                        return request.newBuilder().header("X-Session", session.token()).build();
                      }
                    })
                .build());

    assertThatThrownBy(
            () ->
                client.execute(
                    new Request.Builder().url(client.url("Query/Browse")).build(),
                    r -> r.body().string()))
        .isInstanceOf(io.mlconnector.core.error.RejectedException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage()).contains("operator password *** is wrong for session ***");
              assertThat(e.toString()).doesNotContain("op-pw-Zq81x", "tok-abc-123");
              assertThat(((io.mlconnector.core.error.ConnectorException) e).remoteCode())
                  .isEqualTo("E-***");
            });
  }
}
