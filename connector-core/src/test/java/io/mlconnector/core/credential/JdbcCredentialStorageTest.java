package io.mlconnector.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JdbcCredentialStorageTest {
  private final KeyProvider keys = KeyProvider.of("k1", Map.of("k1", TestKeys.aes(1)));

  private static DataSource newH2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:cred" + new Random().nextInt(1_000_000) + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  private static DataSource postgres() {
    return TestPostgres.require().dataSource();
  }

  private void exercise(DataSource ds, String table) throws Exception {
    CredentialStorage storage = CredentialStorage.jdbc(ds, table);
    CredentialStore store = CredentialStore.builder(keys).storage(storage).build();

    store.put("acme", "stripe", Credentials.of("apiKey", Secret.of("sk_jdbc_secret")));
    store.put("acme", "stripe", Credentials.of("apiKey", Secret.of("sk_jdbc_secret_2")));
    store.put("globex", "sap-b1", Credentials.builder().put("UserName", "manager").put("Password", "b1-pw").build());

    // A second storage over the same table (another node) sees the same credentials.
    CredentialStore other = CredentialStore.builder(keys).storage(CredentialStorage.jdbc(ds, table)).build();
    assertThat(other.require("acme", "stripe").get("apiKey").reveal()).isEqualTo("sk_jdbc_secret_2");
    assertThat(storage.ids()).containsExactlyInAnyOrder(CredentialId.of("acme", "stripe"), CredentialId.of("globex", "sap-b1"));

    String current = storage.read(CredentialId.of("acme", "stripe")).orElseThrow();
    assertThat(storage.replace(CredentialId.of("acme", "stripe"), "stale", "x")).isFalse();
    assertThat(storage.replace(CredentialId.of("acme", "stripe"), current, current)).isTrue();

    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT envelope FROM " + table)) {
      int rows = 0;
      while (rs.next()) {
        rows++;
        assertThat(rs.getString(1)).doesNotContain("sk_jdbc").doesNotContain("b1-pw");
      }
      assertThat(rows).isEqualTo(2);
    }
    assertThat(store.delete("acme", "stripe")).isTrue();
    assertThat(store.get("acme", "stripe")).isEmpty();
  }

  @Test
  void embeddedH2() throws Exception {
    exercise(newH2(), "mlc_credential");
  }

  @Test
  void realPostgresql() throws Exception {
    DataSource ds = postgres();
    String table = "mlc_credential_t" + Long.toHexString(new Random().nextLong() & 0xffffffffL);
    try {
      exercise(ds, table);
    } finally {
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + table);
      }
    }
  }

  @Test
  void badTableNameIsRefused() {
    assertThatThrownBy(() -> CredentialStorage.jdbc(newH2(), "x; DROP TABLE y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("table must be an SQL identifier");
  }
}
