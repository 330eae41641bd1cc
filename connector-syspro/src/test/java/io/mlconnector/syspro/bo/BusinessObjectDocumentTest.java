package io.mlconnector.syspro.bo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BusinessObjectDocumentTest {

  @Test
  void eachDocumentNamesItsRootAndParametersElementAfterItsXmlRoot() {
    assertThat(new ArPaymentPost().rootElement()).isEqualTo("PostArPayment");
    assertThat(new ApInvoicePost().rootElement()).isEqualTo("PostApInvoice");
    assertThat(new GlJournalPost().rootElement()).isEqualTo("PostGlJournal");
    assertThat(new ArCustomerSetup().rootElement()).isEqualTo("SetupArCustomer");
    assertThat(new ApSupplierSetup().rootElement()).isEqualTo("SetupApSupplier");
    assertThat(new ArCustomerQuery().rootElement()).isEqualTo("Query");
    assertThat(ComfndQuery.of("ArCustomer", "Customer").rootElement()).isEqualTo("Query");
    assertThat(ComfndQuery.of("ArCustomer", "Customer").businessObject()).isEqualTo("COMFND");
    assertThat(new ArPaymentPost().businessObject()).isEqualTo("ARSTPY");
  }

  @Test
  void aDocumentWithoutAnXmlRootMustNameItsRoot() {
    BusinessObjectDocument unbound = () -> "ARSTPY";

    assertThatThrownBy(unbound::rootElement)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no @XmlRootElement")
        .hasMessageContaining("override rootElement()");
  }
}
