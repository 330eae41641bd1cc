package io.mlconnector.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MapperRegistryTest {
  private final Mapper<String, Integer> length = (s, c) -> s.length();
  private final Mapper<String, Integer> doubled = (s, c) -> s.length() * 2;
  private final Mapper<String, Integer> fromFactory = (s, c) -> -1;

  @Test
  void tenantOverrideThenFactoriesThenTheDefault() {
    MapperRegistry registry = MapperRegistry.builder()
        .register(String.class, Integer.class, length)
        .addFactory((source, target, tenant) -> null) // "not mine"
        .addFactory((source, target, tenant) ->
            tenant.equals("globex") && source == String.class ? fromFactory : null)
        .override("acme", String.class, Integer.class, doubled)
        .build();

    assertThat(registry.mapper("acme", String.class, Integer.class)).isSameAs(doubled);
    assertThat(registry.mapper("globex", String.class, Integer.class)).isSameAs(fromFactory);
    assertThat(registry.mapper("initech", String.class, Integer.class)).isSameAs(length);
  }

  @Test
  void newBuilderAddsAnOverrideWithoutChangingTheOriginal() {
    MapperRegistry base = MapperRegistry.builder().register(String.class, Integer.class, length).build();
    MapperRegistry derived = base.newBuilder().override("acme", String.class, Integer.class, doubled).build();

    assertThat(base.mapper("acme", String.class, Integer.class)).isSameAs(length);
    assertThat(derived.mapper("acme", String.class, Integer.class)).isSameAs(doubled);
  }

  @Test
  void aMissingPairIsNamed() {
    MapperRegistry registry = MapperRegistry.builder().build();

    assertThatThrownBy(() -> registry.mapper("acme", String.class, Integer.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no mapper from java.lang.String to java.lang.Integer for tenant acme");
    assertThatThrownBy(() -> MapperRegistry.builder().register(String.class, Integer.class, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("mapper");
  }

  @Test
  void referenceTablesArePerTenant() {
    ReferenceTables tables = ReferenceTables.builder()
        .put("acme", "gl-accounts", "stripe-fees", "6100")
        .put("globex", "cash-accounts", "card", "1010")
        .build();

    assertThat(tables.lookup("acme", "gl-accounts", "stripe-fees")).contains("6100");
    assertThat(tables.lookup("globex", "gl-accounts", "stripe-fees")).isEmpty();
    assertThat(tables.lookup("globex", "cash-accounts", "card")).contains("1010");
    assertThat(ReferenceTables.empty().lookup("acme", "gl-accounts", "x")).isEmpty();
  }
}
