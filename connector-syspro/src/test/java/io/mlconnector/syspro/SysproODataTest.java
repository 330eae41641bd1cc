package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.odata.ODataDialect;
import io.mlconnector.core.odata.ODataFilter;
import io.mlconnector.core.odata.ODataQuery;
import io.mlconnector.testkit.syspro.Customer;
import io.mlconnector.testkit.syspro.ODataPaging;
import io.mlconnector.testkit.syspro.SysproTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class SysproODataTest {

  @Test
  void readsEverythingUnderAServerCapLowerThanTheConfiguredOneWithSkipPaging() {
    try (SimFixture f =
        new SimFixture(b -> b.odataMaxPageSize(3).odataPaging(ODataPaging.CAP_ONLY))) {
      for (int i = 1; i <= 7; i++) {
        f.sim.addCustomer(Customer.of("C" + i, "Customer " + i));
      }
      try (SysproClient client = f.client()) {
        List<ODataRow> rows =
            client
                .odata()
                .readAll(
                    client.config().odataTable("ArCustomer"),
                    ODataQuery.of(ODataDialect.V4).select("Customer", "Name").orderBy("Customer"));
        assertThat(rows)
            .extracting(r -> r.textOr("Customer", ""))
            .containsExactly("C1", "C2", "C3", "C4", "C5", "C6", "C7");
      }
    }
  }

  @Test
  void followsTheServersNextLinkWhenItSendsOne() {
    try (SimFixture f =
        new SimFixture(b -> b.odataMaxPageSize(3).odataPaging(ODataPaging.NEXT_LINK))) {
      for (int i = 1; i <= 7; i++) {
        f.sim.addCustomer(Customer.of("C" + i, "Customer " + i));
      }
      try (SysproClient client = f.client()) {
        List<ODataRow> rows =
            client
                .odata()
                .readAll(
                    client.config().odataTable("ArCustomer"),
                    ODataQuery.of(ODataDialect.V4).select("Customer").orderBy("Customer"));
        assertThat(rows)
            .extracting(r -> r.textOr("Customer", ""))
            .containsExactly("C1", "C2", "C3", "C4", "C5", "C6", "C7");
        assertThat(client.odata().rowCap()).isEqualTo(5000);
      }
    }
  }

  @Test
  void entitySetNamesAreConfigurable() {
    try (SimFixture f =
        new SimFixture(b -> b.odataEntitySet(SysproTable.AR_CUSTOMER, "Customers"))) {
      f.sim.addCustomer(Customer.of("C1", "One"));
      try (SysproClient client =
          f.client(c -> c.odataTable(ODataTable.arCustomer().withEntitySet("Customers")))) {
        assertThat(
                client
                    .odata()
                    .page(
                        client.config().odataTable("ArCustomer"),
                        ODataQuery.of(ODataDialect.V4).filter(ODataFilter.eq("Customer", "C1")))
                    .items())
            .hasSize(1);
      }
    }
  }

  @Test
  void badCredentialsAndBadFiltersAreTypedErrors() {
    try (SimFixture f = new SimFixture();
        SysproClient bad =
            f.client(
                c -> c.odata(f.sim.odataServiceUri().toString(), SimFixture.OPERATOR, "nope"));
        SysproClient good = f.client()) {
      ODataTable t = good.config().odataTable("ArCustomer");
      assertThatThrownBy(() -> bad.odata().page(t, ODataQuery.of(ODataDialect.V4)))
          .isInstanceOf(AuthenticationException.class);
      assertThatThrownBy(
              () ->
                  good.odata()
                      .page(
                          t,
                          ODataQuery.of(ODataDialect.V4)
                              .filter(ODataFilter.eq("NoSuchColumn", "x"))))
          .isInstanceOf(RejectedException.class)
          .hasMessageContaining("HTTP 400");
    }
  }
}
