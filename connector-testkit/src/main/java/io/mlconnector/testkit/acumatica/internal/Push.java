package io.mlconnector.testkit.acumatica.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Outbound push notifications to webhook destinations: on each committed change of a watched
 * entity, a POST of {@code {Inserted[], Deleted[], Query, CompanyId, Id, TimeStamp, AdditionalInfo}}
 * with the destination's header; up to five attempts, then parked as failed (resendable for two
 * days). Duplicate delivery can be switched on to test idempotency.
 */
public final class Push {

  /** A destination. */
  public record Destination(String url, @Nullable String headerName, @Nullable String headerValue, String entity,
      String query, List<String> trackedFields) {}

  /** A notification that was parked after five failed attempts. */
  public record Failed(String id, String destination, String body, Instant failedAt) {}

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

  private final Settings settings;
  private final Clock clock;
  private final List<Destination> destinations = new CopyOnWriteArrayList<>();
  private final List<Failed> failed = new CopyOnWriteArrayList<>();
  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "acumatica-sim-push");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong timestamp = new AtomicLong(638_000_000_000_000_000L);
  private volatile boolean duplicates;
  private volatile Duration retryPause = Duration.ofMillis(20);

  public Push(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public void add(Destination d) {
    destinations.add(d);
  }

  public void duplicates(boolean on) {
    this.duplicates = on;
  }

  public List<Failed> failed() {
    return List.copyOf(failed);
  }

  public List<String> delivered() {
    return List.copyOf(delivered);
  }

  /** Sends a parked notification again (within two days of its failure). */
  public boolean resend(String id) {
    for (Failed f : failed) {
      if (f.id().equals(id) && clock.instant().isBefore(f.failedAt().plus(Duration.ofDays(2)))) {
        failed.remove(f);
        Destination d = destinations.stream().filter(x -> x.url().equals(f.destination())).findFirst().orElse(null);
        if (d != null) {
          sender.submit(() -> deliver(d, f.id(), f.body()));
          return true;
        }
      }
    }
    return false;
  }

  /** Queues the notifications of one committed change (called under the company lock). */
  public void changed(String entity, Map<String, Object> before, Map<String, Object> after) {
    for (Destination d : destinations) {
      if (!d.entity().equals(entity)) {
        continue;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("Inserted", after == null ? List.of() : List.of(row(entity, d, after)));
      body.put("Deleted", before == null ? List.of() : List.of(row(entity, d, before)));
      body.put("Query", d.query());
      body.put("CompanyId", settings.tenant);
      String id = UUID.randomUUID().toString();
      body.put("Id", id);
      body.put("TimeStamp", new BigDecimal(timestamp.addAndGet(10_000)));
      body.put("AdditionalInfo", new LinkedHashMap<>());
      String json = Json.write(body);
      sender.submit(() -> deliver(d, id, json));
      if (duplicates) {
        sender.submit(() -> deliver(d, id, json));
      }
    }
  }

  private Map<String, Object> row(String entity, Destination d, Map<String, Object> r) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (String k : Records.keys(entity)) {
      row.put(k, plain(r.get(k)));
    }
    for (String f : d.trackedFields()) {
      row.put(f, plain(r.get(f)));
    }
    row.put(entity + "_lastModifiedDateTime", plain(r.get("LastModifiedDateTime")));
    return row;
  }

  private Object plain(Object v) {
    if (v instanceof Instant) {
      return LOCAL.format(LocalDateTime.ofInstant((Instant) v, settings.zone));
    }
    if (v instanceof Integer) {
      return new BigDecimal((Integer) v);
    }
    return v;
  }

  private void deliver(Destination d, String id, String json) {
    for (int attempt = 1; attempt <= 5; attempt++) {
      try {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(d.url()))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
        if (d.headerName() != null) {
          b.header(d.headerName(), d.headerValue());
        }
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
          delivered.add(id);
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // counts as a failed attempt
      }
      try {
        Thread.sleep(retryPause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    failed.add(new Failed(id, d.url(), json, clock.instant()));
  }

  /** Waits until every queued notification was attempted. */
  public void drain() {
    try {
      sender.submit(() -> { }).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("push notifications did not drain", e);
    }
  }

  public void close() {
    sender.shutdownNow();
  }

  /** For tests of the ordering: the rows of each notification list. */
  static List<Object> list(Object... items) {
    return new ArrayList<>(List.of(items));
  }
}
