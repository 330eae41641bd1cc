package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.RetryItem;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FileFlowTest {
  private static final String TENANT = "acme";
  private final MutableClock clock = new MutableClock();
  private final InMemoryStateStore store = new InMemoryStateStore(clock);
  private final DropFolder folder = new DropFolder();
  private final MemorySink sink = new MemorySink(TENANT);
  private final SyncEngine engine =
      SyncEngine.builder()
          .store(store)
          .clock(clock)
          .nodeId("node-1")
          .addFlow(Flow.file("ap-files", Item.class, t -> folder, Target.class, t -> sink)
              .identity(RecordIdentity.contentHashed(Item::ref, Item::payload))
              .mapper(Target::map)
              .pageSize(2)
              .retryPolicy(new RetryQueuePolicy(Duration.ZERO, Duration.ZERO, 5))
              .build())
          .tenants(List.of(TENANT))
          .build();

  /** A drop folder of CSV files, one document per line: vendor,number,amount. */
  static final class DropFolder implements FileSource<Item> {
    final Map<String, byte[]> files = new LinkedHashMap<>();
    final Map<String, Instant> modified = new LinkedHashMap<>();
    final List<String> markers = new ArrayList<>();
    final List<String> archived = new ArrayList<>();

    synchronized void put(String name, String content, Instant at) {
      files.put(name, content.getBytes(StandardCharsets.UTF_8));
      modified.put(name, at);
    }

    @Override
    public synchronized List<RemoteFile> list() {
      List<RemoteFile> list = new ArrayList<>();
      for (String name : files.keySet()) {
        list.add(new RemoteFile(name, files.get(name).length, modified.get(name), markers.contains(name)));
      }
      return list;
    }

    @Override
    public synchronized InputStream open(RemoteFile file) {
      return new ByteArrayInputStream(files.get(file.name()));
    }

    @Override
    public Stream<FileRow<Item>> parse(RemoteFile file, InputStream content) {
      BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
      AtomicInteger line = new AtomicInteger();
      return reader.lines().map(text -> {
        int number = line.incrementAndGet();
        try {
          return FileRow.of(number, document(text));
        } catch (IllegalArgumentException e) {
          return FileRow.malformed(number, e.getMessage());
        }
      });
    }

    private static Item document(String line) {
      String[] cells = line.split(",");
      if (cells.length != 3) {
        throw new IllegalArgumentException("row '" + line + "' has " + cells.length + " cells, not 3");
      }
      return new Item(ExternalRef.of("stampli", TENANT, "ap-invoice", cells[0] + "-" + cells[1]),
          0, cells[2], null);
    }

    @Override
    public String naturalKey(Item document) {
      return document.ref().id();
    }

    @Override
    public synchronized void archive(RemoteFile file) {
      files.remove(file.name());
      archived.add(file.name());
    }

    @Override
    public synchronized Optional<Item> fetch(ExternalRef ref) {
      for (byte[] bytes : files.values()) {
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
          if (line.split(",").length == 3 && document(line).ref().equals(ref)) {
            return Optional.of(document(line));
          }
        }
      }
      return Optional.empty();
    }
  }

  @AfterEach
  void stop() {
    engine.shutdown(Duration.ofSeconds(5));
  }

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  /** One run, a second after the previous one. */
  private RunReport run(String tenant) {
    clock.advance(Duration.ofSeconds(1));
    return engine.runOnce(tenant, "ap-files");
  }

  @Test
  void aFileIsTakenOnlyOnceItLooksTheSameTwice() {
    folder.put("batch-1.csv", "v1,100,10.00\n", T0);

    RunReport firstLook = run(TENANT);
    folder.put("batch-1.csv", "v1,100,10.00\nv1,101,11.00\n", T0.plusSeconds(5)); // still growing
    RunReport secondLook = run(TENANT);
    RunReport thirdLook = run(TENANT);

    assertThat(firstLook.read()).isZero();
    assertThat(secondLook.read()).isZero();
    assertThat(thirdLook.written()).isEqualTo(2);
    assertThat(folder.archived).containsExactly("batch-1.csv");
  }

  @Test
  void aReadyMarkerSkipsTheSecondLook() {
    folder.put("batch-1.csv", "v1,100,10.00\n", T0);
    folder.markers.add("batch-1.csv");

    assertThat(run(TENANT).written()).isEqualTo(1);
    assertThat(folder.archived).containsExactly("batch-1.csv");
  }

  @Test
  void theSameContentUnderAnotherNameIsArchivedWithoutPostingAgain() {
    folder.put("batch-1.csv", "v1,100,10.00\nv2,7,3.50\n", T0);
    folder.markers.add("batch-1.csv");
    run(TENANT);
    folder.put("batch-1-resent.csv", "v1,100,10.00\nv2,7,3.50\n", T0);
    folder.markers.add("batch-1-resent.csv");

    RunReport resent = run(TENANT);

    assertThat(resent.read()).isZero();
    assertThat(folder.archived).containsExactly("batch-1.csv", "batch-1-resent.csv");
    assertThat(sink.stored()).hasSize(2);
  }

  @Test
  void documentsAreDedupedByNaturalKeyAcrossFiles() {
    folder.put("a.csv", "v1,100,10.00\n", T0);
    folder.markers.add("a.csv");
    run(TENANT);
    // b.csv repeats v1-100 unchanged, adds v3-1, and has v1-100's number again with another amount
    folder.put("b.csv", "v1,100,10.00\nv3,1,5.00\n", T0);
    folder.put("c.csv", "v1,100,99.00\n", T0);
    folder.markers.addAll(List.of("b.csv", "c.csv"));

    RunReport second = run(TENANT);

    assertThat(second.written()).isEqualTo(1);
    assertThat(second.parked()).isEqualTo(1);
    assertThat(sink.copiesOf(ExternalRef.of("stampli", TENANT, "ap-invoice", "v1-100"))).isEqualTo(1);
    assertThat(sink.copiesOf(ExternalRef.of("stampli", TENANT, "ap-invoice", "v3-1"))).isEqualTo(1);
    List<RetryItem> parked = store.deadLetters(DeadLetterQuery.all(TENANT)).items();
    assertThat(parked).singleElement().satisfies(item ->
        assertThat(item.lastError()).contains("v1-100").contains("already taken from another file"));
    // every document is done or parked: all three files are archived
    assertThat(folder.archived).containsExactly("a.csv", "b.csv", "c.csv");
  }

  @Test
  void aFileStaysUntilEveryDocumentIsDoneOrParked() {
    folder.put("a.csv", "v1,1,1.00\nv1,2,2.00\nv1,3,3.00\n", T0);
    folder.markers.add("a.csv");
    AtomicBoolean failing = new AtomicBoolean(true);
    sink.plan = (call, context) -> failing.get() && context.source().id().equals("v1-2")
        ? MemorySink.Fault.CONNECTION_RESET : MemorySink.Fault.NONE;

    RunReport first = run(TENANT);

    assertThat(first.written()).isEqualTo(2);
    assertThat(first.failed()).isEqualTo(1);
    assertThat(folder.archived).isEmpty();

    failing.set(false);
    RunReport second = run(TENANT);

    assertThat(second.written()).isEqualTo(1);
    assertThat(folder.archived).containsExactly("a.csv");
    assertThat(sink.stored()).hasSize(3);
  }

  @Test
  void aMalformedRowIsParkedWithItsReasonAndTheRestOfTheFileGoesOn() {
    folder.put("bad.csv", "v1,1,1.00\nthis row is broken\nv1,3,3.00\n", T0);
    folder.markers.add("bad.csv");

    RunReport report = run(TENANT);

    assertThat(report.written()).isEqualTo(2);
    assertThat(report.parked()).isEqualTo(1);
    assertThat(folder.archived).containsExactly("bad.csv");
    assertThat(store.audit(AuditQuery.all(TENANT).withOutcome(AuditEntry.Outcome.PARKED)).items())
        .singleElement()
        .satisfies(e -> assertThat(e.error())
            .isEqualTo("file bad.csv line 2: row 'this row is broken' has 1 cells, not 3"));
  }
}
