package io.mlconnector.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.ToJson;
import com.squareup.moshi.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  /** A Stripe-like object: epoch-second timestamps and decimal amounts. */
  static final class Charge {
    String id;
    BigDecimal amount;
    Instant created;
    @EpochSeconds Instant paidAt;
    LocalDate dueDate;
    LocalTime updateTime;
    LocalDateTime localStamp;
    OffsetDateTime modified;
  }

  /** Moshi binds records through public accessors: the record must be public. */
  public record Payment(String id, BigDecimal amount, LocalDate date) {}

  private final Json json = Json.standard();

  @Test
  void bigDecimalKeepsEveryDigitFromNumbersAndStrings() {
    Charge charge =
        json.fromJson(
            "{\"amount\": 12345678901234567890.123456789012345}", Charge.class);
    assertThat(charge.amount).isEqualTo(new BigDecimal("12345678901234567890.123456789012345"));

    assertThat(json.fromJson("{\"amount\": \"0.10\"}", Charge.class).amount).isEqualTo(new BigDecimal("0.10"));
    // 0.1 + 0.2 through a double would give 0.30000000000000004.
    assertThat(json.fromJson("\"0.3\"", BigDecimal.class)).isEqualTo(new BigDecimal("0.3"));
    assertThat(json.fromJson("1e3", BigDecimal.class)).isEqualByComparingTo("1000");
    assertThat(json.fromJson("null", BigDecimal.class)).isNull();
  }

  @Test
  void bigDecimalIsWrittenAsPlainNumber() {
    Charge charge = new Charge();
    charge.amount = new BigDecimal("1.2345E+3");
    assertThat(json.toJson(charge)).isEqualTo("{\"amount\":1234.5}");
    assertThat(json.toJson(new BigDecimal("100.50"), BigDecimal.class)).isEqualTo("100.50");
  }

  @Test
  void badDecimalNamesThePath() {
    assertThatThrownBy(() -> json.fromJson("{\"amount\": \"12,50\"}", Charge.class))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage(
            "JSON does not fit Charge: Expected a decimal number but was \"12,50\" at path $.amount");
    assertThatThrownBy(() -> json.fromJson("{\"amount\": true}", Charge.class))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("Expected a decimal number but was BOOLEAN at path $.amount");
  }

  @Test
  void instantReadsEpochSecondsAndIso() {
    Charge charge =
        json.fromJson(
            "{\"created\": 1706695200, \"paidAt\": \"2024-01-31T11:00:00+01:00\"}", Charge.class);
    assertThat(charge.created).isEqualTo(Instant.parse("2024-01-31T10:00:00Z"));
    assertThat(charge.paidAt).isEqualTo(Instant.parse("2024-01-31T10:00:00Z"));
    assertThat(json.fromJson("\"1706695200\"", Instant.class)).isEqualTo(Instant.parse("2024-01-31T10:00:00Z"));
    assertThat(json.fromJson("1706695200.25", Instant.class))
        .isEqualTo(Instant.parse("2024-01-31T10:00:00.250Z"));
    assertThat(json.fromJson("\"2024-01-31T10:00:00.123Z\"", Instant.class))
        .isEqualTo(Instant.parse("2024-01-31T10:00:00.123Z"));
  }

  @Test
  void instantIsWrittenIsoOrAsEpochSecondsWhenQualified() {
    Charge charge = new Charge();
    charge.created = Instant.parse("2024-01-31T10:00:00Z");
    charge.paidAt = Instant.parse("2024-01-31T10:00:00Z");
    assertThat(json.toJson(charge))
        .isEqualTo("{\"created\":\"2024-01-31T10:00:00Z\",\"paidAt\":1706695200}");
  }

  @Test
  void instantWithoutOffsetIsRefused() {
    assertThatThrownBy(() -> json.fromJson("{\"created\": \"2024-01-31T10:00:00\"}", Charge.class))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("Expected an ISO-8601 instant with offset")
        .hasMessageContaining("at path $.created");
  }

  @Test
  void localAndOffsetTypesRoundTrip() {
    String text =
        "{\"dueDate\":\"2024-01-31\",\"updateTime\":\"13:14:45\",\"localStamp\":\"2024-05-05T15:16:23.1\","
            + "\"modified\":\"2024-07-15T10:31:28.402+03:00\"}";
    Charge charge = json.fromJson(text, Charge.class);
    assertThat(charge.dueDate).isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(charge.updateTime).isEqualTo(LocalTime.of(13, 14, 45));
    assertThat(charge.localStamp).isEqualTo(LocalDateTime.of(2024, 5, 5, 15, 16, 23, 100_000_000));
    assertThat(charge.modified)
        .isEqualTo(OffsetDateTime.of(2024, 7, 15, 10, 31, 28, 402_000_000, ZoneOffset.ofHours(3)));
    // Moshi writes class fields in name order.
    assertThat(json.toJson(charge))
        .isEqualTo(
            "{\"dueDate\":\"2024-01-31\",\"localStamp\":\"2024-05-05T15:16:23.1\","
                + "\"modified\":\"2024-07-15T10:31:28.402+03:00\",\"updateTime\":\"13:14:45\"}");
  }

  @Test
  void localDateAcceptsSapStyleMidnightTimestamps() {
    assertThat(json.fromJson("\"2023-10-26T00:00:00Z\"", LocalDate.class)).isEqualTo(LocalDate.of(2023, 10, 26));
    assertThatThrownBy(() -> json.fromJson("\"2023-13-26\"", LocalDate.class))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("Expected an ISO-8601 date (2024-01-31) but was \"2023-13-26\" at path $");
  }

  @Test
  void recordsAndGenericsWork() {
    List<Payment> payments =
        json.fromJson(
            "[{\"id\":\"p1\",\"amount\":10.10,\"date\":\"2024-02-01\"}]",
            Types.newParameterizedType(List.class, Payment.class));
    assertThat(payments).containsExactly(new Payment("p1", new BigDecimal("10.10"), LocalDate.of(2024, 2, 1)));
    assertThat(json.toJson(payments.get(0)))
        .isEqualTo("{\"id\":\"p1\",\"amount\":10.10,\"date\":\"2024-02-01\"}");
  }

  @Test
  void readsFromAStreamingSource() {
    okio.Buffer body = new okio.Buffer().writeUtf8("{\"id\":\"ch_1\",\"amount\":\"99.99\",\"created\":0}");
    Charge charge = json.fromJson(body, Charge.class);
    assertThat(charge.id).isEqualTo("ch_1");
    assertThat(charge.amount).isEqualTo(new BigDecimal("99.99"));
    assertThat(charge.created).isEqualTo(Instant.EPOCH);
    assertThatThrownBy(() -> json.fromJson(new okio.Buffer().writeUtf8("[1,"), Charge.class))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageStartingWith("JSON does not fit Charge");
  }

  @Test
  void malformedJsonIsReported() {
    assertThatThrownBy(() -> json.fromJson("{\"id\": ", Charge.class))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageStartingWith("Malformed JSON for Charge");
  }

  /** A connector-specific adapter: Acumatica-style {"value": ...} wrapper for strings. */
  static final class Wrapped {
    final String value;

    Wrapped(String value) {
      this.value = value;
    }
  }

  static final class WrappedAdapter {
    @ToJson
    Map<String, String> toJson(Wrapped w) {
      return Map.of("value", w.value);
    }

    @FromJson
    Wrapped fromJson(Map<String, String> map) {
      return new Wrapped(map.get("value"));
    }
  }

  static final class Customer {
    Wrapped customerId;
    BigDecimal balance;
  }

  @Test
  void connectorAdaptersAreAddedAndWinOverBuiltIns() {
    Json custom =
        Json.builder()
            .add(new WrappedAdapter())
            .add(
                BigDecimal.class,
                new com.squareup.moshi.JsonAdapter<BigDecimal>() {
                  @Override
                  public BigDecimal fromJson(com.squareup.moshi.JsonReader reader) throws java.io.IOException {
                    return new BigDecimal(reader.nextString()).setScale(2);
                  }

                  @Override
                  public void toJson(com.squareup.moshi.JsonWriter writer, BigDecimal value) throws java.io.IOException {
                    writer.value(value.toPlainString());
                  }
                })
            .build();
    Customer c = custom.fromJson("{\"customerId\":{\"value\":\"C1\"},\"balance\":5}", Customer.class);
    assertThat(c.customerId.value).isEqualTo("C1");
    assertThat(c.balance).isEqualTo(new BigDecimal("5.00"));
    assertThat(custom.toJson(c)).isEqualTo("{\"balance\":\"5.00\",\"customerId\":{\"value\":\"C1\"}}");

    // newBuilder keeps the added adapters; the standard instance is untouched.
    Json derived = custom.newBuilder().build();
    assertThat(derived.fromJson("{\"customerId\":{\"value\":\"C2\"}}", Customer.class).customerId.value).isEqualTo("C2");
    assertThat(Json.standard().fromJson("{\"balance\":5}", Customer.class).balance).isEqualTo(new BigDecimal("5"));
  }
}
