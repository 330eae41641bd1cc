package io.mlconnector.core.odata;

import static io.mlconnector.core.odata.ODataFilter.and;
import static io.mlconnector.core.odata.ODataFilter.contains;
import static io.mlconnector.core.odata.ODataFilter.endsWith;
import static io.mlconnector.core.odata.ODataFilter.eq;
import static io.mlconnector.core.odata.ODataFilter.ge;
import static io.mlconnector.core.odata.ODataFilter.gt;
import static io.mlconnector.core.odata.ODataFilter.le;
import static io.mlconnector.core.odata.ODataFilter.lt;
import static io.mlconnector.core.odata.ODataFilter.ne;
import static io.mlconnector.core.odata.ODataFilter.not;
import static io.mlconnector.core.odata.ODataFilter.or;
import static io.mlconnector.core.odata.ODataFilter.startsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ODataFilterTest {
  @Test
  void singleQuotesInStringsAreDoubled() {
    assertThat(eq("CardName", "O'Brien's").render(ODataDialect.V4)).isEqualTo("CardName eq 'O''Brien''s'");
    assertThat(eq("CardName", "''").render(ODataDialect.V3)).isEqualTo("CardName eq ''''''");
    // An injection attempt stays inside the literal.
    assertThat(eq("CardCode", "x' or 1 eq 1 or 'a").render(ODataDialect.SAP_B1))
        .isEqualTo("CardCode eq 'x'' or 1 eq 1 or ''a'");
    assertThat(startsWith("CardCode", "c'").render(ODataDialect.SAP_B1)).isEqualTo("startswith(CardCode,'c''')");
  }

  @Test
  void comparisonOperatorsAndScalarLiterals() {
    assertThat(ne("Status", "Active").render(ODataDialect.V4)).isEqualTo("Status ne 'Active'");
    assertThat(gt("DocEntry", 100).render(ODataDialect.V4)).isEqualTo("DocEntry gt 100");
    assertThat(ge("Hold", false).render(ODataDialect.V4)).isEqualTo("Hold ge false");
    assertThat(lt("Amount", new BigDecimal("10.50")).render(ODataDialect.V4)).isEqualTo("Amount lt 10.50");
    assertThat(le("Amount", new BigDecimal("10.50")).render(ODataDialect.ACUMATICA)).isEqualTo("Amount le 10.50M");
    assertThat(eq("Email", null).render(ODataDialect.V4)).isEqualTo("Email eq null");
    assertThat(eq("Rate", 1.5d).render(ODataDialect.V4)).isEqualTo("Rate eq 1.5");
    assertThat(eq("Rate", 1.5d).render(ODataDialect.V3)).isEqualTo("Rate eq 1.5d");
    assertThat(eq("Big", 5_000_000_000L).render(ODataDialect.V3)).isEqualTo("Big eq 5000000000L");
    assertThat(eq("Big", 5_000_000_000L).render(ODataDialect.V4)).isEqualTo("Big eq 5000000000");
    assertThat(eq("Small", 5L).render(ODataDialect.V3)).isEqualTo("Small eq 5");
  }

  @Test
  void guidsPerDialect() {
    UUID id = UUID.fromString("1af4d140-5321-41f2-a2ec-50b67f577c6c");
    assertThat(eq("id", id).render(ODataDialect.V4)).isEqualTo("id eq 1af4d140-5321-41f2-a2ec-50b67f577c6c");
    assertThat(eq("id", id).render(ODataDialect.V3)).isEqualTo("id eq guid'1af4d140-5321-41f2-a2ec-50b67f577c6c'");
    assertThat(eq("id", id).render(ODataDialect.ACUMATICA)).isEqualTo("id eq guid'1af4d140-5321-41f2-a2ec-50b67f577c6c'");
  }

  @Test
  void stringFunctionsPerDialect() {
    assertThat(contains("Name", "a'b").render(ODataDialect.V4)).isEqualTo("contains(Name,'a''b')");
    assertThat(contains("Name", "a'b").render(ODataDialect.V3)).isEqualTo("substringof('a''b',Name)");
    assertThat(contains("Name", "x").render(ODataDialect.ACUMATICA)).isEqualTo("substringof('x',Name)");
    assertThat(endsWith("MainContact/Email", "@example.com").render(ODataDialect.ACUMATICA))
        .isEqualTo("endswith(MainContact/Email,'@example.com')");
  }

  @Test
  void logicalOperatorsGetParenthesesOnlyWhereNeeded() {
    ODataFilter f = and(eq("A", 1), or(eq("B", 2), eq("C", 3)), eq("D", 4));
    assertThat(f.render(ODataDialect.V4)).isEqualTo("A eq 1 and (B eq 2 or C eq 3) and D eq 4");

    ODataFilter g = or(and(eq("A", 1), eq("B", 2)), eq("C", 3));
    assertThat(g.render(ODataDialect.V4)).isEqualTo("(A eq 1 and B eq 2) or C eq 3");

    assertThat(not(or(eq("A", 1), eq("B", 2))).render(ODataDialect.V4)).isEqualTo("not (A eq 1 or B eq 2)");
    assertThat(eq("A", 1).and(eq("B", 2)).or(eq("C", 3)).render(ODataDialect.V4))
        .isEqualTo("(A eq 1 and B eq 2) or C eq 3");
    assertThat(ODataFilter.raw("cf.String(f='Item.Usr') eq 'x' or Y eq 1").and(eq("A", 1)).render(ODataDialect.ACUMATICA))
        .isEqualTo("(cf.String(f='Item.Usr') eq 'x' or Y eq 1) and A eq 1");
  }

  @Test
  void inIsNativeOnlyWhereSupported() {
    ODataFilter f = ODataFilter.in("Status", List.of("Open", "Bal'anced"));
    assertThat(f.render(ODataDialect.V4)).isEqualTo("(Status eq 'Open' or Status eq 'Bal''anced')");
    assertThat(f.render(ODataDialect.V4.withInOperator(true))).isEqualTo("Status in ('Open','Bal''anced')");
    assertThat(and(f, eq("A", 1)).render(ODataDialect.V4))
        .isEqualTo("(Status eq 'Open' or Status eq 'Bal''anced') and A eq 1");
    assertThatThrownBy(() -> ODataFilter.in("Status", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values must not be empty for Status in (...)");
  }

  @Test
  void sapChangedSinceSplitsDateAndTime() {
    ODataFilter f = ODataFilter.changedSince("UpdateDate", "UpdateTime", LocalDateTime.of(2024, 1, 1, 10, 15, 42));
    assertThat(f.render(ODataDialect.SAP_B1))
        .isEqualTo("UpdateDate gt '2024-01-01' or (UpdateDate eq '2024-01-01' and UpdateTime ge '10:15')");
    assertThat(f.render(ODataDialect.SAP_B1.withTimeSeconds(true)))
        .isEqualTo("UpdateDate gt '2024-01-01' or (UpdateDate eq '2024-01-01' and UpdateTime ge '10:15:42')");
  }

  @Test
  void badFieldsAndValuesAreNamed() {
    assertThatThrownBy(() -> eq("Name eq 'x' or Name", "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field must be a property path like CardCode or MainContact/Email, was \"Name eq 'x' or Name\"");
    assertThatThrownBy(() -> eq("Kind", Thread.State.NEW).render(ODataDialect.V4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Thread$State has no OData literal")
        .hasMessageContaining("enum");
    assertThatThrownBy(() -> eq("Rate", Double.NaN).render(ODataDialect.V4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must be a finite number, was NaN");
    assertThatThrownBy(() -> ODataFilter.raw(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringShowsTheExpression() {
    assertThat(eq("A", "b")).hasToString("ODataFilter[A eq 'b']");
  }
}
