package io.mlconnector.core.codec;

import com.squareup.moshi.JsonQualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link java.time.Instant} field that is written as a JSON number of seconds since the
 * epoch (as Stripe writes {@code created}) instead of an ISO-8601 string. Reading accepts both
 * forms either way.
 */
@Documented
@JsonQualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface EpochSeconds {}
