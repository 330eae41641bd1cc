package io.mlconnector.samples.pairs;

import io.mlconnector.samples.systems.ChargebeeSimulation;
import io.mlconnector.samples.systems.ChargebeeSystem;
import io.mlconnector.samples.systems.SapB1Simulation;
import io.mlconnector.samples.systems.SapB1System;
import io.mlconnector.samples.systems.AcumaticaSimulation;
import io.mlconnector.samples.systems.AcumaticaSystem;
import io.mlconnector.samples.systems.StripeSimulation;
import io.mlconnector.samples.systems.StripeSystem;
import io.mlconnector.samples.systems.SysproSimulation;
import io.mlconnector.samples.systems.SysproSystem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every pair the sample runs, one line each: a new pair is its two systems' classes (in {@code
 * io.mlconnector.samples.systems}) named here.
 */
public final class Pairs {
  private static final Map<String, Pair> ALL = new LinkedHashMap<>();

  static {
    add(new ReceivablesPair("syspro-stripe", SysproSystem.OPENER, StripeSystem.OPENER,
        () -> SysproSimulation.builder().start(), () -> StripeSimulation.builder().start()));
    add(new ReceivablesPair("sap-b1-stripe", SapB1System.OPENER, StripeSystem.OPENER,
        () -> SapB1Simulation.builder().start(), () -> StripeSimulation.builder().start()));
    add(new ReceivablesPair("acumatica-stripe", AcumaticaSystem.OPENER, StripeSystem.OPENER,
        () -> AcumaticaSimulation.builder().start(), () -> StripeSimulation.builder().start()));
    add(new ReceivablesPair("syspro-chargebee", SysproSystem.OPENER, ChargebeeSystem.OPENER,
        () -> SysproSimulation.builder().start(), () -> ChargebeeSimulation.builder().start()));
    add(new StampliSysproPair());
  }

  private Pairs() {}

  private static void add(Pair pair) {
    ALL.put(pair.name(), pair);
  }

  /** Every pair, in the order the demo runs them. */
  public static List<Pair> all() {
    return List.copyOf(ALL.values());
  }

  /**
   * The pair named {@code name}.
   *
   * @throws IllegalArgumentException naming the pairs there are when there is no such pair
   */
  public static Pair named(String name) {
    Pair p = ALL.get(name);
    if (p == null) {
      throw new IllegalArgumentException("unknown pair '" + name + "'; the pairs are " + String.join(", ", ALL.keySet()));
    }
    return p;
  }

  /**
   * The receivables pair named {@code name}.
   *
   * @throws IllegalArgumentException when there is no such pair or it is not a receivables pair
   */
  public static ReceivablesPair receivables(String name) {
    Pair p = named(name);
    if (!(p instanceof ReceivablesPair r)) {
      throw new IllegalArgumentException("pair '" + name + "' is not a receivables pair");
    }
    return r;
  }
}
