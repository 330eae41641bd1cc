package io.mlconnector.core.state.internal;

import static io.mlconnector.core.state.internal.Jdbc.bind;
import static io.mlconnector.core.state.internal.Jdbc.insertUnlessDuplicate;
import static io.mlconnector.core.state.internal.Jdbc.instant;
import static io.mlconnector.core.state.internal.Jdbc.update;
import static io.mlconnector.core.state.internal.JdbcTables.ref;
import static io.mlconnector.core.state.internal.JdbcTables.prefixed;

import io.mlconnector.core.state.SeenFile;
import io.mlconnector.core.state.StateConflictException;
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

  private static final String COLUMNS =
      "name, status, recorded_at, claimant, lease_until, posted, parked, reason";

  public Optional<SeenFile> file(String tenant, String flow, String contentHash) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(contentHash, "contentHash");
    return db.jdbc.autoCommit("read a file", c -> read(c, tenant, flow, contentHash));
  }

  private Optional<SeenFile> read(Connection c, String tenant, String flow, String contentHash)
      throws SQLException {
    try (PreparedStatement ps =
            bind(
                c.prepareStatement(
                    "SELECT "
                        + COLUMNS
                        + " FROM "
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
                  stored(rs.getString("status")),
                  instant(rs, "recorded_at"),
                  rs.getString("claimant"),
                  instant(rs, "lease_until"),
                  rs.getInt("posted"),
                  rs.getInt("parked"),
                  rs.getString("reason")))
          : Optional.<SeenFile>empty();
    }
  }

  /** A stored status, reading version one's names: PROCESSING as CLAIMED, ARCHIVED as POSTED. */
  private static SeenFile.Status stored(String status) {
    return switch (status) {
      case "PROCESSING" -> SeenFile.Status.CLAIMED;
      case "ARCHIVED" -> SeenFile.Status.POSTED;
      default -> SeenFile.Status.valueOf(status);
    };
  }

  public void updateFile(String tenant, String flow, String contentHash, SeenFile.Status status) {
    move(tenant, flow, contentHash, null, status, null, null, null);
  }

  public boolean claimFile(
      String tenant, String flow, String contentHash, String name, String owner, Duration ttl) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(contentHash, "contentHash");
    Checks.notNull(name, "name");
    Checks.text(owner, "owner");
    Checks.positive(ttl, "ttl");
    Instant now = db.now();
    Instant until = now.plus(ttl);
    return db.jdbc.autoCommit(
        "claim a file",
        c ->
            update(
                        c,
                        "UPDATE "
                            + db.file
                            + " SET claimant = ?, lease_until = ?"
                            + " WHERE tenant = ? AND flow = ? AND content_hash = ?"
                            + " AND status IN ('CLAIMED', 'PARSED', 'PROCESSING')"
                            + " AND (claimant IS NULL OR claimant = ? OR lease_until IS NULL"
                            + " OR lease_until <= ?)",
                        owner,
                        until,
                        tenant,
                        flow,
                        contentHash,
                        owner,
                        now)
                    == 1
                || db.insertIgnoring(
                    c,
                    "INSERT INTO "
                        + db.file
                        + " (tenant, flow, content_hash, name, status, recorded_at, claimant,"
                        + " lease_until, posted, parked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)",
                    tenant,
                    flow,
                    contentHash,
                    name,
                    SeenFile.Status.CLAIMED.name(),
                    now,
                    owner,
                    until));
  }

  public void moveFile(
      String tenant,
      String flow,
      String contentHash,
      String owner,
      SeenFile.Status status,
      int posted,
      int parked,
      String reason) {
    Checks.text(owner, "owner");
    if (posted < 0 || parked < 0) {
      throw new IllegalArgumentException("posted and parked must not be negative");
    }
    move(tenant, flow, contentHash, owner, status, posted, parked, reason);
  }

  /** One conditional UPDATE; when it matches nothing, the row read says why. */
  private void move(
      String tenant,
      String flow,
      String contentHash,
      String owner,
      SeenFile.Status status,
      Integer posted,
      Integer parked,
      String reason) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(contentHash, "contentHash");
    Checks.notNull(status, "status");
    Instant now = db.now();
    List<String> from = new ArrayList<>();
    for (SeenFile.Status s : SeenFile.Status.values()) {
      if (s.next().contains(status)) {
        from.add(s.name());
      }
    }
    if (from.contains(SeenFile.Status.CLAIMED.name())) {
      from.add("PROCESSING");
    }
    db.jdbc.autoCommit(
        "move a file",
        c -> {
          int n = 0;
          if (!from.isEmpty()) {
            List<Object> args = new ArrayList<>();
            StringBuilder sql = new StringBuilder("UPDATE " + db.file + " SET status = ?");
            args.add(status.name());
            if (posted != null) {
              sql.append(", posted = ?, parked = ?, reason = ?");
              args.add(posted);
              args.add(parked);
              args.add(reason);
            }
            if (status.isFinal()) {
              sql.append(", lease_until = ?");
              args.add(now);
            }
            sql.append(" WHERE tenant = ? AND flow = ? AND content_hash = ? AND status IN (");
            sql.append(String.join(", ", from.stream().map(x -> "?").toList())).append(")");
            args.add(tenant);
            args.add(flow);
            args.add(contentHash);
            args.addAll(from);
            if (owner != null) {
              sql.append(" AND claimant = ?");
              args.add(owner);
            }
            n = update(c, sql.toString(), args.toArray());
          }
          if (n == 0) {
            SeenFile f =
                read(c, tenant, flow, contentHash)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "no file "
                                    + contentHash
                                    + " recorded for flow "
                                    + flow
                                    + " of tenant "
                                    + tenant));
            f.status().checkMove(status, contentHash);
            throw new StateConflictException(
                "file "
                    + contentHash
                    + " is claimed by "
                    + f.claimant()
                    + ", not "
                    + owner
                    + "; it stays "
                    + f.status());
          }
          return null;
        });
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
