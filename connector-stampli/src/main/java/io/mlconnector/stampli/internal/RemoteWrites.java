package io.mlconnector.stampli.internal;

import io.mlconnector.stampli.ListedFile;
import io.mlconnector.stampli.StampliConfig;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.RenameFlags;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the client changes on the server: archive moves out of the outbound folder and atomic
 * import writes into the inbound one (temp name, then rename), plus the inbound listing.
 */
public final class RemoteWrites {
  private static final Logger log = LoggerFactory.getLogger(RemoteWrites.class);

  private RemoteWrites() {}

  /** Writes the content of one import file. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content to {@code out} (closed by the caller). */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Moves {@code file} to the archive folder (created when missing; a timestamp suffix when the
   * name is taken) and removes its done marker.
   */
  public static void archive(SFTPClient sftp, StampliConfig config, ListedFile file) throws IOException {
    String target = config.archive() + "/" + file.name();
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
  }

  /**
   * Writes {@code name} into the inbound folder under a temp name ({@code .name.tmp}) and renames
   * it; the temp file is removed when the write fails.
   */
  public static void writeImport(SFTPClient sftp, StampliConfig config, String name, Content content)
      throws IOException {
    validName(name);
    String target = config.inbound() + "/" + name;
    String tmp = config.inbound() + "/." + name + ".tmp";
    try {
      try (RemoteFile rf = sftp.open(tmp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC));
          OutputStream out = new BufferedOutputStream(rf.new RemoteFileOutputStream(0, 16), 1 << 15)) {
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
      throw e;
    }
  }

  /** The names of the regular, non-dot files in the inbound folder, sorted. */
  public static List<String> listInbound(SFTPClient sftp, StampliConfig config) throws IOException {
    List<String> out = new ArrayList<>();
    for (RemoteResourceInfo e : sftp.ls(config.inbound())) {
      if (e.isRegularFile() && !e.getName().startsWith(".")) {
        out.add(e.getName());
      }
    }
    out.sort(null);
    return out;
  }

  private static void validName(String name) {
    if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.contains("..")
        || name.startsWith(".")) {
      throw new IllegalArgumentException("import file name must be a plain name (no '/', '..' or leading '.'), was " + name);
    }
  }
}
