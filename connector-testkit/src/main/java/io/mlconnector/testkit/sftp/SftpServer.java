package io.mlconnector.testkit.sftp;

import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.http.SimRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.jspecify.annotations.Nullable;

/**
 * A real SFTP server on a free loopback port for tests and sandboxes, serving a directory on disk
 * as its root ({@code /}).
 *
 * <pre>{@code
 * try (SftpServer sftp = SftpServer.builder().user("stampli", "s3cret").readOnly("/outbound").start()) {
 *   sftp.put("/outbound/invoices-1.csv", bytes);           // appears at once (temp name, rename)
 *   GrowingFile f = sftp.grow("/outbound/invoices-2.csv"); // written in steps, like a slow exporter
 *   sftp.faults().failNext(1, Fault.CONNECTION_DROP);      // the next SFTP request drops the session
 *   String pin = sftp.hostKeyFingerprint();                // SHA256:... for the client to pin
 * }
 * }</pre>
 *
 * <p>Faults come from the shared {@link FaultInjector}: each SFTP request (open, read, readdir,
 * write, rename, remove) is offered to it as a {@link SimRequest} whose method is the SFTP
 * operation ({@code OPEN}, {@code READ}, {@code READDIR}, {@code WRITE}, {@code RENAME}, {@code
 * REMOVE}) and whose path is the file's path; latency slows the request (a slow transfer), {@link
 * Fault#CONNECTION_DROP} closes the session, {@link Fault#SERVER_ERROR} fails the request.
 */
public final class SftpServer implements AutoCloseable {
  private final SshServer sshd;
  private final Path root;
  private final boolean ownRoot;
  private final FaultInjector faults = new FaultInjector();
  private final Set<String> readOnly;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final AtomicLong sessions = new AtomicLong();
  private final Set<ServerSession> open = ConcurrentHashMap.newKeySet();
  private final PublicKey hostKey;

  private SftpServer(Builder b) throws IOException {
    this.ownRoot = b.root == null;
    this.root = b.root != null ? b.root : Files.createTempDirectory("sftp-root");
    this.readOnly = Set.copyOf(b.readOnly);
    for (String dir : b.dirs) {
      Files.createDirectories(resolve(dir));
    }
    Path hostKeyFile = b.hostKeyFile != null ? b.hostKeyFile : sharedHostKeyFile();
    SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
    keys.setAlgorithm(KeyUtils.RSA_ALGORITHM);
    keys.setKeySize(2048);
    sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(0);
    sshd.setKeyPairProvider(keys);
    Map<String, String> passwords = Map.copyOf(b.passwords);
    Map<String, List<PublicKey>> authorized = Map.copyOf(b.keys);
    sshd.setPasswordAuthenticator(
        (user, password, session) -> password != null && password.equals(passwords.get(user)));
    sshd.setPublickeyAuthenticator(
        (user, key, session) ->
            authorized.getOrDefault(user, List.of()).stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
    SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
    sftp.addSftpEventListener(new Listener());
    sshd.setSubsystemFactories(List.of(sftp));
    sshd.addSessionListener(
        new org.apache.sshd.common.session.SessionListener() {
          @Override
          public void sessionCreated(org.apache.sshd.common.session.Session session) {
            sessions.incrementAndGet();
            if (session instanceof ServerSession s) {
              open.add(s);
            }
          }

          @Override
          public void sessionClosed(org.apache.sshd.common.session.Session session) {
            open.remove(session);
          }
        });
    sshd.start();
    try {
      KeyPair kp = keys.loadKeys(null).iterator().next();
      this.hostKey = kp.getPublic();
    } catch (Exception e) {
      sshd.stop(true);
      throw new IOException("could not read the host key", e);
    }
  }

  private static @Nullable Path sharedHostKey;

  /** One host key file per JVM for servers without their own (an RSA key is slow to generate). */
  private static synchronized Path sharedHostKeyFile() throws IOException {
    if (sharedHostKey == null) {
      Path dir = Files.createTempDirectory("sftp-hostkey");
      dir.toFile().deleteOnExit();
      sharedHostKey = dir.resolve("hostkey.ser");
      sharedHostKey.toFile().deleteOnExit();
    }
    return sharedHostKey;
  }

  /**
   * A new builder: no users, a temporary root with {@code /outbound}, {@code /inbound} and {@code
   * /archive}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The loopback address the server listens on.
   *
   * @return {@code 127.0.0.1}
   */
  public String host() {
    return "127.0.0.1";
  }

  /**
   * The port the server listens on.
   *
   * @return the port, chosen free by the OS
   */
  public int port() {
    return sshd.getPort();
  }

  /**
   * The host key's SHA-256 fingerprint, for a client to pin.
   *
   * @return {@code SHA256:<base64>}, as {@code ssh-keygen -l} shows it
   */
  public String hostKeyFingerprint() {
    return KeyUtils.getFingerPrint(hostKey);
  }

  /**
   * A {@code known_hosts} line for this server.
   *
   * @return {@code [127.0.0.1]:port ssh-rsa AAAA...}
   */
  public String knownHostsLine() {
    return "[" + host() + "]:" + port() + " " + PublicKeyEntry.toString(hostKey);
  }

  /**
   * The directory on disk served as {@code /}.
   *
   * @return the builder's root, else the temporary directory deleted on close
   */
  public Path root() {
    return root;
  }

  /**
   * The fault injector consulted on every SFTP request.
   *
   * @return this server's own injector
   */
  public FaultInjector faults() {
    return faults;
  }

  /**
   * SSH sessions opened so far.
   *
   * @return the count since start, failed logins included
   */
  public long sessionsOpened() {
    return sessions.get();
  }

  /**
   * SSH sessions open now.
   *
   * @return the count now
   */
  public int sessionsOpen() {
    return open.size();
  }

  /**
   * What clients did, one line per request ({@code OPEN /outbound/a.csv read}, {@code RENAME a ->
   * b}, {@code READ /outbound/a.csv}, once per handle ...).
   *
   * @return a snapshot, oldest first
   */
  public List<String> requestLog() {
    return List.copyOf(log);
  }

  /**
   * How many times a file was opened for reading.
   *
   * @param path the server path as clients name it, for example {@code /outbound/a.csv}
   * @return the count since start
   */
  public long readsOf(String path) {
    String line = "OPEN " + path + " read";
    return log.stream().filter(line::equals).count();
  }

  /**
   * The path on disk of a server path.
   *
   * @param serverPath for example {@code /outbound/a.csv}; a leading {@code /} is optional
   * @return the path under {@link #root()}; the file need not exist
   * @throws IllegalArgumentException if the path leads outside the root
   */
  public Path resolve(String serverPath) {
    String rel = serverPath.startsWith("/") ? serverPath.substring(1) : serverPath;
    Path p = root.resolve(rel).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException("path leaves the server root: " + serverPath);
    }
    return p;
  }

  /**
   * Creates a directory (and its parents).
   *
   * @param serverPath the directory's server path
   * @return this server
   * @throws UncheckedIOException if the directory cannot be created
   */
  public SftpServer mkdirs(String serverPath) {
    try {
      Files.createDirectories(resolve(serverPath));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Puts a file atomically (written under a temp name, then renamed), as a careful exporter does;
   * replaces a file of that name and creates missing directories.
   *
   * @param serverPath the file's server path
   * @param content the bytes
   * @return this server
   * @throws UncheckedIOException if the file cannot be written
   */
  public SftpServer put(String serverPath, byte[] content) {
    try {
      Path target = resolve(serverPath);
      Files.createDirectories(target.getParent());
      Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
      Files.write(tmp, content);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a file of any size from a writer callback (streamed, never held in memory), atomically
   * like {@link #put(String, byte[])}.
   *
   * @param serverPath the file's server path
   * @param writer writes the content
   * @return this server
   * @throws UncheckedIOException if the file cannot be written or the writer fails
   */
  public SftpServer put(String serverPath, ContentWriter writer) {
    try {
      Path target = resolve(serverPath);
      Files.createDirectories(target.getParent());
      Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        writer.writeTo(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sets a file's modification time (SFTP v3 carries whole seconds).
   *
   * @param serverPath the file's server path
   * @param modified the new time
   * @return this server
   * @throws UncheckedIOException if there is no such file
   */
  public SftpServer touch(String serverPath, Instant modified) {
    try {
      Files.setLastModifiedTime(resolve(serverPath), FileTime.from(modified));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Renames a file on the server (as an exporter re-publishing a file under a new name would).
   *
   * @param from the file's server path
   * @param to its new server path
   * @return this server
   * @throws UncheckedIOException if the file cannot be moved
   */
  public SftpServer rename(String from, String to) {
    try {
      Files.move(resolve(from), resolve(to), StandardCopyOption.ATOMIC_MOVE);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates a symbolic link {@code link} pointing at {@code target}.
   *
   * @param link the link's server path
   * @param target the link text as stored, relative or absolute
   * @return this server
   * @throws UncheckedIOException if the link cannot be created
   */
  public SftpServer symlink(String link, String target) {
    try {
      Files.createSymbolicLink(resolve(link), Path.of(target));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The regular files in a directory (not its subdirectories' files).
   *
   * @param serverDir the directory's server path
   * @return their server paths, sorted; empty when there are none
   * @throws UncheckedIOException if there is no such directory
   */
  public List<String> list(String serverDir) {
    try (var s = Files.list(resolve(serverDir))) {
      String base = serverDir.endsWith("/") ? serverDir : serverDir + "/";
      return s.filter(Files::isRegularFile).map(p -> base + p.getFileName()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A file's content.
   *
   * @param serverPath the file's server path
   * @return the bytes
   * @throws UncheckedIOException if there is no such file
   */
  public byte[] read(String serverPath) {
    try {
      return Files.readAllBytes(resolve(serverPath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether a file exists.
   *
   * @param serverPath the file's server path
   * @return true for a file or directory at that path
   */
  public boolean exists(String serverPath) {
    return Files.exists(resolve(serverPath));
  }

  /**
   * Starts a file written in place in steps (an exporter that does not use a temp name): each
   * {@link GrowingFile#append} makes it longer and newer.
   *
   * @param serverPath the file's server path; an existing file is emptied
   * @return the file, empty so far
   */
  public GrowingFile grow(String serverPath) {
    try {
      Path target = resolve(serverPath);
      Files.createDirectories(target.getParent());
      return new GrowingFile(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes every open SSH session at once (a network drop). */
  public void dropConnections() {
    for (ServerSession s : List.copyOf(open)) {
      s.close(true);
    }
  }

  @Override
  public void close() {
    try {
      sshd.stop(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (ownRoot) {
        deleteTree(root);
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }

  private String serverPath(Path p) {
    String s = p.toString().replace('\\', '/');
    return s.startsWith("/") ? s : "/" + s;
  }

  private boolean inReadOnly(String path) {
    for (String dir : readOnly) {
      if (path.equals(dir) || path.startsWith(dir.endsWith("/") ? dir : dir + "/")) {
        return true;
      }
    }
    return false;
  }

  private void fault(ServerSession session, String op, String path) throws IOException {
    FaultInjector.Decision d = faults.decide(new SimRequest(op, path, null, Map.of(), new byte[0]));
    if (!d.delay().isZero()) {
      try {
        Thread.sleep(d.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted");
      }
    }
    switch (d.fault()) {
      case CONNECTION_DROP, RESPONSE_LOST_AFTER_COMMIT -> {
        session.close(true);
        throw new IOException("connection dropped by fault injection");
      }
      case SERVER_ERROR -> throw new IOException("injected server failure on " + op + " " + path);
      default -> {}
    }
  }

  private final class Listener implements SftpEventListener {
    @Override
    public void opening(ServerSession session, String remoteHandle, Handle localHandle)
        throws IOException {
      String path = serverPath(localHandle.getFile());
      if (localHandle instanceof FileHandle fh) {
        Set<StandardOpenOption> o = fh.getOpenOptions();
        boolean write =
            o.contains(StandardOpenOption.WRITE)
                || o.contains(StandardOpenOption.APPEND)
                || o.contains(StandardOpenOption.CREATE)
                || o.contains(StandardOpenOption.CREATE_NEW)
                || o.contains(StandardOpenOption.TRUNCATE_EXISTING);
        log.add("OPEN " + path + (write ? " write" : " read"));
        if (write && inReadOnly(path)) {
          throw new AccessDeniedException(path, null, "folder is read-only");
        }
        fault(session, "OPEN", path);
      } else {
        log.add("OPENDIR " + path);
        fault(session, "READDIR", path);
      }
    }

    @Override
    public void reading(
        ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
        byte[] data, int dataOffset, int dataLen) throws IOException {
      fault(session, "READ", serverPath(localHandle.getFile()));
    }

    @Override
    public void writing(
        ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
        byte[] data, int dataOffset, int dataLen) throws IOException {
      fault(session, "WRITE", serverPath(localHandle.getFile()));
    }

    @Override
    public void moving(ServerSession session, Path srcPath, Path dstPath, Collection<java.nio.file.CopyOption> opts)
        throws IOException {
      String src = serverPath(srcPath);
      String dst = serverPath(dstPath);
      log.add("RENAME " + src + " -> " + dst);
      if (inReadOnly(src) || inReadOnly(dst)) {
        throw new AccessDeniedException(src, dst, "folder is read-only");
      }
      fault(session, "RENAME", src);
    }

    @Override
    public void removing(ServerSession session, Path path, boolean isDirectory) throws IOException {
      String p = serverPath(path);
      log.add("REMOVE " + p);
      if (inReadOnly(p)) {
        throw new AccessDeniedException(p, null, "folder is read-only");
      }
      fault(session, "REMOVE", p);
    }

    @Override
    public void creating(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
      String p = serverPath(path);
      log.add("MKDIR " + p);
      if (inReadOnly(p)) {
        throw new AccessDeniedException(p, null, "folder is read-only");
      }
    }
  }

  /** Writes a file's content to a stream (for files too large to hold in memory). */
  @FunctionalInterface
  public interface ContentWriter {
    /**
     * Writes the content.
     *
     * @param out the file's stream, buffered; closed by the caller
     * @throws IOException if writing fails; the file is then not published
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /** A file being written in place, growing with each append. */
  public static final class GrowingFile {
    private final Path path;

    private GrowingFile(Path path) throws IOException {
      this.path = path;
      Files.write(path, new byte[0]);
    }

    /**
     * Appends bytes and bumps the modification time by at least a second (SFTP v3 has whole
     * seconds), so a client sees the file change.
     *
     * @param bytes the bytes to append
     * @return this file
     */
    public GrowingFile append(byte[] bytes) {
      try {
        FileTime before = Files.getLastModifiedTime(path);
        Files.write(path, bytes, StandardOpenOption.APPEND);
        Instant next = before.toInstant().plusSeconds(1);
        Instant now = Instant.now();
        Files.setLastModifiedTime(path, FileTime.from(next.isAfter(now) ? next : now));
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * The file on disk.
     *
     * @return its path under the server's root
     */
    public Path path() {
      return path;
    }
  }

  /** Builds and starts an {@link SftpServer}. */
  public static final class Builder {
    private @Nullable Path root;
    private @Nullable Path hostKeyFile;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, List<PublicKey>> keys = new ConcurrentHashMap<>();
    private final List<String> readOnly = new ArrayList<>();
    private final List<String> dirs = new ArrayList<>(List.of("/outbound", "/inbound", "/archive"));

    private Builder() {}

    /**
     * The directory to serve as {@code /}.
     *
     * @param dir the directory; default a new temp directory, deleted on close (this one is kept)
     * @return this builder
     */
    public Builder root(Path dir) {
      this.root = Objects.requireNonNull(dir, "root");
      return this;
    }

    /**
     * Where the host key is kept (default: one key per JVM, generated on first use); give a file
     * of its own for a server whose key must differ from the others'.
     *
     * @param file the key file; generated there when missing
     * @return this builder
     */
    public Builder hostKeyFile(Path file) {
      this.hostKeyFile = Objects.requireNonNull(file, "hostKeyFile");
      return this;
    }

    /**
     * A user logging in with a password.
     *
     * @param user the user name
     * @param password the password; replaces one set before for this user
     * @return this builder
     */
    public Builder user(String user, String password) {
      passwords.put(Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password"));
      return this;
    }

    /**
     * A user logging in with the private key of {@code publicKey}; repeatable per user.
     *
     * @param user the user name
     * @param publicKey a public key the user may authenticate with
     * @return this builder
     */
    public Builder authorizedKey(String user, PublicKey publicKey) {
      keys.computeIfAbsent(Objects.requireNonNull(user, "user"), u -> new ArrayList<>())
          .add(Objects.requireNonNull(publicKey, "publicKey"));
      return this;
    }

    /**
     * A folder clients may list and read but not write, rename or delete in (subfolders included).
     *
     * @param serverDir the folder's server path, for example {@code /outbound}
     * @return this builder
     */
    public Builder readOnly(String serverDir) {
      readOnly.add(Objects.requireNonNull(serverDir, "serverDir"));
      return this;
    }

    /**
     * Folders created at start, replacing the defaults ({@code /outbound}, {@code /inbound}, {@code
     * /archive}).
     *
     * @param serverDirs the folders' server paths; none for an empty root
     * @return this builder
     */
    public Builder directories(String... serverDirs) {
      dirs.clear();
      dirs.addAll(List.of(serverDirs));
      return this;
    }

    /**
     * Starts the server on a free loopback port.
     *
     * @return the running server; close it to stop it
     * @throws UncheckedIOException if the root or host key cannot be prepared or the port bound
     */
    public SftpServer start() {
      try {
        return new SftpServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("SFTP server did not start", e);
      }
    }
  }
}
