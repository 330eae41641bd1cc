package io.mlconnector.core.http;

import java.util.Objects;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Per-request options, attached to an OkHttp {@link Request} as a tag:
 *
 * <pre>{@code
 * Request request = new Request.Builder()
 *     .url(client.url("/Payment/ReleasePayment"))
 *     .post(body)
 *     .tag(RequestOptions.class, RequestOptions.builder()
 *         .operation("release payment")
 *         .repeatable(true)
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>{@link Builder#repeatable(boolean)} overrides the transport's own decision whether the request
 * is safe to repeat: mark a POST repeatable only when the remote guarantees it cannot be applied
 * twice, and mark a PUT not repeatable when it may create a record (an upsert without its key).
 */
public final class RequestOptions {

  private static final RequestOptions DEFAULTS = new Builder().build();

  private final String operation;
  private final Boolean repeatable;

  private RequestOptions(Builder builder) {
    this.operation = builder.operation;
    this.repeatable = builder.repeatable;
  }

  /** {@return a new builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The options tagged on {@code request}, or defaults (nothing set) when it carries none.
   *
   * @param request the request, tagged with options or not
   * @return its options; options with nothing set when it carries none
   */
  public static RequestOptions of(Request request) {
    Objects.requireNonNull(request, "request");
    RequestOptions tagged = request.tag(RequestOptions.class);
    return tagged != null ? tagged : DEFAULTS;
  }

  /**
   * {@return the operation name used in errors, logs and events, or null for the default ("METHOD
   * /path")}
   */
  public @Nullable String operation() {
    return operation;
  }

  /** {@return the explicit repeat-safety decision, or null to let the transport decide} */
  public @Nullable Boolean repeatable() {
    return repeatable;
  }

  @Override
  public String toString() {
    return "RequestOptions{operation=" + operation + ", repeatable=" + repeatable + '}';
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private String operation;
    private Boolean repeatable;

    private Builder() {}

    /**
     * Names the operation in errors, logs and events; must not contain a secret.
     *
     * @param operation the name, for example {@code "create invoice"}; not blank
     * @return this builder
     * @throws IllegalArgumentException when {@code operation} is null or blank
     */
    public Builder operation(String operation) {
      if (operation == null || operation.isBlank()) {
        throw new IllegalArgumentException("operation must not be blank");
      }
      this.operation = operation;
      return this;
    }

    /**
     * Declares the request safe (true) or unsafe (false) to repeat, overriding the default rule.
     *
     * @param repeatable true when repeating the request cannot apply it twice
     * @return this builder
     */
    public Builder repeatable(boolean repeatable) {
      this.repeatable = repeatable;
      return this;
    }

    /** {@return the immutable options} */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
