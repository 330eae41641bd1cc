package io.mlconnector.stampli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Immutable, validated settings of one tenant's Stampli SFTP exchange. Everything about the folder
 * layout and naming is configuration, because Stampli publishes none of it: the defaults below are
 * guesses to confirm during onboarding (see the README).
 *
 * <pre>{@code
 * StampliConfig config = StampliConfig.builder("acme", "sftp.example.com", "acme-ap")
 *     .hostKeys(HostKeyPolicy.pinned("SHA256:..."))
 *     .outbound("/outbound").inbound("/inbound").archive("/outbound/archive")
 *     .build();
 * }</pre>
 */
public final class StampliConfig {
  /** The system name used in refs and errors. */
  public static final String SYSTEM = "stampli";

  private final String tenant;
  private final String host;
  private final int port;
  private final String user;
  private final HostKeyPolicy hostKeys;
  private final String outbound;
  private final String inbound;
  private final @Nullable String archive;
  private final boolean outboundReadOnly;
  private final Map<Entity, Pattern> routes;
  private final List<Pattern> ignored;
  private final @Nullable String doneMarkerSuffix;
  private final long maxFileSize;
  private final Duration connectTimeout;
  private final Duration socketTimeout;
  private final Duration sftpTimeout;
  private final int notWellFormedLooks;
  private final Duration idleClose;
  private final StampliTemplate template;

  private StampliConfig(Builder b) {
    this.tenant = b.tenant;
    this.host = b.host;
    this.port = b.port;
    this.user = b.user;
    this.hostKeys = b.hostKeys;
    this.outbound = b.outbound;
    this.inbound = b.inbound;
    this.archive = b.archive;
    this.outboundReadOnly = b.outboundReadOnly;
    this.routes = Map.copyOf(b.routes);
    this.ignored = List.copyOf(b.ignored);
    this.doneMarkerSuffix = b.doneMarkerSuffix;
    this.maxFileSize = b.maxFileSize;
    this.connectTimeout = b.connectTimeout;
    this.socketTimeout = b.socketTimeout;
    this.sftpTimeout = b.sftpTimeout;
    this.notWellFormedLooks = b.notWellFormedLooks;
    this.idleClose = b.idleClose;
    this.template = b.template;
  }

  /**
   * A builder for {@code tenant}'s exchange with {@code host} (port 22) as {@code user}.
   *
   * @param tenant the tenant
   * @param host the SFTP host name or address
   * @param user the SFTP user
   * @return a builder with the defaults documented on each accessor; the host key policy is
   *     required
   * @throws IllegalArgumentException if an argument is blank
   */
  public static Builder builder(String tenant, String host, String user) {
    return new Builder(tenant, host, user);
  }

  /**
   * A builder starting from these settings.
   *
   * @return a builder holding every setting
   */
  public Builder toBuilder() {
    Builder b = new Builder(tenant, host, user);
    b.port = port;
    b.hostKeys = hostKeys;
    b.outbound = outbound;
    b.inbound = inbound;
    b.archive = archive;
    b.outboundReadOnly = outboundReadOnly;
    b.routes.clear();
    b.routes.putAll(routes);
    b.ignored = new ArrayList<>(ignored);
    b.doneMarkerSuffix = doneMarkerSuffix;
    b.maxFileSize = maxFileSize;
    b.connectTimeout = connectTimeout;
    b.socketTimeout = socketTimeout;
    b.sftpTimeout = sftpTimeout;
    b.notWellFormedLooks = notWellFormedLooks;
    b.idleClose = idleClose;
    b.template = template;
    return b;
  }

  /**
   * The tenant.
   *
   * @return the tenant
   */
  public String tenant() {
    return tenant;
  }

  /**
   * The SFTP host.
   *
   * @return the host name or address
   */
  public String host() {
    return host;
  }

  /**
   * The SFTP port (default 22).
   *
   * @return the port, 1 to 65535
   */
  public int port() {
    return port;
  }

  /**
   * The SFTP user.
   *
   * @return the user name
   */
  public String user() {
    return user;
  }

  /**
   * How the host key is verified (required: there is no silent default).
   *
   * @return the host key policy
   */
  public HostKeyPolicy hostKeys() {
    return hostKeys;
  }

  /**
   * The folder Stampli writes its exports to (default {@code /outbound}).
   *
   * @return the absolute folder path, without a trailing slash
   */
  public String outbound() {
    return outbound;
  }

  /**
   * The folder import files for Stampli are written to (default {@code /inbound}).
   *
   * @return the absolute folder path, without a trailing slash
   */
  public String inbound() {
    return inbound;
  }

  /**
   * Where processed exports are moved, or null to leave them in place (default null).
   *
   * @return the folder path, or null
   */
  public @Nullable String archive() {
    return archive;
  }

  /**
   * True when the outbound folder must never be changed (no archive move; default false).
   *
   * @return true when the outbound folder is never changed
   */
  public boolean outboundReadOnly() {
    return outboundReadOnly;
  }

  /**
   * The name pattern routing outbound files to each entity (case-insensitive, matched on the whole
   *     name).
   *
   * @return the pattern of each routed entity; an entity without one is not taken
   */
  public Map<Entity, Pattern> routes() {
    return routes;
  }

  /**
   * Names never taken (temp files, dot files...).
   *
   * @return the whole-name patterns of ignored names
   */
  public List<Pattern> ignored() {
    return ignored;
  }

  /**
   * The suffix of a done-marker file ({@code .done}: {@code a.csv} is taken only once {@code
   * a.csv.done} exists, and at once), or null to use the two-look stability check (default).
   *
   * @return the suffix, or null for the stability check
   */
  public @Nullable String doneMarkerSuffix() {
    return doneMarkerSuffix;
  }

  /**
   * Files larger than this are refused (default 4 GiB).
   *
   * @return the largest size taken, in bytes
   */
  public long maxFileSize() {
    return maxFileSize;
  }

  /**
   * TCP connect timeout (default 10 s).
   *
   * @return the timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Socket read timeout (default 60 s).
   *
   * @return the timeout
   */
  public Duration socketTimeout() {
    return socketTimeout;
  }

  /**
   * Timeout of one SFTP request (default 30 s).
   *
   * @return the timeout
   */
  public Duration sftpTimeout() {
    return sftpTimeout;
  }

  /**
   * How many looks at an unchanged file that does not parse (XML not well-formed, CSV cut in a
   * quoted field) before its unreadable rest is parked (default 3); until then it is taken as still
   * being written and retried.
   *
   * @return the number of looks, at least 1
   */
  public int notWellFormedLooks() {
    return notWellFormedLooks;
  }

  /**
   * How long the client's shared connection stays open after its last operation (default 2 s):
   * the operations of one burst share it; it is never kept between polls. Zero: one connection per
   * operation.
   *
   * @return the idle time, zero to one minute
   */
  public Duration idleClose() {
    return idleClose;
  }

  /**
   * The file template.
   *
   * @return how the files' columns and values are read and written
   */
  public StampliTemplate template() {
    return template;
  }

  /**
   * The entity a file name routes to, or null.
   *
   * @param name a file name, without the folder
   * @return the first entity whose pattern matches the whole name, or null when none does
   */
  public @Nullable Entity route(String name) {
    for (Entity e : Entity.values()) {
      Pattern p = routes.get(e);
      if (p != null && p.matcher(name).matches()) {
        return e;
      }
    }
    return null;
  }

  /**
   * Whether a name is a temp or hidden name never to be taken.
   *
   * @param name a file name, without the folder
   * @return true when an ignore pattern matches the whole name
   */
  public boolean isIgnored(String name) {
    return ignored.stream().anyMatch(p -> p.matcher(name).matches());
  }

  @Override
  public String toString() {
    return "StampliConfig[tenant=" + tenant + ", " + user + "@" + host + ":" + port + ", outbound="
        + outbound + ", inbound=" + inbound + ", archive=" + archive + "]";
  }

  /**
   * Turns a glob ({@code *invoice*.csv}) into a case-insensitive whole-name pattern.
   *
   * @param glob the glob: {@code *} any run of characters, {@code ?} one character, {@code |}
   *     between alternatives
   * @return the pattern
   */
  public static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '|' -> re.append('|');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile("(?:" + re + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** Builds a {@link StampliConfig}. */
  public static final class Builder {
    private final String tenant;
    private final String host;
    private final String user;
    private int port = 22;
    private @Nullable HostKeyPolicy hostKeys;
    private String outbound = "/outbound";
    private String inbound = "/inbound";
    private @Nullable String archive;
    private boolean outboundReadOnly;
    private final Map<Entity, Pattern> routes = new EnumMap<>(Entity.class);
    private List<Pattern> ignored = new ArrayList<>();
    private @Nullable String doneMarkerSuffix;
    private long maxFileSize = 4L << 30;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration socketTimeout = Duration.ofSeconds(60);
    private Duration sftpTimeout = Duration.ofSeconds(30);
    private int notWellFormedLooks = 3;
    private Duration idleClose = Duration.ofSeconds(2);
    private StampliTemplate template = StampliTemplate.defaults();

    private Builder(String tenant, String host, String user) {
      this.tenant = text(tenant, "tenant");
      this.host = text(host, "host");
      this.user = text(user, "user");
      routes.put(Entity.INVOICES, glob("*invoice*|*bill*"));
      routes.put(Entity.VENDORS, glob("*vendor*|*supplier*"));
      routes.put(Entity.PAYMENTS, glob("*payment*"));
      routes.put(Entity.GL_ACCOUNTS, glob("*gl*account*|*chart*"));
      for (String g : List.of(".*", "*.tmp", "*.part", "*.filepart", "*.partial", "*.writing", "*~")) {
        ignored.add(glob(g));
      }
    }

    private static String text(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    private static String dir(String value, String name) {
      text(value, name);
      if (!value.startsWith("/") && !value.startsWith(".")) {
        value = "/" + value;
      }
      if (value.contains("/../") || value.endsWith("/..")) {
        throw new IllegalArgumentException(name + " must not contain '..', was " + value);
      }
      return value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /**
     * The port, 1 to 65535.
     *
     * @param value the port
     * @return this builder
     * @throws IllegalArgumentException if the port is out of range
     */
    public Builder port(int value) {
      if (value < 1 || value > 65535) {
        throw new IllegalArgumentException("port must be 1 to 65535, was " + value);
      }
      this.port = value;
      return this;
    }

    /**
     * How the host key is verified (required).
     *
     * @param value the policy
     * @return this builder
     */
    public Builder hostKeys(HostKeyPolicy value) {
      this.hostKeys = Objects.requireNonNull(value, "hostKeys");
      return this;
    }

    /**
     * The outbound (export) folder.
     *
     * @param value the folder path; a missing leading slash is added, a trailing one dropped
     * @return this builder
     * @throws IllegalArgumentException if the path is blank or contains {@code ..}
     */
    public Builder outbound(String value) {
      this.outbound = dir(value, "outbound");
      return this;
    }

    /**
     * The inbound (import) folder.
     *
     * @param value the folder path; a missing leading slash is added, a trailing one dropped
     * @return this builder
     * @throws IllegalArgumentException if the path is blank or contains {@code ..}
     */
    public Builder inbound(String value) {
      this.inbound = dir(value, "inbound");
      return this;
    }

    /**
     * Where processed exports are moved (null: leave them in place).
     *
     * @param value the folder path, or null
     * @return this builder
     * @throws IllegalArgumentException if the path is blank or contains {@code ..}
     */
    public Builder archive(@Nullable String value) {
      this.archive = value == null ? null : dir(value, "archive");
      return this;
    }

    /**
     * Never change the outbound folder (implies no archive move).
     *
     * @param value true to never change the outbound folder
     * @return this builder
     */
    public Builder outboundReadOnly(boolean value) {
      this.outboundReadOnly = value;
      return this;
    }

    /**
     * Routes outbound files whose whole name matches {@code glob} (case-insensitive; {@code |}
     *     separates alternatives) to {@code entity}.
     *
     * @param entity the entity
     * @param glob the name glob, as for {@link StampliConfig#glob(String)}; replaces the entity's
     *     route
     * @return this builder
     * @throws IllegalArgumentException if {@code glob} is blank
     */
    public Builder route(Entity entity, String glob) {
      routes.put(Objects.requireNonNull(entity, "entity"), glob(text(glob, "route")));
      return this;
    }

    /**
     * Routes outbound files matching {@code regex} (whole name) to {@code entity}.
     *
     * @param entity the entity
     * @param regex the whole-name pattern; replaces the entity's route
     * @return this builder
     */
    public Builder route(Entity entity, Pattern regex) {
      routes.put(Objects.requireNonNull(entity, "entity"), Objects.requireNonNull(regex, "route"));
      return this;
    }

    /**
     * Stops taking files of {@code entity} at all.
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder noRoute(Entity entity) {
      routes.remove(entity);
      return this;
    }

    /**
     * Also ignores names matching {@code glob}.
     *
     * @param glob the name glob, as for {@link StampliConfig#glob(String)}
     * @return this builder
     * @throws IllegalArgumentException if {@code glob} is blank
     */
    public Builder ignore(String glob) {
      ignored.add(glob(text(glob, "ignore")));
      return this;
    }

    /**
     * Takes a file only once its done marker ({@code name + suffix}) exists.
     *
     * @param value the suffix, e.g. {@code .done}, or null for the two-look stability check
     * @return this builder
     * @throws IllegalArgumentException if the suffix is blank or contains {@code /}
     */
    public Builder doneMarkerSuffix(@Nullable String value) {
      if (value != null && (value.isBlank() || value.contains("/"))) {
        throw new IllegalArgumentException("doneMarkerSuffix must be a plain suffix like .done, was " + value);
      }
      this.doneMarkerSuffix = value;
      return this;
    }

    /**
     * Files larger than this are refused.
     *
     * @param bytes the largest size taken, in bytes, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is below 1
     */
    public Builder maxFileSize(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxFileSize must be positive, was " + bytes);
      }
      this.maxFileSize = bytes;
      return this;
    }

    /**
     * The timeouts: TCP connect, socket read, one SFTP request.
     *
     * @param connect the TCP connect timeout
     * @param socket the socket read timeout
     * @param sftp the timeout of one SFTP request
     * @return this builder
     * @throws IllegalArgumentException if one is null, not positive or longer than {@code
     *     Integer.MAX_VALUE} milliseconds
     */
    public Builder timeouts(Duration connect, Duration socket, Duration sftp) {
      for (Duration d : new Duration[] {connect, socket, sftp}) {
        if (d == null || d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("timeouts must be positive, was " + d);
        }
      }
      this.connectTimeout = connect;
      this.socketTimeout = socket;
      this.sftpTimeout = sftp;
      return this;
    }

    /**
     * Looks at an unchanged unparseable file before its rest is parked (1 or more).
     *
     * @param value the number of looks
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public Builder notWellFormedLooks(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("notWellFormedLooks must be at least 1, was " + value);
      }
      this.notWellFormedLooks = value;
      return this;
    }

    /**
     * How long the shared connection stays open when idle (zero: one connection per operation; at
     *     most 1 minute).
     *
     * @param value the idle time, zero to one minute
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is null, negative or above one minute
     */
    public Builder idleClose(Duration value) {
      if (value == null || value.isNegative() || value.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("idleClose must be 0 to 1 minute, was " + value);
      }
      this.idleClose = value;
      return this;
    }

    /**
     * The file template.
     *
     * @param value the template
     * @return this builder
     */
    public Builder template(StampliTemplate value) {
      this.template = Objects.requireNonNull(value, "template");
      return this;
    }

    /**
     * The settings.
     *
     * @return the settings
     * @throws IllegalArgumentException if the host key policy is missing, an archive is set with a
     *     read-only outbound folder, or two folders coincide
     */
    public StampliConfig build() {
      if (hostKeys == null) {
        throw new IllegalArgumentException(
            "hostKeys is required: HostKeyPolicy.knownHosts(file), .pinned(fingerprint), or explicitly"
                + " .insecureAcceptAnyHostKey()");
      }
      if (archive != null && outboundReadOnly) {
        throw new IllegalArgumentException("archive cannot be set when outboundReadOnly is true");
      }
      if (archive != null && archive.equals(outbound)) {
        throw new IllegalArgumentException("archive must differ from outbound");
      }
      if (inbound.equals(outbound)) {
        throw new IllegalArgumentException("inbound must differ from outbound");
      }
      return new StampliConfig(this);
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
