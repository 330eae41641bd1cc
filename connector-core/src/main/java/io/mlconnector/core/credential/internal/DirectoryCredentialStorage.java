package io.mlconnector.core.credential.internal;

import io.mlconnector.core.credential.CredentialException;
import io.mlconnector.core.credential.CredentialId;
import io.mlconnector.core.credential.CredentialStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One file per id, named by the SHA-256 of the id (so any tenant or system name fits a file name),
 * holding a header line with the id and then the envelope text. Writes go to a temporary file
 * that is then moved into place atomically.
 */
public final class DirectoryCredentialStorage implements CredentialStorage {
  private static final String SUFFIX = ".cred";
  private final Path directory;
  private final Object lock = new Object();

  public DirectoryCredentialStorage(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new CredentialException("cannot create credential directory " + directory, e);
    }
  }

  private Path file(CredentialId id) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(header(id).getBytes(StandardCharsets.US_ASCII));
      return directory.resolve(HexFormat.of().formatHex(sha.digest()) + SUFFIX);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The first line of a file: format tag and the id, base64url so any tenant or system name fits. */
  private static String header(CredentialId id) {
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    return "mlc-credential-v1 "
        + enc.encodeToString(id.tenant().getBytes(StandardCharsets.UTF_8)) + " "
        + enc.encodeToString(id.system().getBytes(StandardCharsets.UTF_8));
  }

  /** Parses a file's content into its id and envelope, or null when it is not such a file. */
  private static Map.@Nullable Entry<CredentialId, String> parse(String content) {
    int newline = content.indexOf('\n');
    if (newline < 0) {
      return null;
    }
    String[] head = content.substring(0, newline).split(" ");
    if (head.length != 3 || !head[0].equals("mlc-credential-v1")) {
      return null;
    }
    try {
      Base64.Decoder dec = Base64.getUrlDecoder();
      CredentialId id =
          CredentialId.of(
              new String(dec.decode(head[1]), StandardCharsets.UTF_8),
              new String(dec.decode(head[2]), StandardCharsets.UTF_8));
      return Map.entry(id, content.substring(newline + 1).trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public Optional<String> read(CredentialId id) {
    Path file = file(Objects.requireNonNull(id, "id"));
    String content;
    try {
      content = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CredentialException("cannot read credentials of " + id + " from " + file, e);
    }
    Map.Entry<CredentialId, String> entry = parse(content);
    if (entry == null || !entry.getKey().equals(id)) {
      throw new CredentialException("credential file " + file + " is not in the expected format or belongs to another id");
    }
    return Optional.of(entry.getValue());
  }

  @Override
  public void write(CredentialId id, String envelope) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(envelope, "envelope");
    synchronized (lock) {
      writeFile(id, envelope);
    }
  }

  private void writeFile(CredentialId id, String envelope) {
    Path target = file(id);
    Path temp = null;
    try {
      temp = Files.createTempFile(directory, ".tmp-", SUFFIX);
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows and other non-POSIX file systems: rely on the directory's ACL.
      }
      Files.writeString(temp, header(id) + "\n" + envelope + "\n", StandardCharsets.US_ASCII);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CredentialException("cannot write credentials of " + id + " to " + target, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Best effort: a leftover temporary file holds only ciphertext.
        }
      }
    }
  }

  @Override
  public boolean replace(CredentialId id, String expected, String replacement) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(replacement, "replacement");
    synchronized (lock) {
      Optional<String> current = read(id);
      if (current.isEmpty() || !current.get().equals(expected.trim())) {
        return false;
      }
      writeFile(id, replacement);
      return true;
    }
  }

  @Override
  public boolean delete(CredentialId id) {
    Path file = file(Objects.requireNonNull(id, "id"));
    synchronized (lock) {
      try {
        return Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new CredentialException("cannot delete credentials of " + id + " at " + file, e);
      }
    }
  }

  @Override
  public Set<CredentialId> ids() {
    Set<CredentialId> ids = new HashSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
      for (Path file : files) {
        if (file.getFileName().toString().startsWith(".tmp-")) {
          continue;
        }
        Map.Entry<CredentialId, String> entry;
        try {
          entry = parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException deletedMeanwhile) {
          continue;
        }
        if (entry != null) {
          ids.add(entry.getKey());
        }
      }
    } catch (IOException e) {
      throw new CredentialException("cannot list credential directory " + directory, e);
    }
    return ids;
  }

  @Override
  public String toString() {
    return "CredentialStorage[directory " + directory + "]";
  }
}
