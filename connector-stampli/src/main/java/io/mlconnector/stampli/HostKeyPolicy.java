package io.mlconnector.stampli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the SFTP server's host key is verified: against a {@code known_hosts} file, against pinned
 * fingerprints ({@code SHA256:...} as {@code ssh-keygen -l} prints them), or not at all, which must
 * be chosen explicitly and is logged at WARN on every connection.
 *
 * @param knownHosts a known_hosts file, or null
 * @param fingerprints pinned fingerprints; the key must match one of them
 * @param acceptAny true only for {@link #insecureAcceptAnyHostKey()}
 */
public record HostKeyPolicy(@Nullable Path knownHosts, List<String> fingerprints, boolean acceptAny) {
  /**
   * Checks that the policy verifies something (or accepts any key on purpose) and the fingerprints'
   * form.
   *
   * @param knownHosts a known_hosts file, or null
   * @param fingerprints pinned fingerprints ({@code SHA256:<base64>} or MD5 colon-hex)
   * @param acceptAny true to accept any host key
   * @throws IllegalArgumentException if nothing is verified without {@code acceptAny}, or a
   *     fingerprint has another form
   */
  public HostKeyPolicy {
    fingerprints = List.copyOf(Objects.requireNonNull(fingerprints, "fingerprints"));
    if (!acceptAny && knownHosts == null && fingerprints.isEmpty()) {
      throw new IllegalArgumentException("a host key policy needs a known_hosts file or a fingerprint");
    }
    for (String f : fingerprints) {
      if (!f.startsWith("SHA256:") && !f.startsWith("MD5:") && !f.matches("([0-9a-fA-F]{2}:){15}[0-9a-fA-F]{2}")) {
        throw new IllegalArgumentException(
            "fingerprint must look like 'SHA256:<base64>' or an MD5 colon-hex, was '" + f + "'");
      }
    }
  }

  /**
   * Verify against a known_hosts file (OpenSSH format, hashed entries included).
   *
   * @param file the known_hosts file
   * @return the policy
   */
  public static HostKeyPolicy knownHosts(Path file) {
    return new HostKeyPolicy(Objects.requireNonNull(file, "knownHosts"), List.of(), false);
  }

  /**
   * Verify that the host key has one of these fingerprints.
   *
   * @param fingerprints one or more fingerprints, {@code SHA256:<base64>} as {@code ssh-keygen -l}
   *     prints them
   * @return the policy
   * @throws IllegalArgumentException if there is none or one has another form
   */
  public static HostKeyPolicy pinned(String... fingerprints) {
    if (fingerprints.length == 0) {
      throw new IllegalArgumentException("pinned needs at least one fingerprint");
    }
    return new HostKeyPolicy(null, List.of(fingerprints), false);
  }

  /**
   * Accept any host key: man-in-the-middle attacks go unnoticed. For a first connection to learn
   * the fingerprint (ping reports it) or for tests; every connection logs a warning.
   *
   * @return the policy
   */
  public static HostKeyPolicy insecureAcceptAnyHostKey() {
    return new HostKeyPolicy(null, List.of(), true);
  }
}
