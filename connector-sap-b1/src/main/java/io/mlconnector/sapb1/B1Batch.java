package io.mlconnector.sapb1;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@code $batch} request: reads outside change sets, writes inside them. A change set is atomic:
 * the Service Layer applies all of its writes or none. Each write in a change set gets a {@code
 * Content-ID} (v2 requires one).
 *
 * <pre>{@code
 * B1Batch batch = B1Batch.builder()
 *     .changeset(cs -> cs
 *         .action("IncomingPayments", 45, "Cancel")
 *         .post("IncomingPayments", replacementBody))
 *     .build();
 * B1BatchResult result = client.batch(batch);   // throws when the change set was refused
 * }</pre>
 */
public final class B1Batch {

  /**
   * One request.
   *
   * @param method GET, POST, PATCH or DELETE
   * @param resource the path below the service root ({@code Invoices(12)/Cancel})
   * @param body the JSON body, or null
   * @param headers extra headers
   */
  public record Item(String method, String resource, @Nullable Map<String, Object> body, Map<String, String> headers) {}

  /**
   * A part: a lone read or a change set.
   *
   * @param read the read, or null for a change set
   * @param changeset the writes of a change set, or null for a read
   */
  public record Part(@Nullable Item read, @Nullable List<Item> changeset) {}

  private final List<Part> parts;

  private B1Batch(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /**
   * A new builder.
   *
   * @return a builder without parts
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The parts in order.
   *
   * @return the parts, at least one
   */
  public List<Part> parts() {
    return parts;
  }

  /** Builds a {@link B1Batch}. */
  public static final class Builder {
    private final List<Part> parts = new ArrayList<>();

    private Builder() {}

    /**
     * A read outside any change set ({@code Invoices(12)}, {@code Invoices?$top=1}).
     *
     * @param resource the path below the service root
     * @return this builder
     * @throws IllegalArgumentException if {@code resource} is blank, absolute or a URL
     */
    public Builder get(String resource) {
      parts.add(new Part(new Item("GET", resource(resource), null, Map.of()), null));
      return this;
    }

    /**
     * An atomic change set.
     *
     * @param writes adds the writes, in order
     * @return this builder
     * @throws IllegalArgumentException if it adds no write
     */
    public Builder changeset(Consumer<Changeset> writes) {
      Changeset cs = new Changeset();
      writes.accept(cs);
      if (cs.items.isEmpty()) {
        throw new IllegalArgumentException("a change set needs at least one write");
      }
      parts.add(new Part(null, Collections.unmodifiableList(new ArrayList<>(cs.items))));
      return this;
    }

    /**
     * The batch.
     *
     * @return the batch
     * @throws IllegalStateException if it has no part
     */
    public B1Batch build() {
      if (parts.isEmpty()) {
        throw new IllegalStateException("a batch needs at least one part");
      }
      return new B1Batch(parts);
    }
  }

  /** The writes of one change set. GET is not allowed inside a change set. */
  public static final class Changeset {
    private final List<Item> items = new ArrayList<>();

    private Changeset() {}

    /**
     * {@code POST entitySet} with {@code body}.
     *
     * @param entitySet the entity set, e.g. {@code IncomingPayments}
     * @param body the entity's fields (copied)
     * @return this change set
     */
    public Changeset post(String entitySet, Map<String, Object> body) {
      items.add(new Item("POST", resource(entitySet), copy(body), Map.of()));
      return this;
    }

    /**
     * {@code PATCH entitySet(key)} with {@code changes}. ETags are not checked inside a batch.
     *
     * @param entitySet the entity set
     * @param key the key: a {@code String} or a whole number
     * @param changes the fields to change (copied)
     * @return this change set
     */
    public Changeset patch(String entitySet, Object key, Map<String, Object> changes) {
      items.add(new Item("PATCH", entitySet + "(" + SapB1Client.keyLiteral(key) + ")", copy(changes), Map.of()));
      return this;
    }

    /**
     * {@code POST entitySet(key)/action} ({@code Cancel}, {@code Close}).
     *
     * @param entitySet the entity set
     * @param key the key: a {@code String} or a whole number
     * @param action the action's name
     * @return this change set
     */
    public Changeset action(String entitySet, Object key, String action) {
      items.add(new Item("POST", entitySet + "(" + SapB1Client.keyLiteral(key) + ")/" + resource(action), null, Map.of()));
      return this;
    }

    /**
     * {@code DELETE entitySet(key)}.
     *
     * @param entitySet the entity set
     * @param key the key: a {@code String} or a whole number
     * @return this change set
     */
    public Changeset delete(String entitySet, Object key) {
      items.add(new Item("DELETE", entitySet + "(" + SapB1Client.keyLiteral(key) + ")", null, Map.of()));
      return this;
    }
  }

  private static Map<String, Object> copy(Map<String, Object> body) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(body, "body")));
  }

  private static String resource(@Nullable String r) {
    if (r == null || r.isBlank() || r.startsWith("/") || r.contains("://")) {
      throw new IllegalArgumentException("resource must be a path below the service root, was \"" + r + '"');
    }
    return r;
  }
}
