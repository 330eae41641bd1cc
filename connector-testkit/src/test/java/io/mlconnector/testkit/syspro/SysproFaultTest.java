package io.mlconnector.testkit.syspro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.testkit.http.Fault;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SysproFaultTest {
  private SysproSimulator sim;
  private Enet enet;
  private String id;

  @BeforeEach
  void start() {
    sim = Enet.builder().start();
    sim.addCustomer(Customer.of("CUS1", "Faulty"));
    sim.addArInvoice(
        ArInvoice.of("CUS1", "INV1", LocalDate.of(2024, 1, 2), new BigDecimal("100.00")));
    enet = new Enet(sim);
    id = enet.logon();
  }

  @AfterEach
  void close() {
    sim.close();
  }

  private String[] payment() {
    return new String[] {
      "UserId",
      id,
      "BusinessObject",
      "ARSTPY",
      "XmlParameters",
      "",
      "XmlIn",
      "<PostArPayment><Item><Payment><Customer>CUS1</Customer><PaymentValue>40.00</PaymentValue>"
          + "<Reference>ch_1</Reference><InvoiceToPay><Invoice>INV1</Invoice><GrossPaymentValue>40.00"
          + "</GrossPaymentValue></InvoiceToPay></Payment></Item></PostArPayment>"
    };
  }

  @Test
  void anInjectedServerErrorIsA500AndChangesNothing() throws Exception {
    sim.faults().failNext(1, Fault.SERVER_ERROR);
    try (Response r = enet.call("/Transaction/Post", payment())) {
      assertThat(r.code()).isEqualTo(500);
    }
    assertThat(sim.invoiceBalance("CUS1", "INV1")).isEqualByComparingTo("100.00");
    assertThat(Enet.x(enet.get("/Transaction/Post", payment()), "//ItemsProcessed")).isEqualTo("1");
  }

  @Test
  void aDroppedConnectionChangesNothing() {
    sim.faults().failNext(1, Fault.CONNECTION_DROP);
    assertThatThrownBy(() -> enet.call("/Transaction/Post", payment()).close())
        .isInstanceOf(IOException.class);
    assertThat(sim.invoiceBalance("CUS1", "INV1")).isEqualByComparingTo("100.00");
  }

  @Test
  void aResponseLostAfterCommitLeavesThePaymentPosted() {
    sim.faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);
    assertThatThrownBy(() -> enet.call("/Transaction/Post", payment()).close())
        .isInstanceOf(IOException.class);
    assertThat(sim.invoiceBalance("CUS1", "INV1")).isEqualByComparingTo("60.00");
    assertThat(sim.arPaymentsWithReference("ch_1")).hasSize(1);
    assertThat(sim.faults().injectedCount()).isEqualTo(1);
    enet.logoff(id);
    assertThat(sim.seatsInUse()).isZero();
  }
}
