package io.mlconnector.stampli.internal;

import io.mlconnector.stampli.Entity;
import io.mlconnector.stampli.ListedFile;
import io.mlconnector.stampli.Listing;
import io.mlconnector.stampli.StampliConfig;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.FileMode;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.SFTPClient;

/**
 * Lists the outbound folder by the tenant's rules: temp, dot and marker names ignored, names routed
 * to an entity, and names with path separators or {@code ..}, symbolic links leading out of the
 * folder, special files and files over the size limit refused, each with a reason.
 */
public final class OutboundLister {
  private OutboundLister() {}

  /** The outbound folder of {@code config} as listed over {@code sftp}. */
  public static Listing list(SFTPClient sftp, StampliConfig config) throws IOException {
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
          real = followLinks(sftp, path);
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
    files.sort(Comparator.comparing(ListedFile::name));
    return new Listing(files, refused, ignored);
  }

  /**
   * Where a symbolic link finally leads, as a normalised absolute path: readlink step by step
   * (servers differ on whether realpath follows links), at most 8 links deep.
   */
  private static String followLinks(SFTPClient sftp, String path) throws IOException {
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
    Deque<String> parts = new ArrayDeque<>();
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
}
