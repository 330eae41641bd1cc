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
import java.util.Base64;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One file per id, named {@code base64url(tenant).base64url(system).cred}, holding the envelope
 * text. Writes go to a temporary file that is then moved into place atomically.
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
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    return directory.resolve(
        enc.encodeToString(id.tenant().getBytes(StandardCharsets.UTF_8)) + "."
            + enc.encodeToString(id.system().getBytes(StandardCharsets.UTF_8)) + SUFFIX);
  }

  @Override
  public Optional<String> read(CredentialId id) {
    Path file = file(Objects.requireNonNull(id, "id"));
    try {
      return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).trim());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CredentialException("cannot read credentials of " + id + " from " + file, e);
    }
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
      Files.writeString(temp, envelope, StandardCharsets.US_ASCII);
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
    Base64.Decoder dec = Base64.getUrlDecoder();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.startsWith(".tmp-")) {
          continue;
        }
        String stem = name.substring(0, name.length() - SUFFIX.length());
        int dot = stem.indexOf('.');
        if (dot <= 0) {
          continue;
        }
        try {
          ids.add(
              CredentialId.of(
                  new String(dec.decode(stem.substring(0, dot)), StandardCharsets.UTF_8),
                  new String(dec.decode(stem.substring(dot + 1)), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException foreign) {
          // Not a file this storage wrote.
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
