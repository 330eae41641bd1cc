package io.mlconnector.core.sync;

import io.mlconnector.core.mapping.MappingRefusedException;
import java.util.HashSet;
import java.util.Set;
import io.mlconnector.core.model.ExternalRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A source system holding {@link Item}s, read by modified stamp with the id as tie-breaker, the
 * way a real "modified since" query with a stable order behaves.
 */
final class MemoryPollSource implements PollSource<Item> {
  private final Map<String, Item> items = new LinkedHashMap<>();
  private final ChangeDetection detection;
  final AtomicInteger reads = new AtomicInteger();
  /** Ids of items the source reads but cannot turn into records (returned as unreadable). */
  final Set<String> unreadable = new HashSet<>();
  final List<PollRequest> requests = new ArrayList<>();

  MemoryPollSource(ChangeDetection detection) {
    this.detection = detection;
  }

  synchronized void put(Item item) {
    items.put(item.ref().id(), item);
  }

  synchronized Item get(String id) {
    return items.get(id);
  }

  synchronized List<Item> all() {
    return List.copyOf(items.values());
  }

  @Override
  public ChangeDetection changeDetection() {
    return detection;
  }

  static String pad(long modified) {
    return String.format("%020d", modified);
  }

  @Override
  public synchronized SourcePage<Item> read(PollRequest request) {
    reads.incrementAndGet();
    requests.add(request);
    Comparator<Item> order =
        detection == ChangeDetection.FULL_SCAN
            ? Comparator.comparing((Item i) -> i.ref().id())
            : Comparator.comparingLong(Item::modified).thenComparing(i -> i.ref().id());
    List<Item> sorted = new ArrayList<>(items.values());
    sorted.sort(order);
    List<Item> matching = new ArrayList<>();
    for (Item item : sorted) {
      if (after(item, request)) {
        matching.add(item);
      }
    }
    List<Item> page = matching.subList(0, Math.min(request.pageSize(), matching.size()));
    if (page.isEmpty()) {
      return new SourcePage<>(List.of(), null, false);
    }
    Item last = page.get(page.size() - 1);
    Checkpoint next =
        detection == ChangeDetection.FULL_SCAN
            ? Checkpoint.of(last.ref().id(), "")
            : Checkpoint.of(pad(last.modified()), last.ref().id());
    List<Item> readable = new ArrayList<>();
    List<UnreadableRecord> bad = new ArrayList<>();
    for (Item item : page) {
      if (unreadable.contains(item.ref().id())) {
        bad.add(new UnreadableRecord(item.ref(), "currency 'XX' of " + item.ref().id() + " is unknown"));
      } else {
        readable.add(item);
      }
    }
    return new SourcePage<>(readable, next, matching.size() > page.size(), bad);
  }

  private boolean after(Item item, PollRequest request) {
    if (request.after() == null) {
      return true;
    }
    if (detection == ChangeDetection.FULL_SCAN) {
      return item.ref().id().compareTo(request.after().value()) > 0;
    }
    long value = Long.parseLong(request.after().value());
    if (!request.overlap().equals(Duration.ZERO)) {
      return item.modified() >= value - request.overlap().toMillis();
    }
    return item.modified() > value
        || (item.modified() == value && item.ref().id().compareTo(request.after().tieBreaker()) > 0);
  }

  @Override
  public synchronized Optional<Item> fetch(ExternalRef ref) {
    if (unreadable.contains(ref.id())) {
      throw new MappingRefusedException("currency 'XX' of " + ref.id() + " is still unknown");
    }
    return Optional.ofNullable(items.get(ref.id()));
  }
}
