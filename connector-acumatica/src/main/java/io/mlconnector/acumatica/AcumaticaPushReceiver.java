package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.JsonTree;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.state.spi.StateStoreSpi;
import io.mlconnector.core.sync.WebhookResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Acumatica push notifications for one tenant: checks the destination's shared-secret
 * header (Acumatica signs nothing; the header configured on the Push Notifications form is the
 * only proof) in constant time, stores the notification durably in the {@link StateStore} inbox
 * (source {@code acumatica/push}, event id {@code Id|Query}, so a redelivery is recognised), answers
 * 2xx, and then hands each new notification to the trigger, which should poll the entity it names
 * (the notification is a hint; records are read back through the API).
 *
 * <pre>{@code
 * AcumaticaPushReceiver receiver = AcumaticaPushReceiver.builder("acme", store, "X-Push-Secret", secret)
 *     .onNotification(n -> engine.runOnce("acme", "acumatica-invoices"))
 *     .build();
 * WebhookResponse r = receiver.receive(headers, body);   // answer r.status() to Acumatica
 * }</pre>
 */
public final class AcumaticaPushReceiver {
  /** The inbox source notifications are stored under. */
  public static final String SOURCE = "acumatica/push";

  private static final Logger LOG = LoggerFactory.getLogger(AcumaticaPushReceiver.class);

  private final String tenant;
  private final StateStore store;
  private final String headerName;
  private final byte[] expected;
  private final Consumer<PushNotification> trigger;
  private final Clock clock;

  private AcumaticaPushReceiver(Builder b) {
    this.tenant = b.tenant;
    this.store = b.store;
    this.headerName = b.headerName.toLowerCase(Locale.ROOT);
    this.expected = b.headerValue.reveal().getBytes(StandardCharsets.UTF_8);
    this.trigger = b.trigger;
    this.clock = b.clock;
  }

  /**
   * A builder.
   *
   * @param headerName the header name configured on the destination
   * @param headerValue its value, the shared secret
   * @param tenant the tenant the notifications belong to; not blank
   * @param store where notifications are kept and de-duplicated
   * @return a builder
   * @throws IllegalArgumentException if the tenant or header name is blank or the value empty
   */
  public static Builder builder(String tenant, StateStore store, String headerName, Secret headerValue) {
    return new Builder(tenant, store, headerName, headerValue);
  }

  /**
   * Handles one delivery.
   *
   * @param headers the request headers (any case)
   * @param body the raw body
   * @return 401 when the secret header is missing or wrong, 400 for a body that is not a
   *     notification, else 200 (also for a duplicate, which is not triggered again)
   */
  public WebhookResponse receive(Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    String presented = null;
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(headerName)
          && !e.getValue().isEmpty()) {
        presented = e.getValue().get(0);
      }
    }
    byte[] given = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, given)) {
      LOG.warn("Acumatica push notification for tenant {} refused: the {} header is {}", tenant,
          headerName, presented == null ? "missing" : "wrong");
      return new WebhookResponse(401, "unauthorized");
    }
    String text = new String(body, StandardCharsets.UTF_8);
    PushNotification n;
    try {
      n = parse(text);
    } catch (RuntimeException e) {
      LOG.warn("Acumatica push notification for tenant {} is not readable: {}", tenant, e.getMessage());
      return new WebhookResponse(400, "not a push notification: " + e.getMessage());
    }
    boolean fresh = StateStoreSpi.of(store).receive(InboxEvent.received(tenant, SOURCE, n.dedupKey(), n.query(), text, clock.instant()));
    if (fresh) {
      try {
        trigger.accept(n);
      } catch (RuntimeException e) {
        // stored already: the next scheduled poll picks the change up
        LOG.warn("trigger for Acumatica push notification {} of tenant {} failed: {}", n.id(), tenant, e.toString());
      }
    }
    return new WebhookResponse(200, fresh ? "stored" : "duplicate");
  }

  @SuppressWarnings("unchecked")
  static PushNotification parse(String text) {
    Map<String, Object> m = JsonTree.parseObject(text);
    Object id = m.get("Id");
    Object query = m.get("Query");
    if (id == null || query == null) {
      throw new IllegalArgumentException("Id and Query are required");
    }
    Object ts = m.get("TimeStamp");
    return new PushNotification(id.toString(), query.toString(),
        m.get("CompanyId") == null ? null : m.get("CompanyId").toString(),
        ts instanceof BigDecimal ? ((BigDecimal) ts).longValue() : 0L,
        rows(m.get("Inserted")), rows(m.get("Deleted")));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(@Nullable Object v) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (v instanceof List) {
      for (Object o : (List<?>) v) {
        if (o instanceof Map) {
          out.add((Map<String, Object>) o);
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "AcumaticaPushReceiver{tenant=" + tenant + ", header=" + headerName + ", secret=***}";
  }

  /** Builds an {@link AcumaticaPushReceiver}. */
  public static final class Builder {
    private final String tenant;
    private final StateStore store;
    private final String headerName;
    private final Secret headerValue;
    private Consumer<PushNotification> trigger = n -> {};
    private Clock clock = Clock.systemUTC();

    private Builder(String tenant, StateStore store, String headerName, Secret headerValue) {
      if (tenant == null || tenant.isBlank()) {
        throw new IllegalArgumentException("tenant must not be blank");
      }
      if (headerName == null || headerName.isBlank()) {
        throw new IllegalArgumentException("headerName must not be blank");
      }
      Objects.requireNonNull(headerValue, "headerValue");
      if (headerValue.reveal().isEmpty()) {
        throw new IllegalArgumentException("headerValue must not be empty");
      }
      this.tenant = tenant;
      this.store = Objects.requireNonNull(store, "store");
      this.headerName = headerName;
      this.headerValue = headerValue;
    }

    /**
     * What to do with each new notification, typically poll the entity it names.
     *
     * @param trigger called once per new notification, after it is stored; a failure is logged and
     *     the next poll picks the change up
     * @return this builder
     */
    public Builder onNotification(Consumer<PushNotification> trigger) {
      this.trigger = Objects.requireNonNull(trigger, "trigger");
      return this;
    }

    /**
     * The clock stamping received notifications.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The receiver.
     *
     * @return the receiver
     */
    public AcumaticaPushReceiver build() {
      return new AcumaticaPushReceiver(this);
    }
  }
}
