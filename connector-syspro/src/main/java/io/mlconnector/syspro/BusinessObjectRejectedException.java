package io.mlconnector.syspro;

import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RejectedException;
import java.util.List;

/**
 * A Setup or Transaction business object refused the document: its output carried item errors or an
 * invalid count. The message holds SYSPRO's own descriptions; {@link #result()} the whole output
 * (with {@code ApplyIfEntireDocumentValid=N}, items without errors may have been posted).
 */
public final class BusinessObjectRejectedException extends RejectedException {
  private static final long serialVersionUID = 1L;

  private final transient BusinessObjectResult result;

  /** An exception for {@code result}, which is not valid. */
  public BusinessObjectRejectedException(ErrorDetails details, BusinessObjectResult result) {
    super(details);
    this.result = result;
  }

  /** The business object's output. */
  public BusinessObjectResult result() {
    return result;
  }

  /** The item errors. */
  public List<SysproItemError> errors() {
    return result == null ? List.of() : result.errors();
  }
}
