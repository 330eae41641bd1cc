/**
 * One class per system: how the sample builds that system's clients and role from its settings
 * ({@code SysproSystem}, {@code StripeSystem} ...), and how the offline demo simulates it ({@code
 * SysproSimulation}, {@code StripeSimulation} ...). No class here names two systems: a pair is one
 * line in {@link io.mlconnector.samples.pairs.Pairs}.
 */
package io.mlconnector.samples.systems;
