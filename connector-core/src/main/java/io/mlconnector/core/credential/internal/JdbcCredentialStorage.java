package io.mlconnector.core.credential.internal;

import io.mlconnector.core.credential.CredentialException;
import io.mlconnector.core.credential.CredentialId;
import io.mlconnector.core.credential.CredentialStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Envelopes in one table ({@code tenant_id, system_name, envelope, updated_at}, primary key on the
 * first two), created if missing. Plain SQL that H2 and PostgreSQL both run; every statement
 * commits on its own. Upserts try an update first and insert when no row matched, retrying the
 * update once if a concurrent insert won the race.
 */
public final class JdbcCredentialStorage implements CredentialStorage {
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final DataSource dataSource;
  private final String table;

  public JdbcCredentialStorage(DataSource dataSource, String table) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(table, "table");
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("table must be an SQL identifier like mlc_credential, was \"" + table + '"');
    }
    this.table = table;
    createTable();
  }

  private void createTable() {
    String ddl =
        "CREATE TABLE IF NOT EXISTS " + table + " ("
            + "tenant_id VARCHAR(200) NOT NULL, "
            + "system_name VARCHAR(200) NOT NULL, "
            + "envelope VARCHAR(100000) NOT NULL, "
            + "updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL, "
            + "PRIMARY KEY (tenant_id, system_name))";
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(ddl);
    } catch (SQLException e) {
      throw failure("cannot create table " + table, e);
    }
  }

  @Override
  public Optional<String> read(CredentialId id) {
    Objects.requireNonNull(id, "id");
    String sql = "SELECT envelope FROM " + table + " WHERE tenant_id = ? AND system_name = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id.tenant());
      ps.setString(2, id.system());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("cannot read credentials of " + id, e);
    }
  }

  @Override
  public void write(CredentialId id, String envelope) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(envelope, "envelope");
    try (Connection c = dataSource.getConnection()) {
      if (update(c, id, envelope)) {
        return;
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO " + table + " (tenant_id, system_name, envelope) VALUES (?, ?, ?)")) {
        ps.setString(1, id.tenant());
        ps.setString(2, id.system());
        ps.setString(3, envelope);
        ps.executeUpdate();
      } catch (SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("23") && update(c, id, envelope)) {
          return; // a concurrent insert won; our value replaces it
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failure("cannot write credentials of " + id, e);
    }
  }

  private boolean update(Connection c, CredentialId id, String envelope) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE " + table + " SET envelope = ?, updated_at = CURRENT_TIMESTAMP WHERE tenant_id = ? AND system_name = ?")) {
      ps.setString(1, envelope);
      ps.setString(2, id.tenant());
      ps.setString(3, id.system());
      return ps.executeUpdate() > 0;
    }
  }

  @Override
  public boolean replace(CredentialId id, String expected, String replacement) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(replacement, "replacement");
    String sql =
        "UPDATE " + table + " SET envelope = ?, updated_at = CURRENT_TIMESTAMP"
            + " WHERE tenant_id = ? AND system_name = ? AND envelope = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, replacement);
      ps.setString(2, id.tenant());
      ps.setString(3, id.system());
      ps.setString(4, expected);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw failure("cannot replace credentials of " + id, e);
    }
  }

  @Override
  public boolean delete(CredentialId id) {
    Objects.requireNonNull(id, "id");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ? AND system_name = ?")) {
      ps.setString(1, id.tenant());
      ps.setString(2, id.system());
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw failure("cannot delete credentials of " + id, e);
    }
  }

  @Override
  public Set<CredentialId> ids() {
    Set<CredentialId> ids = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT tenant_id, system_name FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(CredentialId.of(rs.getString(1), rs.getString(2)));
      }
      return ids;
    } catch (SQLException e) {
      throw failure("cannot list credentials in " + table, e);
    }
  }

  /** SQL messages can quote bound values (an envelope): keep only the state and error code. */
  private static CredentialException failure(String what, SQLException e) {
    return new CredentialException(what + " (SQLState " + e.getSQLState() + ", error " + e.getErrorCode() + ")");
  }

  @Override
  public String toString() {
    return "CredentialStorage[jdbc table " + table + "]";
  }
}
