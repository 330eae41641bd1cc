package io.mlconnector.core.state.internal;

import io.mlconnector.core.state.StateStoreException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** The SQL dialects the JDBC state store speaks, detected from the database's metadata. */
public enum Dialect {
  /** H2 2.x (the embedded default). */
  H2("CHARACTER VARYING", "CHARACTER LARGE OBJECT"),
  /** PostgreSQL 11 or later. */
  POSTGRESQL("TEXT", "TEXT");

  private final String textType;
  private final String largeTextType;

  Dialect(String textType, String largeTextType) {
    this.textType = textType;
    this.largeTextType = largeTextType;
  }

  /** The dialect of the connected database, or a clear error for an unsupported one. */
  public static Dialect detect(DatabaseMetaData meta) throws SQLException {
    String product = meta.getDatabaseProductName();
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (name.equals("h2")) {
      if (meta.getDatabaseMajorVersion() < 2) {
        throw new StateStoreException(
            "H2 " + meta.getDatabaseProductVersion() + " is not supported; use H2 2.x", null);
      }
      return H2;
    }
    if (name.equals("postgresql")) {
      return POSTGRESQL;
    }
    throw new StateStoreException(
        "unsupported database " + product + "; the JDBC state store supports H2 and PostgreSQL",
        null);
  }

  /** Column type for unbounded short text (errors, notes, attributes). */
  public String textType() {
    return textType;
  }

  /** Column type for large text (webhook payloads, retry payloads). */
  public String largeTextType() {
    return largeTextType;
  }

  /**
   * A query that runs {@code update} and returns {@code columns} of the rows it changed: {@code
   * UPDATE ... RETURNING} on PostgreSQL, a {@code FINAL TABLE} data change delta table on H2.
   */
  public String updateReturning(String update, String columns) {
    return this == POSTGRESQL
        ? update + " RETURNING " + columns
        : "SELECT " + columns + " FROM FINAL TABLE (" + update + ")";
  }
}
