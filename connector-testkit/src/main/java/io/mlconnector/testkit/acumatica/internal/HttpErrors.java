package io.mlconnector.testkit.acumatica.internal;

import io.mlconnector.testkit.http.SimResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Acumatica's {@code HttpError} bodies. */
public final class HttpErrors {
  private HttpErrors() {}

  /** An {@code HttpError} answer. */
  public static SimResponse of(int status, String message, String exceptionType) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", message);
    m.put("exceptionMessage", message);
    m.put("exceptionType", exceptionType);
    m.put("stackTrace", "   at PX.Api.ContractBased.EntityService.Process()");
    return SimResponse.json(status, Json.write(m));
  }

  /** 401, not signed in. */
  public static SimResponse unauthorized() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", "You are not logged in.");
    return SimResponse.json(401, Json.write(m));
  }
}
