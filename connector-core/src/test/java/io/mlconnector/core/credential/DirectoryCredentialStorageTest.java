package io.mlconnector.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCredentialStorageTest {
  @TempDir Path dir;

  private final KeyProvider keys = KeyProvider.of("k1", Map.of("k1", TestKeys.aes(1)));

  @Test
  void credentialsSurviveARestartAndAreEncryptedOnDisk() throws Exception {
    Path credentials = dir.resolve("credentials");
    CredentialStore first = CredentialStore.builder(keys).storage(CredentialStorage.directory(credentials)).build();
    first.put("acme corp/eu", "stripe", Credentials.of("apiKey", Secret.of("sk_live_on_disk_123")));
    first.put("acme corp/eu", "syspro", Credentials.of("operatorPassword", Secret.of("syspro-pw")));

    CredentialStore second = CredentialStore.builder(keys).storage(CredentialStorage.directory(credentials)).build();
    assertThat(second.require("acme corp/eu", "stripe").get("apiKey").reveal()).isEqualTo("sk_live_on_disk_123");
    assertThat(CredentialStorage.directory(credentials).ids())
        .containsExactlyInAnyOrder(CredentialId.of("acme corp/eu", "stripe"), CredentialId.of("acme corp/eu", "syspro"));

    try (Stream<Path> files = Files.list(credentials)) {
      for (Path file : files.toList()) {
        String content = Files.readString(file);
        assertThat(content).doesNotContain("sk_live").doesNotContain("syspro-pw");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
      }
    }
  }

  @Test
  void longTenantAndSystemNamesFit() {
    CredentialStorage storage = CredentialStorage.directory(dir);
    CredentialId id = CredentialId.of("t".repeat(200), "s\u00e9".repeat(100));
    storage.write(id, "ENVELOPE");
    assertThat(storage.read(id)).contains("ENVELOPE");
    assertThat(storage.ids()).containsExactly(id);
  }

  @Test
  void replaceIsCompareAndSetAndDeleteRemovesTheFile() {
    CredentialStorage storage = CredentialStorage.directory(dir);
    CredentialId id = CredentialId.of("acme", "stripe");
    storage.write(id, "AAAA");
    assertThat(storage.replace(id, "BBBB", "CCCC")).isFalse();
    assertThat(storage.replace(id, "AAAA", "CCCC")).isTrue();
    assertThat(storage.read(id)).contains("CCCC");
    assertThat(storage.delete(id)).isTrue();
    assertThat(storage.delete(id)).isFalse();
    assertThat(storage.read(id)).isEmpty();
    assertThat(storage.ids()).isEmpty();
  }
}
