package io.mlconnector.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans every message and toString the credential API produces for secret text. */
class NoSecretLeakTest {
  private static final String API_KEY = "sk_live_LEAKCHECK_4242";
  private static final String PASSWORD = "hunter2-LEAKCHECK";
  private static final String KEY_B64 = TestKeys.base64(7);

  @TempDir Path dir;

  private final List<String> seen = new ArrayList<>();

  private void record(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      seen.add(String.valueOf(c.getMessage()));
      seen.add(c.toString());
    }
  }

  private void attempt(Runnable r) {
    try {
      r.run();
      seen.add("no exception");
    } catch (RuntimeException e) {
      record(e);
    }
  }

  @Test
  void noMessageOrToStringContainsASecret() {
    KeyProvider keys = KeyProvider.fromEnvironment("k7", Map.of("MLC_KEY_K7", KEY_B64)::get);
    CredentialStorage storage = CredentialStorage.directory(dir);
    CredentialStore store = CredentialStore.builder(keys).storage(storage).build();
    Credentials credentials = Credentials.builder().put("apiKey", API_KEY).put("password", Secret.of(PASSWORD)).build();
    store.put("acme", "stripe", credentials);
    String envelope = store.encrypt("acme", "stripe", credentials);
    byte[] raw = Base64.getDecoder().decode(envelope);
    raw[raw.length - 1] ^= 1;
    String tampered = Base64.getEncoder().encodeToString(raw);

    seen.add(credentials.toString());
    seen.add(credentials.get("apiKey").toString());
    seen.add(store.toString());
    seen.add(keys.toString());
    seen.add(storage.toString());
    seen.add(store.require("acme", "stripe").toString());
    attempt(() -> store.decrypt("acme", "stripe", tampered));
    attempt(() -> store.decrypt("other", "stripe", envelope));
    attempt(() -> store.decrypt("acme", "other", envelope));
    attempt(() -> store.decrypt("acme", "stripe", envelope.substring(0, 20)));
    attempt(() -> store.decrypt("acme", "stripe", API_KEY));
    attempt(() -> credentials.get("passwd"));
    attempt(() -> Credentials.builder().put("apiKey", API_KEY).put("apiKey", API_KEY));
    attempt(() -> KeyProvider.fromEnvironment("k7", Map.of("MLC_KEY_K7", KEY_B64.substring(0, 20))::get));
    attempt(() -> KeyProvider.fromEnvironment("k7", Map.of("MLC_KEY_K7", PASSWORD + "!")::get));
    attempt(() -> KeyProvider.fromPkcs12(dir.resolve("none.p12"), Secret.of(PASSWORD), "k7"));
    attempt(() -> CredentialStore.builder(KeyProvider.of("k8", Map.of("k8", TestKeys.aes(8)))).build()
        .decrypt("acme", "stripe", envelope));

    assertThat(seen).hasSizeGreaterThan(20);
    for (String text : seen) {
      assertThat(text)
          .doesNotContain(API_KEY)
          .doesNotContain("LEAKCHECK")
          .doesNotContain(KEY_B64.substring(0, 20))
          .doesNotContain(envelope.substring(30, 60));
    }
  }
}
