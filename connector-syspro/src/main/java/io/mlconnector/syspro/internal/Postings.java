package io.mlconnector.syspro.internal;

import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.syspro.BusinessObjectResult;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproElement;
import io.mlconnector.syspro.SysproRefs;
import io.mlconnector.syspro.bo.ComfndQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Shared pieces of the sinks: refusal, reference lookups with COMFND, result keys. */
public final class Postings {

  private Postings() {}

  /** A permanent refusal of bad input, naming what was wrong. */
  public static RejectedException refuse(String operation, String message) {
    return new RejectedException(
        ErrorDetails.of(SysproRefs.SYSTEM, operation).withRemote(null, message));
  }

  /** The id of a syspro ref of {@code type}, or a refusal naming the field. */
  public static String idOf(@Nullable ExternalRef ref, String type, String field, String operation) {
    if (ref == null) {
      throw refuse(operation, field + " is missing (map it to a syspro " + type + " first)");
    }
    if (!SysproRefs.SYSTEM.equals(ref.system()) || !type.equals(ref.type())) {
      throw refuse(operation, field + " must be a syspro " + type + " ref, was " + ref);
    }
    return ref.id();
  }

  /** The rows of {@code table} whose {@code column} equals {@code value} (COMFND, all columns). */
  public static List<SysproElement> rowsWhere(
      SysproClient client, String table, String column, String value) {
    return client.find(ComfndQuery.of(table).and(column, "EQ", value));
  }

  /** The first {@code Key} element of a posting output's first item, as "a-b-c" of its children. */
  public static Optional<String> firstKey(BusinessObjectResult result, String... parts) {
    for (SysproElement item : result.items()) {
      for (SysproElement key : item.descendants("Key")) {
        StringBuilder sb = new StringBuilder();
        boolean complete = true;
        for (String p : parts) {
          Optional<String> v = key.text(p);
          if (v.isEmpty()) {
            complete = false;
            break;
          }
          sb.append(sb.length() == 0 ? "" : "-").append(strip(v.get()));
        }
        if (complete) {
          return Optional.of(sb.toString());
        }
      }
    }
    return Optional.empty();
  }

  /** "a-b-c" of a row's columns, numbers without padding zeros. */
  public static String keyOf(SysproElement row, String... columns) {
    StringBuilder sb = new StringBuilder();
    for (String c : columns) {
      sb.append(sb.length() == 0 ? "" : "-").append(strip(row.textOr(c, "")));
    }
    return sb.toString();
  }

  /** A write result. */
  public static WriteResult result(
      ExternalRef target, Map<String, String> attributes, String operationKey) {
    return new WriteResult(target, attributes, operationKey);
  }

  private static String strip(String number) {
    String t = number.strip();
    if (t.chars().allMatch(Character::isDigit)) {
      String s = t.replaceFirst("^0+(?=.)", "");
      return s;
    }
    return t;
  }
}
