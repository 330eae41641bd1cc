package io.mlconnector.stampli.internal;

import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.stampli.StampliConfig;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.jspecify.annotations.Nullable;

/** Maps sshj's exceptions onto core's error tree, with the server's own message. */
public final class SshErrors {
  private SshErrors() {}

  /** The error for a failed {@code operation}; {@code hostKey} is the fingerprint offered, or null. */
  public static ConnectorException map(String operation, Exception e, @Nullable String hostKey) {
    ErrorDetails d = ErrorDetails.of(StampliConfig.SYSTEM, operation);
    if (e instanceof ConnectorException ce) {
      return ce;
    }
    if (e instanceof UserAuthException) {
      return new AuthenticationException(d.withRemote("auth", "authentication failed: " + e.getMessage()), e);
    }
    if (e instanceof TransportException te && te.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE) {
      return new AuthenticationException(
          d.withRemote("host-key", "host key not verified; the server offered " + hostKey
              + " (pin it or add it to known_hosts if it is the right server)"), e);
    }
    if (e instanceof SFTPException se) {
      Response.StatusCode code = se.getStatusCode();
      String msg = se.getMessage();
      if (code == Response.StatusCode.NO_SUCH_FILE || code == Response.StatusCode.NO_SUCH_PATH) {
        return new NotFoundException(d.withRemote(code.name(), msg), e);
      }
      if (code == Response.StatusCode.PERMISSION_DENIED || code == Response.StatusCode.WRITE_PROTECT) {
        return new RejectedException(d.withRemote(code.name(), msg), e);
      }
      return new TransientException(d.withRemote(code == null ? "sftp" : code.name(), msg), e);
    }
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new TransientException(d.withRemote(e.getClass().getSimpleName(), msg), e);
  }
}
