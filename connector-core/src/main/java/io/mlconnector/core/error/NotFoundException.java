package io.mlconnector.core.error;

/** The addressed remote object does not exist. */
public class NotFoundException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }

  public NotFoundException(ErrorDetails details) {
    super(details);
  }

}
