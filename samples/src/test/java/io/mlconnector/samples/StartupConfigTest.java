package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.credential.CredentialStorage;
import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.credential.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad setting ends {@code run} and {@code ping} with one line naming the key, the value and what
 * is allowed, status 2, no stack trace, and before anything is written.
 */
class StartupConfigTest {
  @TempDir Path tmp;

  private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String KEY_B;

  static {
    byte[] b = new byte[32];
    b[0] = 7;
    KEY_B = Base64.getEncoder().encodeToString(b);
  }

  private final Map<String, String> env = new HashMap<>(Map.of("MLC_KEY_CURRENT", "k1", "MLC_KEY_K1", KEY_A));

  private record Outcome(int status, String out, String err) {}

  private Outcome run(String command, Path config) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Function<String, String> environment = env::get;
    int status = Main.run(new String[] {command, "--config", config.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        environment);
    return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path config(String... lines) throws Exception {
    StringBuilder text = new StringBuilder("data.dir=" + tmp.resolve("data").toString().replace("\\", "/") + "\n");
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return Files.writeString(tmp.resolve("mlc.properties"), text.toString());
  }

  private static void assertOneLine(Outcome o, String... parts) {
    assertThat(o.status()).as(o.err()).isEqualTo(2);
    assertThat(o.err().strip()).doesNotContain("\n").startsWith("error: ");
    assertThat(o.err()).doesNotContain("Exception").doesNotContain("\tat ");
    for (String part : parts) {
      assertThat(o.err()).contains(part);
    }
  }

  @Test
  void aDurationWrittenInWordsIsRefusedNamingKeyValueAndWhatIsAllowed() throws Exception {
    assertOneLine(run("run", config("poll.interval=2 minutes")), "poll.interval='2 minutes'", "ISO-8601");
  }

  @Test
  void aNumberThatIsAWordIsRefused() throws Exception {
    assertOneLine(run("run", config("engine.parallelism=fast")), "engine.parallelism='fast'", "whole number");
    assertOneLine(run("ping", config("stripe.requests.per.second=fast")), "stripe.requests.per.second='fast'");
  }

  @Test
  void aMissingConfigFileIsNotFound() throws Exception {
    Path missing = tmp.resolve("nope.properties");
    assertOneLine(run("run", missing), missing.toString(), "not found");
  }

  @Test
  void nothingIsWrittenBeforeEverySettingIsChecked() throws Exception {
    Outcome o = run("run", config("stripe.api.key=sk_test_abc123", "poll.interval=-PT1M"));
    assertOneLine(o, "poll.interval='-PT1M'");
    assertThat(tmp.resolve("data")).doesNotExist();
  }

  @Test
  void aDataDirectoryThatIsAFileIsRefused() throws Exception {
    Path file = Files.writeString(tmp.resolve("data-file"), "x");
    Path config = Files.writeString(tmp.resolve("c.properties"), "data.dir=" + file + "\n");
    assertOneLine(run("run", config), "data.dir='" + file + "'", "a directory, but this is a file");
  }

  @Test
  void aMissingCurrentKeyIsRefused() throws Exception {
    env.clear();
    assertOneLine(run("run", config()), "MLC_KEY_CURRENT");
  }

  @Test
  void aKeyThatIsNotBase64OrTheWrongLengthIsRefusedWithoutShowingIt() throws Exception {
    env.put("MLC_KEY_K1", "not base64 !!");
    assertOneLine(run("run", config()), "MLC_KEY_K1", "32-byte");
    env.put("MLC_KEY_K1", Base64.getEncoder().encodeToString(new byte[16]));
    Outcome o = run("run", config());
    assertOneLine(o, "MLC_KEY_K1", "32-byte");
    assertThat(o.err()).doesNotContain(env.get("MLC_KEY_K1"));
  }

  @Test
  void theWrongKeyForAnExistingCredentialStoreIsRefused() throws Exception {
    Path dir = tmp.resolve("data").resolve("credentials");
    CredentialStore store = CredentialStore.builder(KeyProvider.fromEnvironment(Map.of(
            "MLC_KEY_CURRENT", "k1", "MLC_KEY_K1", KEY_B)::get))
        .storage(CredentialStorage.directory(dir)).build();
    store.put("default", "stripe", Credentials.builder().put("apiKey", Secret.of("sk_test_x")).build());

    assertOneLine(run("run", config()), "MLC_KEY_CURRENT='k1'", "the key the credentials under");
  }

  @Test
  void anUnreachablePostgresqlIsRefusedNamingTheUrl() throws Exception {
    Outcome o = run("run", config("store=postgresql", "store.jdbc.url=jdbc:postgresql://127.0.0.1:1/mlc",
        "stripe.api.key=sk_test_abc123"));
    assertOneLine(o, "store.jdbc.url='jdbc:postgresql://127.0.0.1:1/mlc'", "reach");
    assertThat(tmp.resolve("data").resolve("credentials")).as("no secret written").doesNotExist();
  }
}
