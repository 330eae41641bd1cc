package io.mlconnector.testkit.chargebee.internal;

import io.mlconnector.testkit.SimClock;
import io.mlconnector.testkit.chargebee.ChargebeeWebhookDelivery;
import io.mlconnector.testkit.chargebee.ChargebeeWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** POSTs events to registered endpoints, retrying on Chargebee's schedule on the simulated clock. */
public final class WebhookDispatcher implements ChargebeeWebhooks, AutoCloseable {
  private record Endpoint(
      String id, URI url, @Nullable String username, @Nullable String password, Set<String> events) {}

  private record Job(Endpoint endpoint, Map<String, Object> event, String payload, String type, int attempt,
      long dueMillis) {}

  private final SimClock clock;
  private final Object storeLock;
  private final Random random;
  private final Map<String, Endpoint> endpoints = Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<ChargebeeWebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
  private final List<Job> held = new ArrayList<>();
  private final List<Job> retries = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ExecutorService executor;
  private final HttpClient http;
  private int endpointSeq;
  private int duplicateNext;
  private int dropNext;
  private boolean holding;

  /** A dispatcher on the simulated clock; event updates synchronise on {@code storeLock}. */
  public WebhookDispatcher(SimClock clock, Object storeLock, long seed) {
    this.clock = clock;
    this.storeLock = storeLock;
    this.random = new Random(seed);
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "chargebee-sim-webhooks");
      t.setDaemon(true);
      return t;
    });
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  }

  /** Called (under the store lock) for every new event. */
  @SuppressWarnings("unchecked")
  void onEvent(Map<String, Object> event) {
    String type = (String) event.get("event_type");
    List<Endpoint> targets = new ArrayList<>();
    synchronized (endpoints) {
      for (Endpoint e : endpoints.values()) {
        if (e.events().isEmpty() || e.events().contains(type)) {
          targets.add(e);
        }
      }
    }
    if (targets.isEmpty()) {
      return;
    }
    event.put("webhook_status", "scheduled");
    List<Object> hooks = (List<Object>) event.get("webhooks");
    for (Endpoint e : targets) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("id", e.id());
      h.put("webhook_status", "scheduled");
      h.put("object", "webhook");
      hooks.add(h);
    }
    String payload = Json.write(Store.render(event));
    synchronized (this) {
      for (Endpoint e : targets) {
        Job job = new Job(e, event, payload, type, 1, clock.millis());
        if (dropNext > 0) {
          dropNext--;
          deliveries.add(new ChargebeeWebhookDelivery(e.id(), (String) event.get("id"), type, 1, 0, "", false,
              clock.instant().getEpochSecond()));
          status(job, "failed");
          continue;
        }
        int copies = 1;
        if (duplicateNext > 0) {
          duplicateNext--;
          copies = 2;
        }
        for (int i = 0; i < copies; i++) {
          if (holding) {
            held.add(job);
          } else {
            submit(job);
          }
        }
      }
    }
  }

  private void submit(Job job) {
    inFlight.incrementAndGet();
    executor.execute(() -> {
      try {
        send(job);
      } finally {
        inFlight.decrementAndGet();
      }
    });
  }

  private void send(Job job) {
    String payload = job.payload();
    Endpoint e = job.endpoint();
    long sentAt = clock.millis();
    HttpRequest.Builder r = HttpRequest.newBuilder(e.url()).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload));
    if (e.username() != null) {
      String token = Base64.getEncoder().encodeToString(
          (e.username() + ":" + (e.password() == null ? "" : e.password())).getBytes(StandardCharsets.UTF_8));
      r.header("Authorization", "Basic " + token);
    }
    int status;
    try {
      status = http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException ex) {
      status = -1;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return;
    }
    deliveries.add(new ChargebeeWebhookDelivery(e.id(), (String) job.event().get("id"), job.type(), job.attempt(),
        status, payload, e.username() != null, clock.instant().getEpochSecond()));
    boolean ok = status >= 200 && status < 300;
    if (ok) {
      status(job, "succeeded");
    } else if (job.attempt() > RETRY_SCHEDULE.size()) {
      status(job, "failed");
    } else {
      status(job, "re_scheduled");
      long due = sentAt + RETRY_SCHEDULE.get(job.attempt() - 1).toMillis();
      Job retry = new Job(e, job.event(), payload, job.type(), job.attempt() + 1, due);
      synchronized (this) {
        if (!endpoints.containsKey(e.id())) {
          return;
        }
        if (clock.millis() < due) {
          retries.add(retry);
          return;
        }
      }
      submit(retry); // the clock already passed the retry time while this attempt ran
    }
  }

  @SuppressWarnings("unchecked")
  private void status(Job job, String status) {
    synchronized (storeLock) {
      Map<String, Object> ev = job.event();
      String overall = status;
      for (Object o : (List<Object>) ev.get("webhooks")) {
        Map<String, Object> h = (Map<String, Object>) o;
        if (h.get("id").equals(job.endpoint().id())) {
          h.put("webhook_status", status);
          if (status.equals("failed")) {
            ev.put("webhook_failure_reason", "{\"status_code\":\"retries exhausted\"}");
          }
        }
      }
      ev.put("webhook_status", overall);
    }
  }

  /** Sends the retries that are due on the simulated clock. */
  public void tick() {
    List<Job> due = new ArrayList<>();
    synchronized (this) {
      long now = clock.millis();
      retries.removeIf(j -> {
        if (j.dueMillis() <= now) {
          due.add(j);
          return true;
        }
        return false;
      });
    }
    due.sort((a, b) -> Long.compare(a.dueMillis(), b.dueMillis()));
    for (Job j : due) {
      submit(j);
    }
  }

  @Override
  public String addEndpoint(
      URI url, @Nullable String username, @Nullable String password, Set<String> enabledEvents) {
    synchronized (endpoints) {
      String id = "whv2_sim" + (++endpointSeq);
      endpoints.put(id, new Endpoint(id, url, username, password, Set.copyOf(enabledEvents)));
      return id;
    }
  }

  @Override
  public void removeEndpoint(String endpointId) {
    endpoints.remove(endpointId);
    synchronized (this) {
      retries.removeIf(j -> j.endpoint().id().equals(endpointId));
    }
  }

  @Override
  public synchronized ChargebeeWebhooks duplicateNext(int count) {
    this.duplicateNext = count;
    return this;
  }

  @Override
  public synchronized ChargebeeWebhooks dropNext(int count) {
    this.dropNext = count;
    return this;
  }

  @Override
  public synchronized ChargebeeWebhooks hold() {
    holding = true;
    return this;
  }

  @Override
  public synchronized ChargebeeWebhooks release(Order order) {
    List<Job> jobs = new ArrayList<>(held);
    held.clear();
    holding = false;
    if (order == Order.REVERSED) {
      Collections.reverse(jobs);
    } else if (order == Order.SHUFFLED) {
      Collections.shuffle(jobs, random);
    }
    for (Job j : jobs) {
      submit(j);
    }
    return this;
  }

  @Override
  public List<ChargebeeWebhookDelivery> deliveries() {
    return List.copyOf(deliveries);
  }

  @Override
  public synchronized int pending() {
    return inFlight.get() + held.size() + retries.size();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
