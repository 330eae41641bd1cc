package io.mlconnector.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a receivables integration needs of every {@link ReceivablesLedger}, run against the ERP's
 * simulator: the provider names its system and record types; customers and AR invoices are read in
 * pages with refs the provider recognises; an invoice is fetched again by its ref; a payment applied
 * to an open invoice lowers its open balance by exactly the amount paid and is found again by its
 * stamp.
 *
 * <pre>{@code
 * class SysproLedgerContractTest extends ReceivablesLedgerContract {
 *   protected ReceivablesLedger.Provider provider() { return SysproLedger.provider(t -> ledger); }
 *   protected String tenant() { return "acme"; }
 *   protected String seedOpenInvoice() { simulator.addCustomer(...); simulator.addArInvoice(...); return "100001"; }
 * }
 * }</pre>
 */
public abstract class ReceivablesLedgerContract {
  private ReceivablesLedger.Provider provider;
  private ReceivablesLedger ledger;

  /**
   * The provider under test, over a client of the ERP's simulator.
   *
   * @return the provider; called once before each test
   */
  protected abstract ReceivablesLedger.Provider provider();

  /**
   * The tenant the provider serves in the test.
   *
   * @return the tenant id
   */
  protected abstract String tenant();

  /**
   * Seeds one customer with one open (unpaid) AR invoice in the ERP's simulator, of a positive total
   * in a currency with two decimals, and returns the invoice's number.
   *
   * @return the invoice's number as the ERP shows it (what {@link Invoice#number()} reads back)
   */
  protected abstract String seedOpenInvoice();

  /**
   * The system the test payments come from (default {@code contract}).
   *
   * @return the system name of the payments' refs, lower case
   */
  protected String collectorSystem() {
    return "contract";
  }

  @BeforeEach
  void openLedger() {
    provider = provider();
    ledger = provider.forTenant(tenant());
  }

  @Test
  void theProviderNamesItsSystemAndRecordTypes() {
    assertThat(provider.system()).isNotBlank().isEqualTo(provider.system().toLowerCase(Locale.ROOT));
    assertThat(provider.customerType()).isNotBlank();
    assertThat(provider.invoiceType()).isNotBlank().isNotEqualTo(provider.customerType());
  }

  @Test
  void customersAndInvoicesAreReadWithRefsTheProviderRecognises() {
    String number = seedOpenInvoice();
    List<Customer> customers = readAll(ledger.customers());
    assertThat(customers).as("customers read").isNotEmpty().allSatisfy(c -> {
      assertThat(c.ref().system()).isEqualTo(provider.system());
      assertThat(c.ref().type()).isEqualTo(provider.customerType());
      assertThat(c.ref().tenant()).isEqualTo(tenant());
    });
    Invoice invoice = invoice(number);
    assertThat(provider.isInvoice(invoice.ref())).as("isInvoice(" + invoice.ref() + ")").isTrue();
    assertThat(invoice.ref().tenant()).isEqualTo(tenant());
    assertThat(invoice.party().type()).isEqualTo(provider.customerType());
    assertThat(customers).extracting(Customer::ref).contains(invoice.party());
    provider.customerOf(invoice.ref()).ifPresent(c -> assertThat(c).isEqualTo(invoice.party()));
    assertThat(invoice.total().isPositive()).as("total of " + number).isTrue();
    assertThat(ledger.openBalance(invoice)).as("open balance of an unpaid invoice").isEqualByComparingTo(invoice.total());
  }

  @Test
  void anInvoiceIsFetchedAgainByItsRef() {
    Invoice invoice = invoice(seedOpenInvoice());
    Optional<Invoice> again = ledger.invoices().fetch(invoice.ref());
    assertThat(again).isPresent();
    assertThat(again.get().number()).isEqualTo(invoice.number());
    assertThat(again.get().total()).isEqualByComparingTo(invoice.total());
  }

  @Test
  void aPaymentLowersTheOpenBalanceByWhatWasPaidAndIsFoundByItsStamp() {
    Invoice invoice = invoice(seedOpenInvoice());
    Money half = Money.of(invoice.total().amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN),
        invoice.currency());
    String id = "pay" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ExternalRef ref = ExternalRef.of(collectorSystem(), tenant(), "payment", id);
    Payment payment =
        Payment.builder().ref(ref).version("1").direction(Payment.Direction.RECEIVED)
            .status(Payment.Status.SUCCEEDED).method(Payment.Method.CARD).amount(half)
            .date(LocalDate.now(java.time.ZoneOffset.UTC)).reference(id)
            .party(provider.customerOf(invoice.ref()).orElse(invoice.party()))
            .apply(invoice.ref(), half).build();
    WriteContext context = new WriteContext(tenant(), "contract-payments", "op-" + id, ref, "1");
    assertThat(ledger.payments().findByStamp(ref, context)).as("before the payment is posted").isEmpty();
    WriteResult posted = ledger.payments().create(payment, context);
    assertThat(posted.target().system()).isEqualTo(provider.system());
    Invoice after = ledger.invoices().fetch(invoice.ref()).orElseThrow();
    assertThat(ledger.openBalance(after)).as("open balance after paying " + half)
        .isEqualByComparingTo(invoice.total().minus(half));
    Optional<WriteResult> found = ledger.payments().findByStamp(ref, context);
    assertThat(found).as("the posted payment, found by its stamp").isPresent();
    assertThat(found.get().target()).isEqualTo(posted.target());
  }

  /**
   * The invoice numbered {@code number}, read through the ledger's invoice source.
   *
   * @param number the invoice's number as the ERP shows it
   * @return the canonical invoice
   * @throws AssertionError if the source does not read such an invoice
   */
  protected Invoice invoice(String number) {
    return readAll(ledger.invoices()).stream().filter(i -> number.equals(i.number())).findFirst()
        .orElseThrow(() -> new AssertionError("invoice " + number + " was not read from " + provider.system()));
  }

  /**
   * Every record of {@code source}, page by page from the start.
   *
   * @param <S> the record type
   * @param source the source to read, from no checkpoint, 200 records a page
   * @return every record read, in the source's order
   * @throws AssertionError if the source still has more after 1,000 pages
   */
  protected static <S> List<S> readAll(PollSource<S> source) {
    List<S> out = new ArrayList<>();
    Checkpoint after = null;
    for (int pages = 0; pages < 1_000; pages++) {
      SourcePage<S> page = source.read(new PollRequest(after, Duration.ZERO, 200));
      out.addAll(page.records());
      if (!page.hasMore() || page.next() == null) {
        return out;
      }
      after = page.next();
    }
    throw new AssertionError("more than 1,000 pages: the source never says it has no more");
  }
}
