package io.mlconnector.contracts;

import io.mlconnector.core.mapping.MappingContext;
import io.mlconnector.core.model.ExternalRef;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
  private volatile ExternalRef source;

  /** A context for {@code tenant}, mapping into {@code targetSystem}. */
  public TestMappingContext(String tenant, String targetSystem) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.targetSystem = Objects.requireNonNull(targetSystem, "targetSystem");
  }

  /** Records that {@code source} was synced to {@code target}. */
  public TestMappingContext map(ExternalRef source, ExternalRef target) {
    mappings.put(Objects.requireNonNull(source, "source"), Objects.requireNonNull(target, "target"));
    return this;
  }

  /** Puts {@code key} = {@code value} into reference table {@code table}. */
  public TestMappingContext reference(String table, String key, String value) {
    tables.put(table + "\u0000" + key, Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Sets the record being mapped (what {@link #source()} answers). */
  public TestMappingContext source(ExternalRef value) {
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

  @Override
  public ExternalRef source() {
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
