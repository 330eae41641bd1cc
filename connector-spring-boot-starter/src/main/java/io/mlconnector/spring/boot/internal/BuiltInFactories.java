package io.mlconnector.spring.boot.internal;

import io.mlconnector.spring.boot.ConnectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The factories the starter ships, each offered only when its connector module is on the class
 * path (the connector modules are optional dependencies of the starter).
 */
public final class BuiltInFactories {
  private BuiltInFactories() {}

  /** The built-in factories whose connector classes {@code classLoader} can load. */
  public static List<ConnectorFactory> present(ClassLoader classLoader) {
    List<ConnectorFactory> out = new ArrayList<>();
    add(out, classLoader, "io.mlconnector.syspro.SysproClient", () -> new SysproFactory());
    add(out, classLoader, "io.mlconnector.stripe.StripeConnector", () -> new StripeFactory());
    add(out, classLoader, "io.mlconnector.chargebee.ChargebeeClient", () -> new ChargebeeFactory());
    add(out, classLoader, "io.mlconnector.sapb1.SapB1Client", () -> new SapB1Factory());
    add(out, classLoader, "io.mlconnector.acumatica.AcumaticaClient", () -> new AcumaticaFactory());
    add(out, classLoader, "io.mlconnector.stampli.SftpClient", () -> new StampliFactory());
    return out;
  }

  private static void add(List<ConnectorFactory> out, ClassLoader cl, String probe, Supplier<ConnectorFactory> f) {
    try {
      Class.forName(probe, false, cl);
    } catch (ClassNotFoundException | LinkageError e) {
      return;
    }
    out.add(f.get());
  }
}
