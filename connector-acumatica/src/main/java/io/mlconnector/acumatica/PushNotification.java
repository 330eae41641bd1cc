package io.mlconnector.acumatica;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One push notification as Acumatica sends it to a webhook destination: the rows of a data query
 * that changed (an update is the old row in {@code deleted} and the new one in {@code inserted}).
 * It is a hint: the record itself is read back through the API.
 *
 * @param id {@code Id}
 * @param query {@code Query}, the name of the generic inquiry or built-in query
 * @param companyId {@code CompanyId}, the tenant name, or null when absent
 * @param timeStamp {@code TimeStamp}, increasing with each transaction
 * @param inserted {@code Inserted} rows (plain, unwrapped values by column name)
 * @param deleted {@code Deleted} rows
 */
public record PushNotification(
    String id,
    String query,
    @Nullable String companyId,
    long timeStamp,
    List<Map<String, Object>> inserted,
    List<Map<String, Object>> deleted) {

  /**
   * Copies the lists.
   *
   * @param id {@code Id}
   * @param query {@code Query}, the name of the generic inquiry or built-in query
   * @param companyId {@code CompanyId}, the tenant name, or null when absent
   * @param timeStamp {@code TimeStamp}, increasing with each transaction
   * @param inserted {@code Inserted} rows (plain, unwrapped values by column name)
   * @param deleted {@code Deleted} rows
   */
  public PushNotification {
    inserted = List.copyOf(inserted);
    deleted = List.copyOf(deleted);
  }

  /**
   * The de-duplication key.
   *
   * @return {@code Id} and {@code Query} joined by {@code |}
   */
  public String dedupKey() {
    return id + "|" + query;
  }
}
