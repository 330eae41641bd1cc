package io.mlconnector.spring.boot.internal;

import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.Page;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.spring.boot.MlcIntegrations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Actuator endpoint {@code deadletters}: {@code GET /actuator/deadletters/{integration}/{tenant}}
 * lists the records parked with their reason (optionally one flow's, a page at a time); {@code POST}
 * to the same path replays them (body {@code {"id": 42}} for one, {@code {"flow": "..."}} for one
 * flow's, {@code {}} for all): each is tried again on its flow's next run.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {
  private final MlcIntegrations integrations;

  /** The endpoint over {@code integrations}. */
  public DeadLettersEndpoint(MlcIntegrations integrations) {
    this.integrations = integrations;
  }

  /** The integrations and their tenants. */
  @ReadOperation
  public Map<String, Object> integrations() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (MlcIntegrations.Running r : integrations.all()) {
      out.put(r.name(), Map.of("pair", r.pair(), "tenants", r.tenants()));
    }
    return out;
  }

  /** One page of a tenant's dead letters. */
  @ReadOperation
  public Map<String, Object> list(@Selector String integration, @Selector String tenant,
      @Nullable String flow, @Nullable String pageToken) {
    MlcIntegrations.Running r = running(integration, tenant);
    Page<RetryItem> page = r.engine().deadLetters(
        new DeadLetterQuery(tenant, blank(flow), null, null, null, 100, blank(pageToken)));
    List<Map<String, Object>> items = new ArrayList<>();
    for (RetryItem i : page.items()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", i.id());
      m.put("flow", i.flow());
      m.put("source", i.source().toString());
      m.put("attempts", i.attempts());
      m.put("parkedAt", String.valueOf(i.nextAttemptAt()));
      m.put("reason", i.lastError());
      items.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("integration", integration);
    out.put("tenant", tenant);
    out.put("items", items);
    if (page.nextPageToken() != null) {
      out.put("nextPageToken", page.nextPageToken());
    }
    return out;
  }

  /** Replays one dead letter ({@code id}), one flow's, or all of the tenant's; returns how many. */
  @WriteOperation
  public Map<String, Object> replay(@Selector String integration, @Selector String tenant,
      @Nullable Long id, @Nullable String flow) {
    MlcIntegrations.Running r = running(integration, tenant);
    DeadLetterQuery q = id != null ? DeadLetterQuery.item(tenant, id)
        : new DeadLetterQuery(tenant, blank(flow), null, null, null, 1000, null);
    int n = r.engine().replay(q);
    return Map.of("integration", integration, "tenant", tenant, "replayed", n);
  }

  private MlcIntegrations.Running running(String integration, String tenant) {
    MlcIntegrations.Running r = integrations.named(integration).orElseThrow(() ->
        new InvalidEndpointRequestException("no integration " + integration, "no integration " + integration));
    if (!r.tenants().contains(tenant)) {
      String m = "integration " + integration + " does not serve tenant " + tenant;
      throw new InvalidEndpointRequestException(m, m);
    }
    return r;
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
