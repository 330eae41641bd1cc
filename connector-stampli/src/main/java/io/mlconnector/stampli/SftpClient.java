package io.mlconnector.stampli;

import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.stampli.internal.HostKeyCheck;
import io.mlconnector.stampli.internal.SshErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.FileMode;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.RenameFlags;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SFTP side of Stampli's file exchange for one tenant, usable on its own. Listing, archive
 * moves and import writes share one connection per burst, closed after {@link
 * StampliConfig#idleClose()} without use (2 s by default; zero opens one per operation); a read
 * has a connection of its own, closed with its stream; {@link #open()} gives a connection to manage
 * yourself. Nothing stays open between polls.
 *
 * <pre>{@code
 * SftpClient sftp = SftpClient.create(config, StampliCredentials.password(secret));
 * PingReport ping = sftp.ping();                       // connect, host key, auth, list, write
 * for (ListedFile f : sftp.stableFiles()) {            // taken once unchanged across two looks
 *   try (FileStream in = sftp.read(f)) { parse(in); String sha = in.sha256(); }
 *   sftp.archive(f);                                   // or left in place (read-only outbound)
 * }
 * sftp.writeImport("vendors-0001.csv", out -> out.write(bytes));   // temp name, then rename
 * }</pre>
 *
 * <p>Listing refuses names with path separators or {@code ..}, symbolic links that lead out of the
 * outbound folder and files over {@link StampliConfig#maxFileSize()}, each with a reason (see
 * {@link Listing#refused()}); temp and dot names are ignored.
 */
public final class SftpClient {
  private static final Logger log = LoggerFactory.getLogger(SftpClient.class);

  private final StampliConfig config;
  private final StampliCredentials credentials;
  private final Map<String, ListedFile> looks = new ConcurrentHashMap<>();
  private static final java.util.concurrent.ScheduledExecutorService IDLE =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stampli-sftp-idle-close");
        t.setDaemon(true);
        return t;
      });
  private final Object sharedLock = new Object();
  private Session shared;
  private long sharedUses;

  private SftpClient(StampliConfig config, StampliCredentials credentials) {
    this.config = Objects.requireNonNull(config, "config");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  /** A client for {@code config}'s server logging in with {@code credentials}. */
  public static SftpClient create(StampliConfig config, StampliCredentials credentials) {
    return new SftpClient(config, credentials);
  }

  /** The settings. */
  public StampliConfig config() {
    return config;
  }

  /** Opens one connection for several operations; close it when done. */
  public Session open() {
    return new Session();
  }

  /** Lists the outbound folder. */
  public Listing list() {
    return withSession(Session::list);
  }

  /**
   * The routed files that are stable: listed with the same size and modification time by the
   * previous call of this method, or with their done marker (done-marker mode). Refusals are
   * logged.
   */
  public List<ListedFile> stableFiles() {
    Listing listing = list();
    for (Listing.Refusal r : listing.refused()) {
      log.warn("refused {}: {}", r.name(), r.reason());
    }
    List<ListedFile> stable = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ListedFile f : listing.files()) {
      seen.add(f.name());
      ListedFile previous = looks.put(f.name(), f);
      if (f.readyMarker()
          || (previous != null && previous.size() == f.size() && previous.modifiedAt().equals(f.modifiedAt()))) {
        stable.add(f);
      }
    }
    looks.keySet().retainAll(seen);
    return stable;
  }

  /** Streams a file; the stream owns a connection of its own, closed with it. */
  public FileStream read(ListedFile file) {
    Session s = open();
    try {
      return s.read(file, s);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** Downloads a file to {@code out} (not closed), with its SHA-256. One connection. */
  public Download download(ListedFile file, OutputStream out) {
    try (Session s = open()) {
      return s.download(file, out);
    }
  }

  /**
   * Moves a processed file to the archive folder (a timestamp suffix when the name is taken), with
   * its done marker; does nothing when there is no archive folder or the outbound folder is
   * read-only. Returns whether the file was moved.
   */
  public boolean archive(ListedFile file) {
    if (config.archive() == null || config.outboundReadOnly()) {
      return false;
    }
    return withSession(s -> s.archive(file));
  }

  /**
   * Writes an import file to the inbound folder atomically: under a temp name first ({@code
   * .name.tmp}), then renamed, so Stampli never sees half a file.
   */
  public void writeImport(String name, ContentWriter content) {
    withSession(s -> {
      s.writeImport(name, content);
      return null;
    });
  }

  /** The names of the regular files in the inbound folder. */
  public List<String> listInbound() {
    return withSession(Session::listInbound);
  }

  /**
   * Runs {@code op} on this client's shared connection: opened on first use, reused by the
   * operations of one burst (a poll's listing and archive moves, a run's import writes), and closed
   * once idle for {@link StampliConfig#idleClose()} (with a zero idle time, every operation opens and
   * closes its own). A failed operation closes it at once. Operations on it run one at a time.
   */
  private <T> T withSession(java.util.function.Function<Session, T> op) {
    if (config.idleClose().isZero()) {
      try (Session s = open()) {
        return op.apply(s);
      }
    }
    synchronized (sharedLock) {
      if (shared == null) {
        shared = open();
      }
      Session s = shared;
      long use = ++sharedUses;
      try {
        T result = op.apply(s);
        IDLE.schedule(() -> closeIfIdle(s, use), config.idleClose().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return result;
      } catch (RuntimeException e) {
        shared = null;
        s.close();
        throw e;
      }
    }
  }

  private void closeIfIdle(Session s, long use) {
    synchronized (sharedLock) {
      if (shared == s && sharedUses == use) {
        shared = null;
        s.close();
      }
    }
  }

  /** Closes the shared connection now, if one is open (it also closes itself when idle). */
  public void closeIdle() {
    synchronized (sharedLock) {
      if (shared != null) {
        shared.close();
        shared = null;
      }
    }
  }

  /**
   * Checks the exchange step by step: {@code connect} (TCP and SSH transport), {@code host-key}
   * (the fingerprint offered and whether it was verified), {@code auth}, {@code list-outbound}
   * (routed file count) and {@code write-inbound} (a probe file written and removed), each with
   * its latency. Stops at the first failing step. Never throws for a remote failure.
   */
  public PingReport ping() {
    List<PingReport.Check> checks = new ArrayList<>();
    HostKeyCheck hk;
    try {
      hk = new HostKeyCheck(config.hostKeys());
    } catch (IOException e) {
      checks.add(new PingReport.Check("host-key", false, Duration.ZERO,
          "cannot read known_hosts " + config.hostKeys().knownHosts() + ": " + e.getMessage()));
      return new PingReport(checks);
    }
    SSHClient ssh = newSsh(hk);
    long t0 = System.nanoTime();
    try {
      try {
        ssh.connect(config.host(), config.port());
        checks.add(new PingReport.Check("connect", true, since(t0), config.host() + ":" + config.port()));
        checks.add(new PingReport.Check("host-key", true, Duration.ZERO,
            hk.offered() + (config.hostKeys().acceptAny() ? " (NOT verified: insecureAcceptAnyHostKey)" : " verified")));
      } catch (IOException e) {
        if (Boolean.FALSE.equals(hk.accepted())) {
          checks.add(new PingReport.Check("connect", true, since(t0), config.host() + ":" + config.port()));
          checks.add(new PingReport.Check("host-key", false, Duration.ZERO,
              "the server offered " + hk.offered() + ", which the host key policy does not accept"));
        } else {
          checks.add(new PingReport.Check("connect", false, since(t0), describe(e)));
        }
        return new PingReport(checks);
      }
      long t1 = System.nanoTime();
      try {
        authenticate(ssh);
        checks.add(new PingReport.Check("auth", true, since(t1), "logged in as " + config.user()
            + (credentials.usesKey() ? " with a key" : " with a password")));
      } catch (IOException e) {
        checks.add(new PingReport.Check("auth", false, since(t1), describe(e)));
        return new PingReport(checks);
      }
      try (SFTPClient sftp = ssh.newSFTPClient()) {
        sftp.getSFTPEngine().setTimeoutMs((int) config.sftpTimeout().toMillis());
        long t2 = System.nanoTime();
        try {
          Listing l = list(sftp);
          checks.add(new PingReport.Check("list-outbound", true, since(t2), l.files().size() + " file(s) to take, "
              + l.refused().size() + " refused, " + l.ignored().size() + " ignored in " + config.outbound()));
        } catch (IOException e) {
          checks.add(new PingReport.Check("list-outbound", false, since(t2), config.outbound() + ": " + describe(e)));
          return new PingReport(checks);
        }
        long t3 = System.nanoTime();
        String probe = config.inbound() + "/.mlc-ping-" + UUID.randomUUID() + ".tmp";
        try {
          try (RemoteFile rf = sftp.open(probe, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC))) {
            rf.write(0, new byte[] {'o', 'k'}, 0, 2);
          }
          sftp.rm(probe);
          checks.add(new PingReport.Check("write-inbound", true, since(t3), "probe written and removed in " + config.inbound()));
        } catch (IOException e) {
          checks.add(new PingReport.Check("write-inbound", false, since(t3), config.inbound() + ": " + describe(e)));
        }
      }
    } catch (IOException e) {
      checks.add(new PingReport.Check("sftp", false, since(t0), describe(e)));
    } finally {
      quietly(ssh);
    }
    return new PingReport(checks);
  }

  @Override
  public String toString() {
    return "SftpClient[" + config + ", " + credentials + "]";
  }

  // ------------------------------------------------------------------ internals

  private SSHClient newSsh(HostKeyCheck hk) {
    SSHClient ssh = new SSHClient(new DefaultConfig());
    ssh.setConnectTimeout((int) config.connectTimeout().toMillis());
    ssh.setTimeout((int) config.socketTimeout().toMillis());
    ssh.addHostKeyVerifier(hk);
    return ssh;
  }

  private void authenticate(SSHClient ssh) throws IOException {
    if (credentials.usesKey()) {
      KeyProvider kp = ssh.loadKeys(
          credentials.privateKeyText().reveal(), null,
          credentials.passphrase() == null ? null : PasswordUtils.createOneOff(credentials.passphrase().toChars()));
      ssh.authPublickey(config.user(), kp);
    } else {
      char[] pw = credentials.password().toChars();
      try {
        ssh.authPassword(config.user(), pw);
      } finally {
        java.util.Arrays.fill(pw, '\0');
      }
    }
  }

  private Listing list(SFTPClient sftp) throws IOException {
    String dir = config.outbound();
    List<RemoteResourceInfo> entries = sftp.ls(dir);
    Set<String> names = new HashSet<>();
    for (RemoteResourceInfo e : entries) {
      names.add(e.getName());
    }
    List<ListedFile> files = new ArrayList<>();
    List<Listing.Refusal> refused = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    String marker = config.doneMarkerSuffix();
    for (RemoteResourceInfo e : entries) {
      String name = e.getName();
      if (name.equals(".") || name.equals("..")) {
        continue;
      }
      if (name.contains("/") || name.contains("\\") || name.contains("..") || name.chars().anyMatch(c -> c < 0x20)) {
        refused.add(new Listing.Refusal(name, "name has a path separator, '..' or a control character (path traversal)"));
        continue;
      }
      if (config.isIgnored(name) || (marker != null && name.endsWith(marker))) {
        ignored.add(name);
        continue;
      }
      Entity entity = config.route(name);
      if (entity == null) {
        ignored.add(name);
        continue;
      }
      String path = dir + "/" + name;
      FileAttributes attrs = sftp.lstat(path);
      if (attrs.getType() == FileMode.Type.SYMLINK) {
        String real;
        try {
          real = followLinks(sftp, dir, path);
        } catch (IOException broken) {
          refused.add(new Listing.Refusal(name, "symbolic link that leads nowhere (" + broken.getMessage() + ")"));
          continue;
        }
        if (!real.startsWith(dir + "/") || real.indexOf('/', dir.length() + 1) >= 0) {
          refused.add(new Listing.Refusal(name, "symbolic link leading out of " + dir + " (to " + real + ")"));
          continue;
        }
        attrs = sftp.stat(path);
      }
      if (attrs.getType() == FileMode.Type.DIRECTORY) {
        ignored.add(name);
        continue;
      }
      if (attrs.getType() != FileMode.Type.REGULAR) {
        refused.add(new Listing.Refusal(name, "not a regular file (" + attrs.getType() + ")"));
        continue;
      }
      if (attrs.getSize() > config.maxFileSize()) {
        refused.add(new Listing.Refusal(name, "file is " + attrs.getSize() + " bytes, more than maxFileSize "
            + config.maxFileSize()));
        continue;
      }
      boolean ready = marker != null && names.contains(name + marker);
      if (marker != null && !ready) {
        ignored.add(name);
        continue;
      }
      files.add(new ListedFile(name, path, entity, attrs.getSize(),
          Instant.ofEpochSecond(attrs.getMtime()), ready));
    }
    files.sort(java.util.Comparator.comparing(ListedFile::name));
    return new Listing(files, refused, ignored);
  }

  /**
   * Where a symbolic link finally leads, as a normalised absolute path: readlink step by step
   * (servers differ on whether realpath follows links), at most 8 links deep.
   */
  private static String followLinks(SFTPClient sftp, String dir, String path) throws IOException {
    String current = path;
    for (int i = 0; i < 8; i++) {
      FileAttributes a = sftp.lstat(current);
      if (a.getType() != FileMode.Type.SYMLINK) {
        return current;
      }
      String target = sftp.readlink(current);
      String parent = current.substring(0, current.lastIndexOf('/'));
      current = normalize(target.startsWith("/") ? target : parent + "/" + target);
    }
    throw new IOException("more than 8 links deep");
  }

  private static String normalize(String path) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(p);
      }
    }
    return "/" + String.join("/", parts);
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static void quietly(SSHClient ssh) {
    try {
      ssh.disconnect();
    } catch (IOException | RuntimeException e) {
      log.debug("disconnect failed", e);
    }
  }

  private static void validName(String name) {
    if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.contains("..")
        || name.startsWith(".")) {
      throw new IllegalArgumentException("import file name must be a plain name (no '/', '..' or leading '.'), was " + name);
    }
  }

  /** Writes a file's content. */
  @FunctionalInterface
  public interface ContentWriter {
    /** Writes the content to {@code out} (closed by the caller). */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * One connection for several operations. Not thread-safe; close it (try-with-resources) when
   * done.
   */
  public final class Session implements AutoCloseable {
    private final SSHClient ssh;
    private final SFTPClient sftp;
    private final HostKeyCheck hk;
    private boolean closed;

    private Session() {
      HostKeyCheck check = null;
      SSHClient client = null;
      try {
        check = new HostKeyCheck(config.hostKeys());
        client = newSsh(check);
        client.connect(config.host(), config.port());
        authenticate(client);
        SFTPClient s = client.newSFTPClient();
        s.getSFTPEngine().setTimeoutMs((int) config.sftpTimeout().toMillis());
        this.ssh = client;
        this.sftp = s;
        this.hk = check;
      } catch (IOException e) {
        if (client != null) {
          quietly(client);
        }
        throw SshErrors.map("connect " + config.host() + ":" + config.port(), e, check == null ? null : check.offered());
      }
    }

    /** Lists the outbound folder. */
    public Listing list() {
      try {
        return SftpClient.this.list(sftp);
      } catch (IOException e) {
        throw SshErrors.map("list " + config.outbound(), e, hk.offered());
      }
    }

    /** Streams a file over this session (closing the stream leaves the session open). */
    public FileStream read(ListedFile file) {
      return read(file, null);
    }

    private FileStream read(ListedFile file, AutoCloseable owner) {
      try {
        RemoteFile rf = sftp.open(file.path(), EnumSet.of(OpenMode.READ));
        InputStream in = rf.new ReadAheadRemoteFileInputStream(16);
        AutoCloseable release = () -> {
          try {
            in.close();
          } finally {
            try {
              rf.close();
            } catch (IOException e) {
              log.debug("closing {} failed", file.path(), e);
            }
            if (owner != null) {
              owner.close();
            }
          }
        };
        return new FileStream(in, file.name(), file.size(), config.maxFileSize(), release);
      } catch (IOException e) {
        throw SshErrors.map("read " + file.path(), e, hk.offered());
      }
    }

    /** Downloads a file to {@code out}, with its SHA-256. */
    public Download download(ListedFile file, OutputStream out) {
      try (FileStream in = read(file)) {
        in.transferTo(out);
        return new Download(in.sha256(), in.bytesRead());
      } catch (IOException e) {
        throw SshErrors.map("read " + file.path(), e, hk.offered());
      }
    }

    /** See {@link SftpClient#archive}. */
    public boolean archive(ListedFile file) {
      if (config.archive() == null || config.outboundReadOnly()) {
        return false;
      }
      String target = config.archive() + "/" + file.name();
      try {
        if (sftp.statExistence(config.archive()) == null) {
          sftp.mkdirs(config.archive());
        }
        if (sftp.statExistence(target) != null) {
          target = config.archive() + "/" + file.name() + "." + Instant.now().getEpochSecond() + "-"
              + UUID.randomUUID().toString().substring(0, 8);
        }
        sftp.rename(file.path(), target);
        String marker = config.doneMarkerSuffix();
        if (marker != null && sftp.statExistence(file.path() + marker) != null) {
          sftp.rm(file.path() + marker);
        }
        log.info("archived {} to {}", file.path(), target);
        return true;
      } catch (IOException e) {
        throw SshErrors.map("archive " + file.path(), e, hk.offered());
      }
    }

    /** See {@link SftpClient#writeImport}. */
    public void writeImport(String name, ContentWriter content) {
      validName(name);
      String target = config.inbound() + "/" + name;
      String tmp = config.inbound() + "/." + name + ".tmp";
      try {
        try (RemoteFile rf = sftp.open(tmp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC));
            OutputStream out = new java.io.BufferedOutputStream(rf.new RemoteFileOutputStream(0, 16), 1 << 15)) {
          content.writeTo(out);
        }
        try {
          sftp.rename(tmp, target, EnumSet.of(RenameFlags.OVERWRITE, RenameFlags.ATOMIC));
        } catch (SFTPException e) {
          if (sftp.statExistence(target) == null) {
            throw e;
          }
          // a v3 server without posix-rename: replace the old file (the only non-atomic moment)
          sftp.rm(target);
          sftp.rename(tmp, target);
        }
      } catch (IOException e) {
        try {
          if (sftp.statExistence(tmp) != null) {
            sftp.rm(tmp);
          }
        } catch (IOException ignored) {
          // the temp name is ignored by everyone; it is overwritten next time
        }
        ConnectorException mapped = SshErrors.map("write " + target, e, hk.offered());
        throw mapped;
      }
    }

    /** See {@link SftpClient#listInbound}. */
    public List<String> listInbound() {
      try {
        List<String> out = new ArrayList<>();
        for (RemoteResourceInfo e : sftp.ls(config.inbound())) {
          if (e.isRegularFile() && !e.getName().startsWith(".")) {
            out.add(e.getName());
          }
        }
        out.sort(null);
        return out;
      } catch (IOException e) {
        throw SshErrors.map("list " + config.inbound(), e, hk.offered());
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        sftp.close();
      } catch (IOException e) {
        log.debug("closing the SFTP channel failed", e);
      }
      quietly(ssh);
    }
  }

  static RejectedException refused(String operation, String message) {
    return new RejectedException(ErrorDetails.of(StampliConfig.SYSTEM, operation).withRemote("refused", message));
  }
}
