package io.mlconnector.core.model;

import static io.mlconnector.core.model.Fixtures.USD;
import static io.mlconnector.core.model.Fixtures.stripe;
import static io.mlconnector.core.model.Fixtures.syspro;
import static io.mlconnector.core.model.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules every canonical record shares: a ref, a non-blank version, named errors. */
class RecordValidationTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 5);

  static Stream<Arguments> everyRecordType() {
    return Stream.of(
        record(
            "Customer",
            (ref, v) -> Customer.builder().ref(ref).version(v).name("Acme Trading").build()),
        record("Vendor", (ref, v) -> Vendor.builder().ref(ref).version(v).name("Supplies").build()),
        record(
            "Invoice",
            (ref, v) ->
                Invoice.builder()
                    .ref(ref)
                    .version(v)
                    .customer(syspro("customer", "C1"))
                    .issueDate(DAY)
                    .currency(USD)
                    .addLine(InvoiceLine.of(1, "x", usd("1")))
                    .build()),
        record(
            "Payment",
            (ref, v) ->
                Payment.builder()
                    .ref(ref)
                    .version(v)
                    .method(Payment.Method.CARD)
                    .amount(usd("1"))
                    .date(DAY)
                    .build()),
        record(
            "Refund",
            (ref, v) -> Refund.builder().ref(ref).version(v).amount(usd("1")).date(DAY).build()),
        record(
            "Dispute",
            (ref, v) ->
                Dispute.builder()
                    .ref(ref)
                    .version(v)
                    .payment(stripe("charge", "ch_1"))
                    .status(Dispute.Status.NEEDS_RESPONSE)
                    .amount(usd("1"))
                    .openedOn(DAY)
                    .build()),
        record(
            "Fee",
            (ref, v) -> Fee.builder().ref(ref).version(v).amount(usd("0.30")).date(DAY).build()),
        record(
            "Payout",
            (ref, v) ->
                Payout.builder()
                    .ref(ref)
                    .version(v)
                    .amount(usd("1"))
                    .createdOn(DAY)
                    .arrivalDate(DAY)
                    .build()),
        record(
            "JournalEntry",
            (ref, v) ->
                JournalEntry.builder()
                    .ref(ref)
                    .version(v)
                    .postingDate(DAY)
                    .debit(syspro("gl-account", "1"), usd("1"))
                    .credit(syspro("gl-account", "2"), usd("1"))
                    .build()),
        record(
            "GlAccount", (ref, v) -> GlAccount.of(ref, v, "4000", "Sales", GlAccount.Type.REVENUE)),
        record("CostCenter", (ref, v) -> CostCenter.of(ref, v, "FIN", "Finance")));
  }

  private static Arguments record(
      String type, BiFunction<ExternalRef, String, CanonicalRecord> factory) {
    return Arguments.of(type, factory);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRecordType")
  void carriesItsRefAndVersion(
      String type, BiFunction<ExternalRef, String, CanonicalRecord> factory) {
    ExternalRef ref = syspro(type.toLowerCase(), "R-1");
    CanonicalRecord record = factory.apply(ref, "2026-11-05T08:00:00Z");
    assertThat(record.ref()).isEqualTo(ref);
    assertThat(record.version()).isEqualTo("2026-11-05T08:00:00Z");
    assertThat(record).isEqualTo(factory.apply(ref, "2026-11-05T08:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRecordType")
  void refusesABlankVersion(String type, BiFunction<ExternalRef, String, CanonicalRecord> factory) {
    ExternalRef ref = syspro("x", "R-1");
    assertThatThrownBy(() -> factory.apply(ref, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(type)
        .hasMessageEndingWith("version must not be blank");
    assertThatThrownBy(() -> factory.apply(ref, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageEndingWith("version must not be null");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRecordType")
  void refusesAMissingRef(String type, BiFunction<ExternalRef, String, CanonicalRecord> factory) {
    assertThatThrownBy(() -> factory.apply(null, "1"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(type + ".ref must not be null");
  }

  @Test
  void blankIdsAreRefused() {
    assertThatThrownBy(() -> ExternalRef.of("syspro", "acme", "customer", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be blank");
    assertThatThrownBy(() -> ExternalRef.of("syspro", "", "customer", "C1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tenant must not be blank");
    assertThatThrownBy(() -> syspro("customer", "C1").withId(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be blank");
  }

  @Test
  void requiredTextIsNamed() {
    assertThatThrownBy(() -> Customer.builder().ref(syspro("customer", "C1")).version("1").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Customer.name must not be null");
    assertThatThrownBy(
            () -> Vendor.builder().ref(syspro("supplier", "S1")).version("1").name("  ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Vendor.name must not be blank");
    assertThatThrownBy(
            () ->
                Customer.builder()
                    .ref(syspro("customer", "C1"))
                    .version("1")
                    .name("Acme")
                    .email("not an address")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Customer.email must be an e-mail address but was 'not an address'");
    assertThatThrownBy(
            () ->
                Customer.builder()
                    .ref(syspro("customer", "C1"))
                    .version("1")
                    .name("Acme")
                    .taxId("")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Customer.taxId must not be blank when given (use null)");
    assertThatThrownBy(() -> GlAccount.of(syspro("gl-account", "1"), "1", "", "Sales", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GlAccount 1 number must not be blank");
    assertThatThrownBy(() -> CostCenter.of(syspro("cost-center", "1"), "1", "FIN", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("CostCenter 1 name must not be null");
  }

  @Test
  void amountsAndDatesAreChecked() {
    assertThatThrownBy(
            () ->
                Refund.builder()
                    .ref(stripe("refund", "re_1"))
                    .version("1")
                    .amount(usd("-1"))
                    .date(DAY)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Refund re_1 amount must be positive but was USD -1");
    assertThatThrownBy(
            () ->
                Dispute.builder()
                    .ref(stripe("dispute", "dp_1"))
                    .version("1")
                    .status(Dispute.Status.NEEDS_RESPONSE)
                    .amount(usd("1"))
                    .openedOn(DAY)
                    .build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Dispute dp_1 payment must not be null");
    assertThatThrownBy(
            () ->
                Fee.builder()
                    .ref(stripe("balance_transaction", "txn_1"))
                    .version("1")
                    .amount(usd("0.00"))
                    .date(DAY)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Fee txn_1 amount must not be zero");
    assertThatThrownBy(
            () ->
                Payout.builder()
                    .ref(stripe("payout", "po_1"))
                    .version("1")
                    .amount(usd("1"))
                    .createdOn(DAY)
                    .arrivalDate(DAY.minusDays(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Payout po_1 arrivalDate 2026-11-04 is before its createdOn 2026-11-05");
  }

  @Test
  void addressesAreValidatedAndCopied() {
    List<String> lines = new ArrayList<>(List.of("1 Main Road"));
    Address a = new Address(lines, "Cape Town", null, "8001", "ZA");
    lines.add("changed");
    assertThat(a.lines()).containsExactly("1 Main Road");
    assertThatThrownBy(() -> a.lines().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Address.builder().line("a").line("b").country("US").build().lines())
        .containsExactly("a", "b");

    assertThatThrownBy(() -> new Address(null, null, null, null, "South Africa"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Address.country must be an ISO 3166-1 alpha-2 code such as US but was 'South Africa'");
    assertThatThrownBy(() -> new Address(List.of(), null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Address must have at least one part (use null for none)");
    assertThatThrownBy(() -> Address.builder().line(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Address.lines[0] must not be blank");
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> new Address(withNull, "x", null, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Address.lines[0] must not be null");
  }

  @Test
  void disputeStatusesKnowWhenTheyAreFinal() {
    assertThat(Dispute.Status.WON.isFinal()).isTrue();
    assertThat(Dispute.Status.LOST.isFinal()).isTrue();
    assertThat(Dispute.Status.UNDER_REVIEW.isFinal()).isFalse();
    assertThat(Dispute.Status.INQUIRY.isFinal()).isFalse();
  }
}
