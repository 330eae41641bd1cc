package io.mlconnector.testkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as an ISV runs it: a child JVM started with the command line, driven over HTTP (and
 * SFTP) only, with what it printed as the only source of URLs and credentials.
 */
class SandboxProcessTest {
  private static final Pattern BASE = Pattern.compile("^(\\w+)\\s+((?:http|sftp)://\\S+)$");
  private static final String STRIPE_KEY = "sk_test_mlconnectorSimulator0000";

  private static Process process;
  private static HttpServer receiver;
  private static final BlockingQueue<Map<String, String>> hooks = new LinkedBlockingQueue<>();
  private static final Map<String, String> urls = new LinkedHashMap<>();
  private static final List<String> printed = new ArrayList<>();
  private static final OkHttpClient http = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .readTimeout(30, TimeUnit.SECONDS)
      .build();

  @BeforeAll
  static void startSandbox() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    receiver.createContext("/hooks", exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        Map<String, String> hook = new LinkedHashMap<>();
        hook.put("path", exchange.getRequestURI().getPath());
        hook.put("signature", String.valueOf(exchange.getRequestHeaders().getFirst("Stripe-Signature")));
        hook.put("body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        hooks.add(hook);
        exchange.sendResponseHeaders(200, -1);
      }
    });
    receiver.start();
    String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/stripe";

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Sandbox.class.getName(), "--free-ports", "--seed", "--webhook-url", "stripe=" + hookUrl)
        .redirectErrorStream(true)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.equals("sandbox ready")) {
      printed.add(line);
      Matcher m = BASE.matcher(line);
      if (m.matches()) {
        urls.put(m.group(1), m.group(2));
      }
    }
    assertThat(line).as("the sandbox printed:\n%s", String.join("\n", printed)).isEqualTo("sandbox ready");
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // keep the pipe from filling
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    drain.setDaemon(true);
    drain.start();
  }

  @AfterAll
  static void stopSandbox() throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void printsEverySimulatorWithItsBaseUrlAndCredentials() {
    assertThat(urls).containsOnlyKeys("stripe", "chargebee", "syspro", "sapb1", "acumatica", "sftp", "control");
    String all = String.join("\n", printed);
    assertThat(all).contains("api key: " + STRIPE_KEY, "UserName: manager", "Password: sandbox", "operator: ADMIN",
        "user / password: stampli / sandbox", "host key fingerprint: SHA256:",
        "webhooks: http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/stripe");
  }

  @Test
  void aStripeCustomerCreatedOverHttpReadsBackAndItsWebhookArrives() throws Exception {
    String stripe = urls.get("stripe");
    Map<String, Object> created = json(call(new Request.Builder().url(stripe + "/v1/customers")
        .header("Authorization", "Bearer " + STRIPE_KEY)
        .post(new FormBody.Builder().add("name", "Acme Sandbox").add("email", "ap@acme.example").build())
        .build(), 200));
    String id = (String) created.get("id");
    assertThat(id).startsWith("cus_");

    Map<String, Object> read = json(call(new Request.Builder().url(stripe + "/v1/customers/" + id)
        .header("Authorization", "Bearer " + STRIPE_KEY).build(), 200));
    assertThat(read).containsEntry("name", "Acme Sandbox").containsEntry("email", "ap@acme.example");

    Map<String, String> hook = null;
    for (Map<String, String> h = hooks.poll(60, TimeUnit.SECONDS); h != null; h = hooks.poll(60, TimeUnit.SECONDS)) {
      if (h.get("body").contains(id) && h.get("body").contains("customer.created")) {
        hook = h;
        break;
      }
    }
    assertThat(hook).as("a customer.created webhook for %s", id).isNotNull();
    assertThat(hook.get("path")).isEqualTo("/hooks/stripe");
    assertThat(hook.get("signature")).contains("t=").contains("v1=");
  }

  @Test
  void faultsFlipAtRunTimeThroughTheControlApi() throws Exception {
    String stripe = urls.get("stripe");
    Request list = new Request.Builder().url(stripe + "/v1/customers?limit=1")
        .header("Authorization", "Bearer " + STRIPE_KEY).build();
    call(list, 200);

    Map<String, Object> armed = json(call(new Request.Builder().url(stripe + "/_sandbox/faults")
        .post(new FormBody.Builder().add("fail_next", "1").add("fault", "SERVER_ERROR").build()).build(), 200));
    assertThat(armed).containsKey("injected");
    call(list, 500);
    call(list, 200);

    call(new Request.Builder().url(stripe + "/_sandbox/faults")
        .post(new FormBody.Builder().add("fail_next", "1").add("fault", "CONNECTION_DROP").build()).build(), 200);
    assertThatThrownBy(() -> http.newCall(list).execute().close()).isInstanceOf(IOException.class);
    call(list, 200);

    Map<String, Object> bad = json(call(new Request.Builder().url(stripe + "/_sandbox/faults")
        .post(new FormBody.Builder().add("fail_next", "1").add("fault", "MELTDOWN").build()).build(), 400));
    assertThat((String) bad.get("error")).contains("fault must be one of").contains("MELTDOWN");
  }

  @Test
  void theSeededSapB1CompanyAnswersWithThePrintedCredentialsThroughTheFrontPort() throws Exception {
    String b1 = urls.get("sapb1");
    String login = "{\"CompanyDB\":\"SBODEMOUS\",\"UserName\":\"manager\",\"Password\":\"sandbox\"}";
    try (Response r = http.newCall(new Request.Builder().url(b1 + "/b1s/v1/Login")
        .post(RequestBody.create(login, MediaType.get("application/json"))).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
      List<String> cookies = r.headers("Set-Cookie");
      assertThat(cookies).anyMatch(c -> c.startsWith("B1SESSION="));
      String cookie = String.join("; ", cookies.stream().map(c -> c.split(";")[0]).toList());
      Map<String, Object> partner = json(call(new Request.Builder().url(b1 + "/b1s/v1/BusinessPartners('C20000')")
          .header("Cookie", cookie).build(), 200));
      assertThat(partner).containsEntry("CardName", "Maxi-Teq");
    }
  }

  @Test
  void chargebeeAnswersOnItsPortAndTheClockMovesThroughTheControlApi() throws Exception {
    String chargebee = urls.get("chargebee");
    Map<String, Object> list = json(call(new Request.Builder().url(chargebee + "/api/v2/customers")
        .header("Authorization", Credentials.basic("test_mlconnectorSimulatorKey0000", "")).build(), 200));
    assertThat(list).containsKey("list");

    Map<String, Object> moved = json(call(new Request.Builder().url(chargebee + "/_sandbox/clock")
        .post(new FormBody.Builder().add("advance_seconds", "3600").build()).build(), 200));
    assertThat(moved).containsEntry("advanced_seconds", 3600.0);
  }

  @Test
  void theControlPortListsEverySimulatorAndDrivesTheSftpServer() throws Exception {
    String control = urls.get("control");
    Map<String, Object> all = json(call(new Request.Builder().url(control).build(), 200));
    assertThat(all).containsOnlyKeys("stripe", "chargebee", "syspro", "sapb1", "acumatica", "sftp");

    URI sftp = URI.create(urls.get("sftp"));
    try (SSHClient ssh = new SSHClient()) {
      ssh.addHostKeyVerifier(new PromiscuousVerifier());
      ssh.connect(sftp.getHost(), sftp.getPort());
      ssh.authPassword("stampli", "sandbox");
      try (SFTPClient client = ssh.newSFTPClient()) {
        List<String> names = client.ls("/outbound").stream().map(RemoteResourceInfo::getName).toList();
        assertThat(names).contains("invoices-sandbox-0001.csv");

        call(new Request.Builder().url(control + "/sftp/faults")
            .post(new FormBody.Builder().add("fail_next", "1").add("fault", "SERVER_ERROR").build()).build(), 200);
        assertThatThrownBy(() -> client.ls("/outbound")).isInstanceOf(IOException.class);
      }
    }
    Map<String, Object> info = json(call(new Request.Builder().url(control + "/sftp/info").build(), 200));
    assertThat(((Number) info.get("faults_injected")).longValue()).isEqualTo(1);
  }

  private static String call(Request request, int expectedStatus) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      String body = r.body() == null ? "" : r.body().string();
      assertThat(r.code()).as("%s %s answered %s", request.method(), request.url(), body).isEqualTo(expectedStatus);
      return body;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String body) throws IOException {
    return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(body);
  }
}
