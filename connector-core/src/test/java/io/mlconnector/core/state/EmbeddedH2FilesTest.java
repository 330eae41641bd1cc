package io.mlconnector.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded H2 store's files: owner-only, and kept compact while the store runs. */
class EmbeddedH2FilesTest {
  @TempDir Path tmp;

  private static String perms(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void theDataDirectoryAndTheDatabaseFileAreOwnerOnly() throws Exception {
    Path dir = tmp.resolve("data").resolve("state");
    try (JdbcStateStore store = JdbcStateStore.embeddedH2(dir).build()) {
      store.saveCursor("acme", "f", "s", "customer data");
      assertThat(perms(dir)).isEqualTo("rwx------");
      assertThat(perms(dir.resolve("mlconnector.mv.db"))).isEqualTo("rw-------");
      try (var files = Files.list(dir)) {
        assertThat(files.filter(f -> f.getFileName().toString().startsWith("mlconnector.")))
            .allSatisfy(f -> assertThat(perms(f)).isEqualTo("rw-------"));
      }
    }
  }

  @Test
  void inAnExistingOpenDirectoryTheFileIsStillOwnerOnly() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("shared"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (JdbcStateStore store = JdbcStateStore.embeddedH2(dir).build()) {
      store.saveCursor("acme", "f", "s", "customer data");
      assertThat(perms(dir.resolve("mlconnector.mv.db"))).isEqualTo("rw-------");
    }
  }

  @Test
  void aDataDirectoryThatIsAFileIsRefusedClearly() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> JdbcStateStore.embeddedH2(file).build())
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is a file");
  }

  /**
   * A busy store commits every change to the file; without compaction the file grows by every
   * change (about 5 MB for this workload, whose data fits in well under 1 MB).
   */
  @Test
  void theFileStaysCompactWhileTheStoreRuns() throws Exception {
    Path dir = tmp.resolve("busy");
    String payload = "x".repeat(1500);
    try (JdbcStateStore store = JdbcStateStore.embeddedH2(dir).compactInterval(Duration.ofMillis(200)).build()) {
      for (int i = 0; i < 60; i++) {
        store.receive(InboxEvent.received("acme", "stripe/payments", "evt_" + i, "charge.succeeded",
            payload + i, Instant.now()));
        store.saveCursor("acme", "f", "s", "cp-" + i + payload.substring(0, 200));
        for (InboxEvent e : store.claimInbox("acme", "stripe/payments", "n1", Duration.ofMinutes(1), 10)) {
          store.finishInbox("acme", e.id(), InboxEvent.Status.PROCESSED, null);
        }
      }
      // the chunks written last must outlive H2's retention time before they can go; on a loaded
      // machine the background writer may hold some a while longer, so compaction gets a few tries
      long size = Long.MAX_VALUE;
      for (int attempt = 0; attempt < 10 && size >= 2L * 1024 * 1024; attempt++) {
        Thread.sleep(1_200);
        store.compact();
        size = store.fileSize().orElseThrow();
      }
      assertThat(size).isEqualTo(Files.size(dir.resolve("mlconnector.mv.db")));
      assertThat(size).as("file size in bytes").isLessThan(2L * 1024 * 1024);
    }
  }

  @Test
  void aStoreOnTheHostsDataSourceHasNoFileSize() {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:mem:nofile;DB_CLOSE_DELAY=-1");
    try (JdbcStateStore store = JdbcStateStore.builder(ds).build()) {
      assertThat(store.fileSize()).isEmpty();
      store.compact();
    }
  }
}
