package io.mlconnector.contracts;

import io.mlconnector.core.mapping.MappingContext;
import io.mlconnector.core.model.ExternalRef;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MappingContext} for mapper tests: ID mappings and reference-table entries the test puts
 * in by hand.
 *
 * <pre>{@code
 * TestMappingContext context = new TestMappingContext("acme", "stripe")
 *     .map(erpCustomer, ExternalRef.of("stripe", "acme", "customer", "cus_1"))
 *     .reference("stripe", "days_until_due", "14");
 * StripeInvoiceRequest r = StripeMappers.invoice().map(invoice, context);
 * }</pre>
 */
public final class TestMappingContext implements MappingContext {
  private final String tenant;
  private final String targetSystem;
  private final Map<ExternalRef, ExternalRef> mappings = new ConcurrentHashMap<>();
  private final Map<String, String> tables = new ConcurrentHashMap<>();
  private volatile @Nullable ExternalRef source;

  /**
   * A context for {@code tenant}, mapping into {@code targetSystem}.
   *
   * @param tenant the tenant every lookup is for
   * @param targetSystem the system the mapped records go to, lower case, for example {@code stripe}
   */
  public TestMappingContext(String tenant, String targetSystem) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.targetSystem = Objects.requireNonNull(targetSystem, "targetSystem");
  }

  /**
   * Records that {@code source} was synced to {@code target}.
   *
   * @param source the source record
   * @param target the target it was synced to; replaces an earlier target of {@code source}
   * @return this context
   */
  public TestMappingContext map(ExternalRef source, ExternalRef target) {
    mappings.put(Objects.requireNonNull(source, "source"), Objects.requireNonNull(target, "target"));
    return this;
  }

  /**
   * Puts {@code key} = {@code value} into reference table {@code table}.
   *
   * @param table the table's name, as a mapper asks for it
   * @param key the key within the table
   * @param value the value; replaces an earlier value of the key
   * @return this context
   */
  public TestMappingContext reference(String table, String key, String value) {
    tables.put(table + "\u0000" + key, Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Sets the record being mapped (what {@link #source()} answers).
   *
   * @param value the source ref, or null for none
   * @return this context
   */
  public TestMappingContext source(@Nullable ExternalRef value) {
    this.source = value;
    return this;
  }

  @Override
  public String tenant() {
    return tenant;
  }

  @Override
  public String flow() {
    return "test";
  }

  @Override
  public String targetSystem() {
    return targetSystem;
  }

  /** The record set by {@link #source(ExternalRef)}; null until one is set. */
  @Override
  public @Nullable ExternalRef source() {
    return source;
  }

  @Override
  public boolean dryRun() {
    return false;
  }

  @Override
  public Optional<ExternalRef> resolve(ExternalRef ref, String system) {
    ExternalRef target = mappings.get(ref);
    return target != null && target.system().equals(system) ? Optional.of(target) : Optional.empty();
  }

  @Override
  public Optional<ExternalRef> sourceOf(ExternalRef target, String sourceSystem) {
    return mappings.entrySet().stream()
        .filter(e -> e.getValue().equals(target) && e.getKey().system().equals(sourceSystem))
        .map(Map.Entry::getKey).findFirst();
  }

  @Override
  public Optional<String> reference(String table, String key) {
    return Optional.ofNullable(tables.get(table + "\u0000" + key));
  }
}
