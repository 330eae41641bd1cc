package io.mlconnector.core.codec;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.mlconnector.core.codec.internal.JsonAdapters;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import okio.BufferedSource;

/**
 * A Moshi instance with the adapters every connector needs, and a few shortcuts to read and write
 * JSON with clear errors.
 *
 * <p>Built-in adapters, all null-safe:
 *
 * <ul>
 *   <li>{@link BigDecimal}: read from a JSON number or a JSON string, from its literal text (never
 *       through a {@code double}); written as a plain JSON number ({@code 1234.50}, never {@code
 *       1.2345E+3}).
 *   <li>{@link Instant}: read from an ISO-8601 string with offset or from a number of seconds since
 *       the epoch (as Stripe sends {@code created}); written as an ISO-8601 UTC string, or as epoch
 *       seconds on members annotated {@link EpochSeconds}.
 *   <li>{@link LocalDate} ({@code 2024-01-31}; a date-time string reads as its date part as
 *       written), {@link LocalTime}, {@link LocalDateTime} and {@link OffsetDateTime} (offset
 *       required) as ISO-8601 strings.
 * </ul>
 *
 * <p>Adapters added through {@link Builder#add(Object)} and its siblings take precedence over the
 * built-in ones, so a connector can replace any of them:
 *
 * <pre>{@code
 * Json json = Json.builder().add(new AcumaticaValueAdapter()).build();
 * Invoice invoice = json.fromJson(body, Invoice.class);
 * }</pre>
 *
 * <p>Moshi binds plain classes through their fields and Java records through their accessors; a
 * record must be {@code public} for that.
 *
 * <p>Instances are immutable and thread-safe; share one per connector.
 */
public final class Json {
  private static final Json STANDARD = new Builder().build();

  private final Moshi moshi;
  private final List<Consumer<Moshi.Builder>> registrations;

  private Json(Moshi moshi, List<Consumer<Moshi.Builder>> registrations) {
    this.moshi = moshi;
    this.registrations = registrations;
  }

  /** {@return the shared instance with only the built-in adapters} */
  public static Json standard() {
    return STANDARD;
  }

  /** {@return a builder to add a connector's own adapters to the built-in ones} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this instance's added adapters, to add more} */
  public Builder newBuilder() {
    Builder builder = new Builder();
    builder.registrations.addAll(registrations);
    return builder;
  }

  /**
   * {@return the underlying Moshi instance, for callers that stream or need adapters for generic
   * types}
   */
  public Moshi moshi() {
    return moshi;
  }

  /**
   * The adapter for {@code type}.
   *
   * @param <T> the Java type
   * @param type the class to read and write
   * @return the adapter, built-in or added
   */
  public <T> JsonAdapter<T> adapter(Class<T> type) {
    return moshi.adapter(Objects.requireNonNull(type, "type"));
  }

  /**
   * The adapter for a generic {@code type}, see {@link com.squareup.moshi.Types}.
   *
   * @param <T> the Java type
   * @param type the type to read and write
   * @return the adapter, built-in or added
   */
  public <T> JsonAdapter<T> adapter(Type type) {
    return moshi.adapter(Objects.requireNonNull(type, "type"));
  }

  /**
   * Reads {@code json} as a {@code type}.
   *
   * @param <T> the Java type
   * @param json the JSON text
   * @param type the class to read it as
   * @return the value read; null when the JSON is {@code null}
   * @throws JsonFormatException when the JSON is malformed or does not fit the type; the message
   *     names the JSON path
   */
  public <T> T fromJson(String json, Class<T> type) {
    return fromJson(json, (Type) type);
  }

  /**
   * Reads {@code json} as a generic {@code type}.
   *
   * @param <T> the Java type
   * @param json the JSON text
   * @param type the type to read it as
   * @return the value read; null when the JSON is {@code null}
   * @throws JsonFormatException when the JSON is malformed or does not fit the type
   */
  public <T> T fromJson(String json, Type type) {
    Objects.requireNonNull(json, "json");
    JsonAdapter<T> adapter = adapter(type);
    try {
      return adapter.fromJson(json);
    } catch (JsonDataException e) {
      throw new JsonFormatException("JSON does not fit " + typeName(type) + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new JsonFormatException("Malformed JSON for " + typeName(type) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads JSON from {@code source} (an OkHttp response body's {@code source()}, for example) as a
   * {@code type}, without buffering it as a String first. The source is not closed.
   *
   * @param <T> the Java type
   * @param source the JSON to read; not closed
   * @param type the type to read it as
   * @return the value read; null when the JSON is {@code null}
   * @throws JsonFormatException when the JSON is malformed, does not fit the type, or cannot be read
   */
  public <T> T fromJson(BufferedSource source, Type type) {
    Objects.requireNonNull(source, "source");
    JsonAdapter<T> adapter = adapter(type);
    try {
      return adapter.fromJson(source);
    } catch (JsonDataException e) {
      throw new JsonFormatException("JSON does not fit " + typeName(type) + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new JsonFormatException(
          "Malformed or unreadable JSON for " + typeName(type) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code value} (not null) as JSON, using the adapter of its runtime class.
   *
   * @param value the value to write
   * @return the JSON text
   */
  public String toJson(Object value) {
    Objects.requireNonNull(value, "value");
    return toJson(value, value.getClass());
  }

  /**
   * Writes {@code value} as JSON using the adapter for {@code type}.
   *
   * @param <T> the Java type
   * @param value the value to write
   * @param type the type whose adapter writes it
   * @return the JSON text
   * @throws JsonFormatException when the adapter cannot write the value
   */
  public <T> String toJson(T value, Type type) {
    JsonAdapter<T> adapter = adapter(type);
    try {
      return adapter.toJson(value);
    } catch (JsonDataException e) {
      throw new JsonFormatException(
          "Cannot write " + typeName(type) + " as JSON: " + e.getMessage(), e);
    }
  }

  private static String typeName(Type type) {
    return type instanceof Class<?> ? ((Class<?>) type).getSimpleName() : type.getTypeName();
  }

  /** Builds a {@link Json}; adapters added here win over the built-in ones. */
  public static final class Builder {
    private final List<Consumer<Moshi.Builder>> registrations = new ArrayList<>();

    private Builder() {}

    /**
     * Adds an object with {@code @ToJson}/{@code @FromJson} methods, or a {@link
     * JsonAdapter.Factory}.
     *
     * @param adapter the adapter object or factory
     * @return this builder
     */
    public Builder add(Object adapter) {
      Objects.requireNonNull(adapter, "adapter");
      if (adapter instanceof JsonAdapter.Factory) {
        JsonAdapter.Factory factory = (JsonAdapter.Factory) adapter;
        registrations.add(b -> b.add(factory));
      } else {
        registrations.add(b -> b.add(adapter));
      }
      return this;
    }

    /**
     * Adds an adapter for exactly {@code type}.
     *
     * @param <T> the Java type
     * @param type the type the adapter reads and writes
     * @param adapter the adapter
     * @return this builder
     */
    public <T> Builder add(Type type, JsonAdapter<T> adapter) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(adapter, "adapter");
      registrations.add(b -> b.add(type, adapter));
      return this;
    }

    /**
     * Adds an adapter for {@code type} on members annotated with the JSON qualifier {@code
     * qualifier}.
     *
     * @param <T> the Java type
     * @param type the type the adapter reads and writes
     * @param qualifier the JSON qualifier annotation
     * @param adapter the adapter
     * @return this builder
     */
    public <T> Builder add(
        Type type, Class<? extends Annotation> qualifier, JsonAdapter<T> adapter) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(qualifier, "qualifier");
      Objects.requireNonNull(adapter, "adapter");
      registrations.add(b -> b.add(type, qualifier, adapter));
      return this;
    }

    /**
     * Builds the immutable instance.
     *
     * @return a new {@link Json}
     */
    public Json build() {
      Moshi.Builder moshi = new Moshi.Builder();
      for (Consumer<Moshi.Builder> registration : registrations) {
        registration.accept(moshi);
      }
      moshi
          .add(BigDecimal.class, JsonAdapters.bigDecimal())
          .add(Instant.class, EpochSeconds.class, JsonAdapters.instant(true))
          .add(Instant.class, JsonAdapters.instant(false))
          .add(LocalDate.class, JsonAdapters.localDate())
          .add(LocalTime.class, JsonAdapters.localTime())
          .add(LocalDateTime.class, JsonAdapters.localDateTime())
          .add(OffsetDateTime.class, JsonAdapters.offsetDateTime());
      return new Json(moshi.build(), List.copyOf(registrations));
    }
  }
}
