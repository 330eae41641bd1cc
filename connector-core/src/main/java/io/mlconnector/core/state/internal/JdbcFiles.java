package io.mlconnector.core.state.internal;

import static io.mlconnector.core.state.internal.Jdbc.bind;
import static io.mlconnector.core.state.internal.Jdbc.insertUnlessDuplicate;
import static io.mlconnector.core.state.internal.Jdbc.instant;
import static io.mlconnector.core.state.internal.Jdbc.update;
import static io.mlconnector.core.state.internal.JdbcTables.ref;
import static io.mlconnector.core.state.internal.JdbcTables.prefixed;

import io.mlconnector.core.state.SeenFile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The seen-files ledger: files by content hash, and the natural keys of documents claimed. */
final class JdbcFiles {
  private final JdbcTables db;

  JdbcFiles(JdbcTables db) {
    this.db = db;
  }

  public boolean recordFile(SeenFile file) {
    Checks.notNull(file, "file");
    return db.jdbc.autoCommit(
        "record a file",
        c ->
            db.insertIgnoring(
                c,
                "INSERT INTO "
                    + db.file
                    + " (tenant, flow, content_hash, name, status, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)",
                file.tenant(),
                file.flow(),
                file.contentHash(),
                file.name(),
                file.status().name(),
                file.recordedAt()));
  }

  public Optional<SeenFile> file(String tenant, String flow, String contentHash) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(contentHash, "contentHash");
    return db.jdbc.autoCommit(
        "read a file",
        c -> {
          try (PreparedStatement ps =
                  bind(
                      c.prepareStatement(
                          "SELECT name, status, recorded_at FROM "
                              + db.file
                              + " WHERE tenant = ? AND flow = ? AND content_hash = ?"),
                      tenant,
                      flow,
                      contentHash);
              ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(
                    new SeenFile(
                        tenant,
                        flow,
                        contentHash,
                        rs.getString("name"),
                        SeenFile.Status.valueOf(rs.getString("status")),
                        instant(rs, "recorded_at")))
                : Optional.<SeenFile>empty();
          }
        });
  }

  public void updateFile(String tenant, String flow, String contentHash, SeenFile.Status status) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(contentHash, "contentHash");
    Checks.notNull(status, "status");
    int n =
        db.jdbc.autoCommit(
            "update a file",
            c ->
                update(
                    c,
                    "UPDATE "
                        + db.file
                        + " SET status = ? WHERE tenant = ? AND flow = ? AND content_hash = ?",
                    status.name(),
                    tenant,
                    flow,
                    contentHash));
    if (n == 0) {
      throw new IllegalArgumentException(
          "no file " + contentHash + " recorded for flow " + flow + " of tenant " + tenant);
    }
  }

  public boolean claimDocument(String tenant, String flow, String naturalKey, String contentHash) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(naturalKey, "naturalKey");
    Checks.text(contentHash, "contentHash");
    Instant now = db.now();
    return db.jdbc.autoCommit(
        "claim a document key",
        c ->
            db.insertIgnoring(
                c,
                "INSERT INTO "
                    + db.document
                    + " (tenant, flow, natural_key, content_hash, claimed_at)"
                    + " VALUES (?, ?, ?, ?, ?)",
                tenant,
                flow,
                naturalKey,
                contentHash,
                now));
  }
}
