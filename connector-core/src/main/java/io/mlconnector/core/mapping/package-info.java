/**
 * The Mapping SPI: {@link io.mlconnector.core.mapping.Mapper}s turn one record into another with
 * a {@link io.mlconnector.core.mapping.MappingContext} that resolves references, reads per-tenant
 * reference tables and can defer or refuse; a {@link io.mlconnector.core.mapping.MapperRegistry}
 * holds the default mapper of each pair, chained factories and per-tenant overrides.
 */
@NullMarked
package io.mlconnector.core.mapping;

import org.jspecify.annotations.NullMarked;
