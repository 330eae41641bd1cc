package io.mlconnector.syspro.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One e.net REST call: the path below the base, its parameters (without {@code UserId}, which the
 * session adds), and whether it changes data (then it is never repeated by the transport).
 */
public final class EnetCall {

  final String path;
  final Map<String, String> parameters;
  final boolean write;
  final String operation;
  final boolean postLd;

  private EnetCall(
      String path,
      Map<String, String> parameters,
      boolean write,
      String operation,
      boolean postLd) {
    this.path = path;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    this.write = write;
    this.operation = operation;
    this.postLd = postLd;
  }

  /** A call of {@code path} ({@code "Query/Query"}) with {@code parameters}. */
  public static EnetCall of(
      String path, Map<String, String> parameters, boolean write, String operation) {
    return new EnetCall(path, parameters, write, operation, false);
  }

  /** The same call sent as {@code POST Transaction/PostLD}. */
  EnetCall asPostLd() {
    return new EnetCall("Transaction/PostLD", parameters, write, operation, true);
  }

  /** The operation name for errors and logs (no secrets). */
  public String operation() {
    return operation;
  }
}
