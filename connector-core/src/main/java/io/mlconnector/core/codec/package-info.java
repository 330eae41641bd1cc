/**
 * Reading and writing the documents remote systems exchange: {@link io.mlconnector.core.codec.Json}
 * (Moshi with adapters for {@code BigDecimal} and {@code java.time} types) and {@link
 * io.mlconnector.core.codec.Xml} (Jakarta XML Binding and DOM on a parser that refuses DTDs and
 * external entities, with Windows-1252 support). Malformed input fails with a {@link
 * io.mlconnector.core.codec.CodecException} that says what was wrong and where.
 */
@NullMarked
package io.mlconnector.core.codec;

import org.jspecify.annotations.NullMarked;
