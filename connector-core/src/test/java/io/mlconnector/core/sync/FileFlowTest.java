package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.SeenFile;
import io.mlconnector.testkit.SimClock;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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
  private final SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryStateStore store = new InMemoryStateStore(clock);
  private final DropFolder folder = new DropFolder();
  private final MemorySink sink = new MemorySink(TENANT);
  private final SyncEngine engine = engine("node-1");

  private SyncEngine engine(String node) {
    return SyncEngine.builder()
        .store(store)
        .clock(clock)
        .nodeId(node)
        .addFlow(Flow.file("ap-files", Item.class, t -> folder, Target.class, t -> sink)
            .identity(RecordIdentity.contentHashed(Item::ref, Item::payload))
            .mapper(Target::map)
            .pageSize(2)
            .retryPolicy(new RetryQueuePolicy(Duration.ZERO, Duration.ZERO, 5))
            .build())
        .tenants(List.of(TENANT))
        .build();
  }

  private static String sha256(String content) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256")
            .digest(content.getBytes(StandardCharsets.UTF_8)));
  }

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
        if (text.startsWith("<")) {
          // not a bad row but a file that cannot be read on (like XML that is not well-formed)
          throw new IllegalStateException("not well-formed at line " + number + ": " + text);
        }
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
  @Test
  void aFileWithAParkedRowEndsPartialWithItsCounts() throws Exception {
    String content = "v1,1,1.00\nthis row is broken\nv1,3,3.00\n";
    folder.put("bad.csv", content, T0);
    folder.markers.add("bad.csv");

    run(TENANT);

    SeenFile file = store.file(TENANT, "ap-files", sha256(content)).orElseThrow();
    assertThat(file.status()).isEqualTo(SeenFile.Status.PARTIAL);
    assertThat(file.posted()).isEqualTo(2);
    assertThat(file.parked()).isEqualTo(1);
    assertThat(file.claimant()).isEqualTo("node-1");
    assertThat(file.name()).isEqualTo("bad.csv");
    assertThat(store.audit(AuditQuery.all(TENANT).withOutcome(AuditEntry.Outcome.SUCCEEDED)).items())
        .filteredOn(e -> e.action().equals("file"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.payloadDigest()).isEqualTo(file.contentHash());
          assertThat(e.error()).isEqualTo("file bad.csv PARTIAL: 2 posted, 1 parked");
        });
  }

  @Test
  void aFileThatCannotBeReadIsParkedWithItsReasonAndNothingOfItIsPosted() throws Exception {
    String content = "v1,1,1.00\nv1,2,2.00\n<broken\nv1,4,4.00\n";
    folder.put("broken.csv", content, T0);
    folder.markers.add("broken.csv");

    run(TENANT);
    run(TENANT); // two failed looks: perhaps still being written, the file stays CLAIMED

    assertThat(store.file(TENANT, "ap-files", sha256(content)).orElseThrow().status())
        .isEqualTo(SeenFile.Status.CLAIMED);
    assertThat(store.audit(AuditQuery.all(TENANT).withOutcome(AuditEntry.Outcome.FAILED)).items())
        .hasSize(2);
    RunReport third = run(TENANT);

    assertThat(third.written()).isZero();
    assertThat(third.parked()).isEqualTo(1);
    assertThat(sink.stored()).isEmpty();
    SeenFile file = store.file(TENANT, "ap-files", sha256(content)).orElseThrow();
    assertThat(file.status()).isEqualTo(SeenFile.Status.PARKED);
    assertThat(file.reason()).contains("broken.csv").contains("not well-formed at line 3");
    assertThat(folder.archived).as("a parked file stays where it is").isEmpty();
    assertThat(store.audit(AuditQuery.all(TENANT).withOutcome(AuditEntry.Outcome.PARKED)).items())
        .singleElement()
        .satisfies(e -> assertThat(e.error()).isEqualTo(file.reason()));

    RunReport again = run(TENANT);

    assertThat(again.read()).isZero();
    assertThat(again.parked()).as("parked once, not at every poll").isZero();
    assertThat(store.file(TENANT, "ap-files", sha256(content)).orElseThrow()).isEqualTo(file);
  }

  @Test
  void aFileLeftMidwayByACrashedNodeIsTakenOverAfterItsLeaseWithoutPostingTwice() throws Exception {
    String content = "v1,1,1.00\nv1,2,2.00\nv1,3,3.00\n";
    folder.put("a.csv", content, T0);
    folder.markers.add("a.csv");
    AtomicBoolean failing = new AtomicBoolean(true);
    sink.plan = (call, context) -> failing.get() && context.source().id().equals("v1-2")
        ? MemorySink.Fault.CONNECTION_RESET : MemorySink.Fault.NONE;
    SyncEngine crashed = engine("node-0");
    clock.advance(Duration.ofSeconds(1));
    RunReport before = crashed.runOnce(TENANT, "ap-files");
    crashed.shutdown(Duration.ofSeconds(5)); // node-0 dies with the file half posted
    failing.set(false);
    String hash = sha256(content);
    SeenFile left = store.file(TENANT, "ap-files", hash).orElseThrow();
    assertThat(before.written()).isEqualTo(2);
    assertThat(left.status()).isEqualTo(SeenFile.Status.PARSED);
    assertThat(left.claimant()).isEqualTo("node-0");

    run(TENANT); // the retry queue may post v1-2 now; the file itself is left to its claimer

    assertThat(folder.archived).isEmpty();
    assertThat(store.file(TENANT, "ap-files", hash).orElseThrow().claimant()).isEqualTo("node-0");

    clock.advance(Duration.ofSeconds(30)); // node-0's claim (30 s, the engine's lease) expires
    run(TENANT);

    assertThat(folder.archived).containsExactly("a.csv");
    for (String id : List.of("v1-1", "v1-2", "v1-3")) {
      assertThat(sink.copiesOf(ExternalRef.of("stampli", TENANT, "ap-invoice", id))).as(id).isEqualTo(1);
    }
    SeenFile done = store.file(TENANT, "ap-files", hash).orElseThrow();
    assertThat(done.status()).isEqualTo(SeenFile.Status.POSTED);
    assertThat(done.claimant()).isEqualTo("node-1");
    assertThat(done.posted()).isEqualTo(3);
    assertThat(done.parked()).isZero();
  }
}
