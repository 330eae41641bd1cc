package io.mlconnector.stampli.internal;

import io.mlconnector.stampli.HostKeyPolicy;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the server's host key by a {@link HostKeyPolicy} and remembers the fingerprint offered,
 * so a refusal (and ping) can name it.
 */
public final class HostKeyCheck implements HostKeyVerifier {
  private static final Logger log = LoggerFactory.getLogger(HostKeyCheck.class);
  private final HostKeyPolicy policy;
  private final @Nullable OpenSSHKnownHosts knownHosts;
  private volatile @Nullable String offered;
  private volatile @Nullable Boolean accepted;

  /** A check for one connection. */
  public HostKeyCheck(HostKeyPolicy policy) throws IOException {
    this.policy = policy;
    this.knownHosts = policy.knownHosts() == null ? null : new OpenSSHKnownHosts(policy.knownHosts().toFile()) {
      @Override
      protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
        return false;
      }

      @Override
      protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
        log.error("the host key of {} CHANGED: it is not the one in {}; refusing to connect",
            hostname, policy.knownHosts());
        return false;
      }
    };
  }

  /** The SHA-256 fingerprint ({@code SHA256:<base64 without padding>}) of a public key. */
  public static String fingerprint(PublicKey key) {
    try {
      byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean verify(String host, int port, PublicKey key) {
    String fp = fingerprint(key);
    offered = fp;
    boolean ok;
    if (policy.acceptAny()) {
      log.warn("host key verification is OFF for {}:{} (insecureAcceptAnyHostKey); accepted {}", host, port, fp);
      ok = true;
    } else {
      ok = policy.fingerprints().stream().anyMatch(pin -> matches(pin, fp, key))
          || (knownHosts != null && knownHosts.verify(host, port, key));
    }
    accepted = ok;
    if (!ok) {
      log.error("host key of {}:{} not verified: the server offered {}", host, port, fp);
    }
    return ok;
  }

  private static boolean matches(String pin, String sha256, PublicKey key) {
    if (pin.startsWith("SHA256:")) {
      return strip(pin).equals(strip(sha256));
    }
    String md5 = net.schmizz.sshj.common.SecurityUtils.getFingerprint(key);
    String p = pin.startsWith("MD5:") ? pin.substring(4) : pin;
    return p.equalsIgnoreCase(md5);
  }

  private static String strip(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '=') {
      end--;
    }
    return s.substring(0, end);
  }

  @Override
  public List<String> findExistingAlgorithms(String host, int port) {
    return knownHosts == null ? List.of() : knownHosts.findExistingAlgorithms(host, port);
  }

  /** The fingerprint the server offered, or null before key exchange. */
  public @Nullable String offered() {
    return offered;
  }

  /** Whether the key was accepted; null before key exchange. */
  public @Nullable Boolean accepted() {
    return accepted;
  }
}
