package io.mlconnector.syspro;

import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RejectedException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Setup or Transaction business object refused the document: its output carried item errors or an
 * invalid count. The message holds SYSPRO's own descriptions; {@link #result()} the whole output
 * (with {@code ApplyIfEntireDocumentValid=N}, items without errors may have been posted).
 */
public final class BusinessObjectRejectedException extends RejectedException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable BusinessObjectResult result;

  /**
   * An exception for {@code result}, which is not valid.
   *
   * @param details what the core error tree carries (system, operation, status, the remote's message)
   * @param result the business object's output holding the item errors
   */
  public BusinessObjectRejectedException(ErrorDetails details, BusinessObjectResult result) {
    super(details);
    this.result = result;
  }

  /**
   * The business object's output.
   *
   * @return the output, with every item error and count; null in a deserialized copy (it is not
   *     serialized)
   */
  public @Nullable BusinessObjectResult result() {
    return result;
  }

  /**
   * The item errors.
   *
   * @return the errors in document order
   */
  public List<SysproItemError> errors() {
    return result == null ? List.of() : result.errors();
  }
}
