package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.Customer;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer source reads the tax registration number from the configured column. */
class SysproCustomerTaxIdTest {

  private static List<Customer> read(PollSource<Customer> source) {
    return source.read(new PollRequest(null, Duration.ZERO, 50)).records();
  }

  private static void seed(SimFixture f) {
    f.sim.addCustomer(
        io.mlconnector.testkit.syspro.Customer.of("C001", "Café Zürich")
            .withCurrency("EUR")
            .withTaxId("CHE-123.456.789 MWST"));
    f.sim.addCustomer(io.mlconnector.testkit.syspro.Customer.of("C002", "No Tax Ltd"));
  }

  @Test
  void odataCustomersCarryTheTaxIdOfTheDefaultColumn() {
    try (SimFixture f = new SimFixture()) {
      seed(f);
      try (SysproClient client = f.client()) {
        assertThat(client.config().customerTaxIdColumn()).isEqualTo("TaxRegnNum");
        List<Customer> all = read(SysproSync.builder(client).build().customers());
        assertThat(all).extracting(Customer::taxId).containsExactly("CHE-123.456.789 MWST", null);
      }
    }
  }

  @Test
  void comfndCustomersCarryTheTaxIdToo() {
    try (SimFixture f = new SimFixture()) {
      seed(f);
      try (SysproClient client =
          SysproClient.create(f.transport, f.configWithoutOData().build())) {
        List<Customer> all = read(SysproSync.builder(client).build().customers());
        assertThat(all).extracting(Customer::taxId).containsExactly("CHE-123.456.789 MWST", null);
      }
    }
  }

  @Test
  void aColumnTheRowsDoNotHaveLeavesTheTaxIdEmpty() {
    try (SimFixture f = new SimFixture()) {
      seed(f);
      try (SysproClient client = f.client(c -> c.customerTaxIdColumn("TaxExemptNumber"))) {
        assertThat(read(SysproSync.builder(client).build().customers()))
            .extracting(Customer::taxId)
            .containsOnlyNulls();
      }
    }
  }

  @Test
  void aBlankColumnIsRejectedByName() {
    assertThatThrownBy(() -> SysproConfig.builder("t", "c").customerTaxIdColumn(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customerTaxIdColumn");
  }
}
