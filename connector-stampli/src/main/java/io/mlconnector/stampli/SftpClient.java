package io.mlconnector.stampli;

import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.stampli.internal.HostKeyCheck;
import io.mlconnector.stampli.internal.OutboundLister;
import io.mlconnector.stampli.internal.RemoteWrites;
import io.mlconnector.stampli.internal.SshErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;
import org.jspecify.annotations.Nullable;
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
  private @Nullable Session shared;
  private long sharedUses;

  private SftpClient(StampliConfig config, StampliCredentials credentials) {
    this.config = Objects.requireNonNull(config, "config");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  /**
   * A client for {@code config}'s server logging in with {@code credentials}.
   *
   * @param config the tenant's settings
   * @param credentials how the user logs in
   * @return the client; it connects on first use
   */
  public static SftpClient create(StampliConfig config, StampliCredentials credentials) {
    return new SftpClient(config, credentials);
  }

  /**
   * The settings.
   *
   * @return the settings this client was created with
   */
  public StampliConfig config() {
    return config;
  }

  /**
   * Opens one connection for several operations; close it when done.
   *
   * @return the connected session
   * @throws io.mlconnector.core.error.ConnectorException when the connection, host key check or
   *     login fails
   */
  public Session open() {
    return new Session();
  }

  /**
   * Lists the outbound folder.
   *
   * @return the routed files, the refused ones and the ignored names
   * @throws io.mlconnector.core.error.ConnectorException when the folder cannot be listed
   */
  public Listing list() {
    return withSession(Session::list);
  }

  /**
   * The routed files that are stable: listed with the same size and modification time by the
   * previous call of this method, or with their done marker (done-marker mode). Refusals are
   * logged.
   *
   * @return the stable files, in listing order; empty on a first look without done markers
   * @throws io.mlconnector.core.error.ConnectorException when the folder cannot be listed
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

  /**
   * Streams a file; the stream owns a connection of its own, closed with it.
   *
   * @param file a file from a listing
   * @return the stream; close it to release the connection
   * @throws io.mlconnector.core.error.ConnectorException when the file cannot be opened
   */
  public FileStream read(ListedFile file) {
    Session s = open();
    try {
      return s.read(file, s);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /**
   * Downloads a file to {@code out} (not closed), with its SHA-256. One connection.
   *
   * @param file a file from a listing
   * @param out where the bytes go (not closed)
   * @return the SHA-256 and byte count
   * @throws io.mlconnector.core.error.ConnectorException when the file cannot be read, changed
   *     while being read or grew past the size limit
   */
  public Download download(ListedFile file, OutputStream out) {
    try (Session s = open()) {
      return s.download(file, out);
    }
  }

  /**
   * Moves a processed file to the archive folder (a timestamp suffix when the name is taken), with
   * its done marker; does nothing when there is no archive folder or the outbound folder is
   * read-only. Returns whether the file was moved.
   *
   * @param file a file from a listing
   * @return true when it was moved
   * @throws io.mlconnector.core.error.ConnectorException when the move fails
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
   *
   * @param name the file name, without a folder
   * @param content writes the file's bytes
   * @throws io.mlconnector.core.error.ConnectorException when the write or the rename fails
   */
  public void writeImport(String name, ContentWriter content) {
    withSession(s -> {
      s.writeImport(name, content);
      return null;
    });
  }

  /**
   * The names of the regular files in the inbound folder.
   *
   * @return the file names, without the folder
   * @throws io.mlconnector.core.error.ConnectorException when the folder cannot be listed
   */
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
   *
   * @return the checks that ran, in order
   */
  public PingReport ping() {
    return SftpPing.run(config, credentials);
  }

  @Override
  public String toString() {
    return "SftpClient[" + config + ", " + credentials + "]";
  }

  /** Writes a file's content. */
  @FunctionalInterface
  public interface ContentWriter {
    /**
     * Writes the content to {@code out} (closed by the caller).
     *
     * @param out the stream to write to
     * @throws IOException when writing fails
     */
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
        client = SshLogin.newSsh(config, check);
        client.connect(config.host(), config.port());
        SshLogin.authenticate(client, config, credentials);
        SFTPClient s = client.newSFTPClient();
        s.getSFTPEngine().setTimeoutMs((int) config.sftpTimeout().toMillis());
        this.ssh = client;
        this.sftp = s;
        this.hk = check;
      } catch (IOException e) {
        if (client != null) {
          SshLogin.quietly(client);
        }
        throw SshErrors.map("connect " + config.host() + ":" + config.port(), e, check == null ? null : check.offered());
      }
    }

    /**
     * Lists the outbound folder.
     *
     * @return the routed files, the refused ones and the ignored names
     * @throws io.mlconnector.core.error.ConnectorException when the folder cannot be listed
     */
    public Listing list() {
      try {
        return OutboundLister.list(sftp, config);
      } catch (IOException e) {
        throw SshErrors.map("list " + config.outbound(), e, hk.offered());
      }
    }

    /**
     * Streams a file over this session (closing the stream leaves the session open).
     *
     * @param file a file from a listing
     * @return the stream
     * @throws io.mlconnector.core.error.ConnectorException when the file cannot be opened
     */
    public FileStream read(ListedFile file) {
      return read(file, null);
    }

    private FileStream read(ListedFile file, @Nullable AutoCloseable owner) {
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

    /**
     * Downloads a file to {@code out}, with its SHA-256.
     *
     * @param file a file from a listing
     * @param out where the bytes go (not closed)
     * @return the SHA-256 and byte count
     * @throws io.mlconnector.core.error.ConnectorException when the file cannot be read, changed
     *     while being read or grew past the size limit
     */
    public Download download(ListedFile file, OutputStream out) {
      try (FileStream in = read(file)) {
        in.transferTo(out);
        return new Download(in.sha256(), in.bytesRead());
      } catch (IOException e) {
        throw SshErrors.map("read " + file.path(), e, hk.offered());
      }
    }

    /**
     * See {@link SftpClient#archive}.
     *
     * @param file a file from a listing
     * @return true when it was moved
     */
    public boolean archive(ListedFile file) {
      if (config.archive() == null || config.outboundReadOnly()) {
        return false;
      }
      try {
        RemoteWrites.archive(sftp, config, file);
        return true;
      } catch (IOException e) {
        throw SshErrors.map("archive " + file.path(), e, hk.offered());
      }
    }

    /**
     * See {@link SftpClient#writeImport}.
     *
     * @param name the file name, without a folder
     * @param content writes the file's bytes
     */
    public void writeImport(String name, ContentWriter content) {
      try {
        RemoteWrites.writeImport(sftp, config, name, content::writeTo);
      } catch (IOException e) {
        throw SshErrors.map("write " + config.inbound() + "/" + name, e, hk.offered());
      }
    }

    /**
     * See {@link SftpClient#listInbound}.
     *
     * @return the file names, without the folder
     */
    public List<String> listInbound() {
      try {
        return RemoteWrites.listInbound(sftp, config);
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
      SshLogin.quietly(ssh);
    }
  }

  static RejectedException refused(String operation, String message) {
    return new RejectedException(ErrorDetails.of(StampliConfig.SYSTEM, operation).withRemote("refused", message));
  }
}
