/** One copyable class per task: wiring the engine, mounting the webhook endpoint, overriding a mapper, PostgreSQL. */
package io.mlconnector.samples.recipes;
