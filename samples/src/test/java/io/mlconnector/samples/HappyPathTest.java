package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.stripe.StripeMetadata;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.ArInvoiceLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SYSPRO customers and invoices reach Stripe whole; a payment comes back as one ARSTPY payment. */
class HappyPathTest {

  @Test
  void invoicesReachStripeWithTheirLinesAndAPaymentIsPostedBack() {
    try (Harness h = new Harness()) {
      List<ArInvoice> invoices = h.seed(3, 6);

      h.runOnce();

      // every customer once, with name and e-mail
      for (String code : DemoCompany.customerCodes(3)) {
        assertThat(h.stripe().countWithMetadata("customer", StripeMetadata.SOURCE_REF, "syspro:customer:" + code))
            .as("Stripe customers of " + code).isEqualTo(1);
      }
      assertThat(h.stripe().count("customer", c -> "ap@northwind.test".equals(c.get("email"))
          && "Northwind Traders".equals(c.get("name")))).isEqualTo(1);
      assertThat(h.stripe().count("customer", c -> c.get("address") instanceof Map<?, ?> a
          && "Bahnhofstrasse 12".equals(a.get("line1")) && "Zürich".equals(a.get("line2"))
          && "8001".equals(a.get("postal_code")))).isEqualTo(1);
      // every invoice once, open and sent, with the source's lines and total
      for (ArInvoice inv : invoices) {
        String ref = "syspro:ar-invoice:" + inv.customer() + "|" + inv.invoice() + "|I";
        assertThat(h.stripe().countWithMetadata("invoice", StripeMetadata.SOURCE_REF, ref)).isEqualTo(1);
        Map<String, Object> si = h.stripe().object(h.stripeInvoice(inv));
        assertThat(si.get("status")).isEqualTo("open");
        assertThat(si.get("collection_method")).isEqualTo("send_invoice");
        assertThat((Long) si.get("total")).isEqualTo(minor(inv.value(), inv));
        List<String> descriptions = lineDescriptions(si);
        long taxed = inv.lines().stream().filter(l -> l.taxValue().signum() != 0).count();
        assertThat(descriptions).hasSize(inv.lines().size() + (int) taxed);
        for (ArInvoiceLine l : inv.lines()) {
          assertThat(descriptions).anyMatch(d -> d.startsWith(l.description()));
        }
      }

      ArInvoice first = invoices.get(0);
      h.stripe().payInvoice(h.stripeInvoice(first));
      h.awaitDeliveries();
      h.runUntil(() -> h.syspro().invoiceBalance(first.customer(), first.invoice()).signum() == 0);

      assertThat(h.syspro().arPayments()).hasSize(1);
      assertThat(h.syspro().arPayments().get(0).invoice()).isEqualTo(first.invoice());
      assertThat(h.syspro().arPayments().get(0).reference()).startsWith("pi_");
      io.mlconnector.integrations.ReceivablesReconciliation report = h.reconcileWhenSettled();
      assertThat(report.lines()).hasSize(6).allMatch(l -> l.verdict() == io.mlconnector.integrations.ReceivablesReconciliation.Verdict.MATCHED);
      assertThat(h.deadLetters()).isEmpty();
    }
  }

  static long minor(BigDecimal value, ArInvoice inv) {
    return value.movePointRight(inv.customer().equals("C1004") ? 0 : 2).longValueExact();
  }

  @SuppressWarnings("unchecked")
  static List<String> lineDescriptions(Map<String, Object> invoice) {
    Map<String, Object> lines = (Map<String, Object>) invoice.get("lines");
    return ((List<Map<String, Object>>) lines.get("data")).stream().map(l -> (String) l.get("description")).toList();
  }
}
