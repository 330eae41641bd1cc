package io.mlconnector.testkit.stripe.internal;

import io.mlconnector.testkit.SimClock;
import io.mlconnector.testkit.stripe.WebhookControls;
import io.mlconnector.testkit.stripe.WebhookDelivery;
import io.mlconnector.testkit.stripe.WebhookEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signs and POSTs events to registered endpoints on a background thread, with delivery faults. */
public final class WebhookDispatcher implements WebhookControls, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  private record Registered(WebhookEndpoint endpoint, List<String> secrets) {}

  private record Job(
      String endpointId, String eventId, String eventType, String payload, int attempt, Map<String, Object> event) {}

  private final SimClock clock;
  private final Store ids;
  private final Random random;
  private final Map<String, Registered> endpoints = Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
  private final List<Job> held = new ArrayList<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final ScheduledExecutorService executor;
  private final HttpClient http;
  private int duplicateNext;
  private int dropNext;
  private Duration delay = Duration.ZERO;
  private boolean holding;
  private int maxAttempts = 4;
  private Duration backoff = Duration.ofMillis(200);
  private Duration timestampOffset = Duration.ZERO;
  private boolean includeV0;
  private volatile boolean closed;

  /** A dispatcher using {@code ids} for endpoint ids and the simulated clock for timestamps. */
  public WebhookDispatcher(SimClock clock, Store ids, long seed) {
    this.clock = clock;
    this.ids = ids;
    this.random = new Random(seed);
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "stripe-sim-webhooks");
      t.setDaemon(true);
      return t;
    });
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  /** The number of endpoints an event of {@code type} goes to. */
  int endpointsFor(String type) {
    int n = 0;
    synchronized (endpoints) {
      for (Registered r : endpoints.values()) {
        if (r.endpoint().accepts(type)) {
          n++;
        }
      }
    }
    return n;
  }

  /** Schedules delivery of a freshly recorded event to every endpoint that wants it. */
  void onEvent(Map<String, Object> event) {
    String type = (String) event.get("type");
    event.put("pending_webhooks", (long) endpointsFor(type));
    String payload = Json.writePretty(event);
    List<Registered> targets = new ArrayList<>();
    synchronized (endpoints) {
      for (Registered r : endpoints.values()) {
        if (r.endpoint().accepts(type)) {
          targets.add(r);
        }
      }
    }
    if (targets.isEmpty()) {
      webhooksDelivered(event, true);
    }
    for (Registered r : targets) {
      Job job = new Job(r.endpoint().id(), (String) event.get("id"), type, payload, 1, event);
      int copies = 1;
      synchronized (this) {
        if (dropNext > 0) {
          dropNext--;
          deliveries.add(new WebhookDelivery(job.endpointId(), job.eventId(), type, 1, 0, payload, null));
          continue;
        }
        if (duplicateNext > 0) {
          duplicateNext--;
          copies = 2;
        }
        for (int i = 0; i < copies; i++) {
          pending.incrementAndGet();
          if (holding) {
            held.add(job);
          } else {
            schedule(job, delay);
          }
        }
      }
    }
  }

  private void schedule(Job job, Duration after) {
    if (closed) {
      pending.decrementAndGet();
      return;
    }
    executor.schedule(() -> deliver(job), Math.max(0, after.toMillis()), TimeUnit.MILLISECONDS);
  }

  private void deliver(Job job) {
    Registered r = endpoints.get(job.endpointId());
    if (r == null || closed) {
      pending.decrementAndGet();
      return;
    }
    String signature;
    synchronized (this) {
      signature = sign(job.payload(), r.secrets(), clock.instant().getEpochSecond() + timestampOffset.toSeconds(), includeV0);
    }
    int status;
    try {
      HttpRequest request = HttpRequest.newBuilder(r.endpoint().url())
          .timeout(Duration.ofSeconds(5))
          .header("Content-Type", "application/json; charset=utf-8")
          .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
          .header("Stripe-Signature", signature)
          .POST(HttpRequest.BodyPublishers.ofString(job.payload(), StandardCharsets.UTF_8))
          .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pending.decrementAndGet();
      return;
    } catch (Exception e) {
      LOG.debug("webhook delivery of {} to {} failed: {}", job.eventId(), r.endpoint().url(), e.toString());
      status = -1;
    }
    deliveries.add(new WebhookDelivery(job.endpointId(), job.eventId(), job.eventType(), job.attempt(), status,
        job.payload(), signature));
    boolean ok = status >= 200 && status < 300;
    int attempts;
    Duration wait;
    synchronized (this) {
      attempts = maxAttempts;
      wait = backoff.multipliedBy(1L << Math.min(20, job.attempt() - 1));
    }
    if (!ok && job.attempt() < attempts) {
      schedule(new Job(job.endpointId(), job.eventId(), job.eventType(), job.payload(), job.attempt() + 1,
          job.event()), wait);
    } else {
      if (ok) {
        synchronized (ids) { // the store's lock: the event is part of the account
          Object left = job.event().get("pending_webhooks");
          if (left instanceof Long n && n > 0) {
            job.event().put("pending_webhooks", n - 1);
            if (n == 1) {
              webhooksDelivered(job.event(), false);
            }
          }
        }
      }
      pending.decrementAndGet();
    }
  }

  /**
   * Sets {@code webhooks_delivered_at} on the invoice of an {@code invoice.created} event whose
   * deliveries all succeeded, or that had no endpoint to go to (then at once, while the invoice is
   * created, as Stripe does). Runs under the store's lock or inside an emit, which holds it.
   */
  @SuppressWarnings("unchecked")
  private void webhooksDelivered(Map<String, Object> event, boolean atCreation) {
    if (!"invoice.created".equals(event.get("type"))) {
      return;
    }
    Object data = event.get("data");
    if (!(data instanceof Map<?, ?> d) || !(d.get("object") instanceof Map<?, ?> snapshot)) {
      return;
    }
    synchronized (ids) {
      Map<String, Object> invoice = ids.get((String) snapshot.get("id"));
      if (invoice != null && invoice.get("webhooks_delivered_at") == null) {
        invoice.put("webhooks_delivered_at", ids.now());
      }
      if (atCreation && invoice != null) {
        // set while the invoice is created, so the event's snapshot shows it too
        ((Map<String, Object>) snapshot).put("webhooks_delivered_at", invoice.get("webhooks_delivered_at"));
      }
    }
  }

  /** Builds a {@code Stripe-Signature} header: {@code t=..,v1=..[,v1=..][,v0=..]}. */
  public static String sign(String payload, List<String> secrets, long timestamp, boolean includeV0) {
    StringBuilder b = new StringBuilder("t=").append(timestamp);
    String signed = timestamp + "." + payload;
    for (String secret : secrets) {
      b.append(",v1=").append(hmac(secret, signed));
    }
    if (includeV0) {
      b.append(",v0=").append(hmac("v0-" + secrets.get(0), signed));
    }
    return b.toString();
  }

  private static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  // ---------------------------------------------------------------- controls

  @Override
  public WebhookEndpoint addEndpoint(URI url, String secret, Set<String> enabledEvents) {
    Objects.requireNonNull(url, "url");
    requireSecret(secret);
    if (enabledEvents == null || enabledEvents.isEmpty()) {
      throw new IllegalArgumentException("enabledEvents must name at least one event type or *");
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("url must be http or https, was " + url);
    }
    String id;
    synchronized (ids) {
      id = ids.newId("we");
    }
    WebhookEndpoint endpoint = new WebhookEndpoint(id, url, enabledEvents);
    endpoints.put(id, new Registered(endpoint, new CopyOnWriteArrayList<>(List.of(secret))));
    return endpoint;
  }

  private static void requireSecret(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("secret must not be blank");
    }
  }

  private Registered endpoint(String endpointId) {
    Registered r = endpoints.get(Objects.requireNonNull(endpointId, "endpointId"));
    if (r == null) {
      throw new IllegalArgumentException("no webhook endpoint " + endpointId);
    }
    return r;
  }

  @Override
  public void removeEndpoint(String endpointId) {
    endpoint(endpointId);
    endpoints.remove(endpointId);
  }

  @Override
  public void rotateSecret(String endpointId, String newSecret, boolean keepOld) {
    requireSecret(newSecret);
    List<String> secrets = endpoint(endpointId).secrets();
    synchronized (this) {
      if (!keepOld) {
        secrets.clear();
      }
      secrets.add(0, newSecret);
    }
  }

  @Override
  public void expireOldSecrets(String endpointId) {
    List<String> secrets = endpoint(endpointId).secrets();
    synchronized (this) {
      while (secrets.size() > 1) {
        secrets.remove(secrets.size() - 1);
      }
    }
  }

  @Override
  public synchronized WebhookControls duplicateNext(int count) {
    duplicateNext = nonNegative(count, "count");
    return this;
  }

  @Override
  public synchronized WebhookControls dropNext(int count) {
    dropNext = nonNegative(count, "count");
    return this;
  }

  @Override
  public synchronized WebhookControls delay(Duration delay) {
    if (Objects.requireNonNull(delay, "delay").isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    this.delay = delay;
    return this;
  }

  @Override
  public synchronized WebhookControls hold() {
    holding = true;
    return this;
  }

  @Override
  public synchronized WebhookControls release(Order order) {
    Objects.requireNonNull(order, "order");
    List<Job> jobs = new ArrayList<>(held);
    held.clear();
    holding = false;
    if (order == Order.REVERSED) {
      Collections.reverse(jobs);
    } else if (order == Order.SHUFFLED) {
      Collections.shuffle(jobs, random);
    }
    // one task sends them in this order (the executor has a single thread)
    executor.execute(() -> jobs.forEach(this::deliver));
    return this;
  }

  @Override
  public synchronized WebhookControls maxAttempts(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
    }
    maxAttempts = attempts;
    return this;
  }

  @Override
  public synchronized WebhookControls retryBackoff(Duration backoff) {
    if (Objects.requireNonNull(backoff, "backoff").isNegative()) {
      throw new IllegalArgumentException("backoff must not be negative, was " + backoff);
    }
    this.backoff = backoff;
    return this;
  }

  @Override
  public synchronized WebhookControls signatureTimestampOffset(Duration offset) {
    this.timestampOffset = Objects.requireNonNull(offset, "offset");
    return this;
  }

  @Override
  public synchronized WebhookControls includeV0Signature(boolean include) {
    this.includeV0 = include;
    return this;
  }

  @Override
  public List<WebhookDelivery> deliveries() {
    return List.copyOf(deliveries);
  }

  @Override
  public int pending() {
    return pending.get();
  }

  private static int nonNegative(int count, String name) {
    if (count < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + count);
    }
    return count;
  }

  @Override
  public void close() {
    closed = true;
    executor.shutdownNow();
  }
}
