package io.mlconnector.core.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ODataDialectTest {
  private static final LocalDate DATE = LocalDate.of(2024, 1, 31);
  private static final LocalDateTime LOCAL = LocalDateTime.of(2024, 1, 31, 10, 0, 0);
  private static final OffsetDateTime OFFSET = OffsetDateTime.of(LOCAL, ZoneOffset.ofHours(2));
  private static final Instant INSTANT = Instant.parse("2024-01-31T10:00:00Z");
  private static final LocalTime TIME = LocalTime.of(18, 38, 5);

  @Test
  void odataV3() {
    ODataDialect d = ODataDialect.V3;
    assertThat(d.literal(LOCAL)).isEqualTo("datetime'2024-01-31T10:00:00'");
    assertThat(d.literal(DATE)).isEqualTo("datetime'2024-01-31T00:00:00'");
    assertThat(d.literal(INSTANT)).isEqualTo("datetime'2024-01-31T10:00:00'");
    assertThat(d.literal(OFFSET)).isEqualTo("datetimeoffset'2024-01-31T10:00:00+02:00'");
    assertThat(d.literal(TIME)).isEqualTo("time'PT18H38M5S'");
    assertThat(d.literal(LOCAL.withNano(123_000_000))).isEqualTo("datetime'2024-01-31T10:00:00.123'");
  }

  @Test
  void odataV4() {
    ODataDialect d = ODataDialect.V4;
    assertThat(d.literal(DATE)).isEqualTo("2024-01-31");
    assertThat(d.literal(INSTANT)).isEqualTo("2024-01-31T10:00:00Z");
    assertThat(d.literal(OFFSET)).isEqualTo("2024-01-31T10:00:00+02:00");
    assertThat(d.literal(TIME)).isEqualTo("18:38:05");
    assertThatThrownBy(() -> d.literal(LOCAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OData v4 has no date-time literal without an offset");
  }

  @Test
  void sapBusinessOne() {
    ODataDialect d = ODataDialect.SAP_B1;
    assertThat(ODataFilter.ge("UpdateDate", DATE).render(d)).isEqualTo("UpdateDate ge '2024-01-31'");
    assertThat(ODataFilter.ge("UpdateTime", TIME).render(d)).isEqualTo("UpdateTime ge '18:38'");
    assertThat(ODataFilter.ge("UpdateTime", TIME).render(d.withTimeSeconds(true))).isEqualTo("UpdateTime ge '18:38:05'");
    assertThat(d.literal(LOCAL)).isEqualTo("'2024-01-31T10:00:00'");
    assertThatThrownBy(() -> d.literal(INSTANT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SAP Business One has no time zones");
    assertThatThrownBy(() -> d.literal(OFFSET)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acumatica() {
    ODataDialect d = ODataDialect.ACUMATICA;
    assertThat(ODataFilter.gt("LastModifiedDateTime", INSTANT).render(d))
        .isEqualTo("LastModifiedDateTime gt datetimeoffset'2024-01-31T10:00:00.000+00:00'");
    assertThat(d.literal(OFFSET.withNano(402_000_000))).isEqualTo("datetimeoffset'2024-01-31T10:00:00.402+02:00'");
    assertThat(d.literal(LOCAL)).isEqualTo("datetimeoffset'2024-01-31T10:00:00.000'");
    assertThat(d.literal(DATE)).isEqualTo("datetimeoffset'2024-01-31T00:00:00.000'");
    assertThat(d.withDateLiterals(true).literal(DATE)).isEqualTo("date'2024-01-31'");
  }

  @Test
  void acumaticaDateTimeIsPercentEncodedInTheQuery() {
    ODataQuery q = ODataQuery.of(ODataDialect.ACUMATICA)
        .filter(ODataFilter.gt("LastModifiedDateTime", OFFSET.withNano(402_000_000)));
    assertThat(q.toQueryString())
        .isEqualTo("$filter=LastModifiedDateTime%20gt%20datetimeoffset%272024-01-31T10%3A00%3A00.402%2B02%3A00%27");
  }

  @Test
  void countOptionPerDialect() {
    assertThat(ODataQuery.of(ODataDialect.V4).count(true).toQueryString()).isEqualTo("$count=true");
    assertThat(ODataQuery.of(ODataDialect.V3).count(true).toQueryString()).isEqualTo("$inlinecount=allpages");
    assertThatThrownBy(() -> ODataQuery.of(ODataDialect.ACUMATICA).count(true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no count option");
  }

  @Test
  void dialectsAreValues() {
    assertThat(ODataDialect.V4.withInOperator(true)).isEqualTo(ODataDialect.V4.withInOperator(true))
        .isNotEqualTo(ODataDialect.V4);
    assertThat(ODataDialect.SAP_B1.withTimeSeconds(true).toString()).isEqualTo("ODataDialect.SAP_B1+timeSeconds");
  }
}
