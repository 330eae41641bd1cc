package io.mlconnector.acumatica;

import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RejectedException;
import java.util.List;

/**
 * Acumatica refused a record with {@code 422}: the echoed entity carried {@code error} texts at
 * record level, on fields or on detail lines. {@link #fieldErrors()} names each; the message
 * lists them, for example {@code CustomerID: 'Customer' cannot be found in the system.}.
 */
public final class AcumaticaValidationException extends RejectedException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> fieldErrors;

  /**
   * A validation failure with its field errors.
   *
   * @param details the operation, the status and the message listing the errors
   * @param fieldErrors every error found, record level first
   */
  public AcumaticaValidationException(ErrorDetails details, List<FieldError> fieldErrors) {
    super(details);
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  /**
   * Every error found in the echoed entity, record level first.
   *
   * @return the errors, record level first
   */
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /**
   * One error of the echoed entity.
   *
   * @param path where it sits: empty for the record, {@code CustomerID} for a field, {@code
   *     DocumentsToApply[1].ReferenceNbr} for a field of a detail line (1-based), {@code
   *     Details[2]} for a whole line
   * @param message Acumatica's text
   */
  public record FieldError(String path, String message) {
    @Override
    public String toString() {
      return path.isEmpty() ? message : path + ": " + message;
    }
  }
}
