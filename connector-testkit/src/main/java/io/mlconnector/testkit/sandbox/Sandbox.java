package io.mlconnector.testkit.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import com.sun.net.httpserver.HttpServer;

/**
 * The testkit's simulators as one standalone process, for applications in any language: chosen
 * simulators on chosen ports, each printed with its base URL and the credentials it accepts,
 * optional demo data, webhooks delivered to a URL of your choice, and faults switched at run time
 * over HTTP.
 *
 * <pre>{@code
 * java -jar connector-testkit-<version>-sandbox.jar --systems stripe,syspro --seed \
 *     --webhook-url http://127.0.0.1:8080/hooks
 * curl -u sk_test_mlconnectorSimulator0000: http://127.0.0.1:12111/v1/customers -d name=Acme
 * curl http://127.0.0.1:12111/_sandbox/faults -d fail_next=1 -d fault=SERVER_ERROR
 * }</pre>
 *
 * <p>Every HTTP simulator answers {@code /_sandbox/} on its own port (info, faults, clock, seed,
 * webhooks and its own actions); the control port answers {@code /_sandbox/} with every simulator
 * and {@code /_sandbox/<system>/...} for each, the SFTP server included. In a JVM, {@link
 * #start(String...)} runs the same sandbox in-process. See the testkit's README for every option.
 */
public final class Sandbox implements AutoCloseable {
  private final Map<SandboxSystem, Simulated> simulators = new EnumMap<>(SandboxSystem.class);
  private final Map<SandboxSystem, AutoCloseable> fronts = new EnumMap<>(SandboxSystem.class);
  private final Map<SandboxSystem, Integer> ports = new EnumMap<>(SandboxSystem.class);
  private final Map<SandboxSystem, String> seeded = new EnumMap<>(SandboxSystem.class);
  private final Map<SandboxSystem, String> webhooks = new EnumMap<>(SandboxSystem.class);
  private final String advertisedHost;
  private HttpServer controlServer;

  private Sandbox(SandboxOptions options) {
    this.advertisedHost = options.host.equals("0.0.0.0") || options.host.equals("::") ? "127.0.0.1" : options.host;
    try {
      for (SandboxSystem s : options.systems) {
        simulators.put(s, Simulated.start(s));
      }
      Control control = new Control(simulators, this::baseUrlOf);
      for (Map.Entry<SandboxSystem, Simulated> e : simulators.entrySet()) {
        SandboxSystem s = e.getKey();
        Simulated sim = e.getValue();
        int port = options.port(s);
        if (s.http()) {
          HttpFront front = new HttpFront(options.host, port, sim.internalPort(),
              (exchange, action) -> control.system(sim, exchange, action));
          fronts.put(s, front);
          ports.put(s, front.port());
        } else {
          TcpForwarder forwarder = new TcpForwarder(options.host, port, sim.internalPort());
          fronts.put(s, forwarder);
          ports.put(s, forwarder.port());
        }
      }
      controlServer = HttpServer.create(new InetSocketAddress(InetAddress.getByName(options.host),
          options.controlPort), 32);
      controlServer.createContext("/", exchange -> {
        try (exchange) {
          String path = exchange.getRequestURI().getRawPath();
          Control.Answer answer = path.equals("/_sandbox") || path.startsWith("/_sandbox/")
              ? control.controlPort(exchange, path.substring("/_sandbox".length()).replaceFirst("^/", ""))
              : Control.error(404, "the control API is under /_sandbox/");
          Control.write(exchange, answer);
        }
      });
      controlServer.start();
      if (options.seed) {
        simulators.forEach((s, sim) -> seeded.put(s, sim.seed()));
      }
      for (Map.Entry<String, URI> hook : options.webhooks.entrySet()) {
        for (Map.Entry<SandboxSystem, Simulated> e : simulators.entrySet()) {
          if (hook.getKey().equals("*") || hook.getKey().equals(e.getKey().id)) {
            String registered = e.getValue().webhooks(hook.getValue());
            if (registered == null && !hook.getKey().equals("*")) {
              throw new IllegalArgumentException(e.getKey().id + " sends no webhooks");
            }
            if (registered != null) {
              webhooks.put(e.getKey(), registered);
            }
          }
        }
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("could not open a sandbox port: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts a sandbox in this JVM with the command line's options.
   *
   * @param args the options {@link #main} takes ({@code --help} lists them)
   * @return the running sandbox; close it to stop every simulator
   * @throws IllegalArgumentException if an option is wrong (the message names it)
   * @throws UncheckedIOException if a port cannot be opened (taken, say)
   */
  public static Sandbox start(String... args) {
    SandboxOptions options = SandboxOptions.parse(args);
    if (options.help) {
      throw new IllegalArgumentException("--help is for the command line");
    }
    return new Sandbox(options);
  }

  /**
   * Runs the sandbox until the process is stopped (Ctrl-C or SIGTERM), after printing every
   * simulator's base URL and credentials and a last line {@code sandbox ready}.
   *
   * @param args {@code --help} lists the options
   */
  public static void main(String[] args) {
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR"); // no "no SLF4J providers" notice in the output
    }
    SandboxOptions options;
    try {
      options = SandboxOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("sandbox: " + e.getMessage());
      System.err.println(SandboxOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(SandboxOptions.USAGE);
      return;
    }
    Sandbox sandbox;
    try {
      sandbox = new Sandbox(options);
    } catch (RuntimeException e) {
      System.err.println("sandbox: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "sandbox-shutdown"));
    sandbox.print(System.out);
    System.out.println("sandbox ready");
    System.out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The base URL of a running simulator, {@code http://host:port} ({@code sftp://host:port} for the
   * SFTP server).
   *
   * @param system {@code stripe}, {@code chargebee}, {@code syspro}, {@code sapb1}, {@code
   *     acumatica} or {@code sftp}
   * @return its base URL
   * @throws IllegalArgumentException if the system is unknown or not running here
   */
  public String baseUrl(String system) {
    SandboxSystem s = SandboxSystem.of(Objects.requireNonNull(system, "system"));
    if (!simulators.containsKey(s)) {
      throw new IllegalArgumentException(s.id + " is not running in this sandbox");
    }
    return baseUrlOf(s);
  }

  /**
   * The control API's base URL.
   *
   * @return {@code http://host:port/_sandbox}, with the advertised host
   */
  public String controlUrl() {
    return "http://" + advertisedHost + ":" + controlServer.getAddress().getPort() + "/_sandbox";
  }

  /**
   * What {@link #main} prints: each simulator's base URL, paths and credentials.
   *
   * @return the text, several lines
   */
  public String describe() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    print(new PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private String baseUrlOf(SandboxSystem s) {
    Integer port = ports.get(s);
    return (s.http() ? "http://" : "sftp://") + advertisedHost + ":" + (port == null ? "?" : port);
  }

  private void print(PrintStream out) {
    out.println("ml-connector sandbox: " + simulators.size() + " simulator" + (simulators.size() == 1 ? "" : "s"));
    for (Map.Entry<SandboxSystem, Simulated> e : simulators.entrySet()) {
      SandboxSystem s = e.getKey();
      Simulated sim = e.getValue();
      String base = baseUrlOf(s);
      out.printf(Locale.ROOT, "%-10s %s%n", s.id, base);
      for (Map.Entry<String, String> p : sim.paths().entrySet()) {
        String value = s.http() ? base + p.getValue() : p.getValue();
        out.printf(Locale.ROOT, "%10s   %s: %s%n", "", p.getKey(), value);
      }
      for (Map.Entry<String, String> c : sim.credentials().entrySet()) {
        out.printf(Locale.ROOT, "%10s   %s: %s%n", "", c.getKey(), c.getValue());
      }
      if (seeded.containsKey(s)) {
        out.printf(Locale.ROOT, "%10s   seeded: %s%n", "", seeded.get(s));
      }
      if (webhooks.containsKey(s)) {
        out.printf(Locale.ROOT, "%10s   webhooks: %s%n", "", webhooks.get(s));
      }
      out.printf(Locale.ROOT, "%10s   control: %s%n", "",
          s.http() ? base + "/_sandbox/" : controlUrl() + "/" + s.id + "/");
    }
    out.printf(Locale.ROOT, "%-10s %s%n", "control", controlUrl());
  }

  /** Stops every simulator and closes every port. */
  @Override
  public void close() {
    List<AutoCloseable> all = new ArrayList<>();
    if (controlServer != null) {
      all.add(() -> controlServer.stop(0));
    }
    all.addAll(fronts.values());
    all.addAll(simulators.values());
    for (AutoCloseable c : all) {
      try {
        c.close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
    fronts.clear();
    simulators.clear();
  }

  /** The parsed command line. */
  static final class SandboxOptions {
    static final String USAGE = String.join("\n",
        "usage: java -jar connector-testkit-<version>-sandbox.jar [options]",
        "  --systems LIST            simulators to run, comma-separated (default all):",
        "                            stripe, chargebee, syspro, sapb1, acumatica, sftp",
        "  --port SYSTEM=PORT        one simulator's port (repeatable); defaults: stripe 12111,",
        "                            chargebee 12112, syspro 12113, sapb1 12114, acumatica 12115, sftp 12122",
        "  --control-port PORT       the control API's port (default 12110)",
        "  --free-ports              every port (control included) a free one; read them from the output",
        "  --host ADDRESS            the address to listen on (default 127.0.0.1; 0.0.0.0: every interface)",
        "  --seed                    demo records in the ERPs, a Stampli export on the SFTP server",
        "  --webhook-url [SYSTEM=]URL  send webhooks there (stripe, chargebee, acumatica; without",
        "                            SYSTEM= every simulator that sends them); repeatable",
        "  --help                    this text",
        "Faults, clock, seed and webhooks at run time: POST http://<simulator>/_sandbox/faults",
        "  (fail_next=N, fault=SERVER_ERROR|CONNECTION_DROP|RESPONSE_LOST_AFTER_COMMIT, latency_ms=,",
        "  random=0..1, reset=true), /_sandbox/clock (advance_seconds=), /_sandbox/seed,",
        "  /_sandbox/webhooks (url=); GET /_sandbox/info. The SFTP server's: <control>/sftp/...");

    final List<SandboxSystem> systems = new ArrayList<>();
    final Map<SandboxSystem, Integer> ports = new EnumMap<>(SandboxSystem.class);
    final Map<String, URI> webhooks = new LinkedHashMap<>();
    int controlPort = 12110;
    boolean freePorts;
    String host = "127.0.0.1";
    boolean seed;
    boolean help;

    static SandboxOptions parse(String... args) {
      SandboxOptions o = new SandboxOptions();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String value = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0 && !arg.startsWith("--port=") && !arg.startsWith("--webhook-url=")) {
          value = arg.substring(eq + 1);
          arg = arg.substring(0, eq);
        } else if (arg.startsWith("--port=") || arg.startsWith("--webhook-url=")) {
          value = arg.substring(arg.indexOf('=') + 1);
          arg = arg.substring(0, arg.indexOf('='));
        }
        switch (arg) {
          case "--help":
          case "-h":
            o.help = true;
            break;
          case "--seed":
            o.seed = true;
            break;
          case "--free-ports":
            o.freePorts = true;
            break;
          case "--systems": {
            String list = value != null ? value : next(args, ++i, arg);
            for (String name : list.split(",")) {
              if (name.isBlank()) {
                continue;
              }
              if (name.trim().equalsIgnoreCase("all")) {
                o.systems.addAll(List.of(SandboxSystem.values()));
              } else {
                o.systems.add(SandboxSystem.of(name));
              }
            }
            break;
          }
          case "--port": {
            String spec = value != null ? value : next(args, ++i, arg);
            int at = spec.indexOf('=');
            if (at <= 0) {
              throw new IllegalArgumentException("--port takes SYSTEM=PORT, was '" + spec + "'");
            }
            o.ports.put(SandboxSystem.of(spec.substring(0, at)), port(spec.substring(at + 1), "--port " + spec));
            break;
          }
          case "--control-port":
            o.controlPort = port(value != null ? value : next(args, ++i, arg), arg);
            break;
          case "--host":
            o.host = value != null ? value : next(args, ++i, arg);
            break;
          case "--webhook-url": {
            String spec = value != null ? value : next(args, ++i, arg);
            String system = "*";
            String url = spec;
            int at = spec.indexOf('=');
            if (at > 0 && !spec.substring(0, at).contains(":")) {
              system = SandboxSystem.of(spec.substring(0, at)).id;
              url = spec.substring(at + 1);
            }
            URI uri;
            try {
              uri = URI.create(url);
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("--webhook-url: not a URL: '" + url + "'");
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
              throw new IllegalArgumentException("--webhook-url must be an http(s) URL, was '" + url + "'");
            }
            o.webhooks.put(system, uri);
            break;
          }
          default:
            throw new IllegalArgumentException("unknown option '" + args[i] + "'");
        }
      }
      if (o.systems.isEmpty()) {
        o.systems.addAll(List.of(SandboxSystem.values()));
      }
      List<SandboxSystem> distinct = o.systems.stream().distinct().toList();
      o.systems.clear();
      o.systems.addAll(distinct);
      if (o.freePorts) {
        o.controlPort = 0;
      }
      return o;
    }

    int port(SandboxSystem s) {
      Integer p = ports.get(s);
      if (p != null) {
        return p;
      }
      return freePorts ? 0 : s.defaultPort;
    }

    private static String next(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static int port(String text, String option) {
      try {
        int p = Integer.parseInt(text.trim());
        if (p < 0 || p > 65535) {
          throw new NumberFormatException();
        }
        return p;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + ": a port is 0 to 65535, was '" + text + "'");
      }
    }
  }
}
