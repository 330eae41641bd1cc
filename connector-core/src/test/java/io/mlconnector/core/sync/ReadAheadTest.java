package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.model.ExternalRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A poll flow reads its next page while it writes the current one; the checkpoint still follows the writes. */
class ReadAheadTest {

  /** Wraps a source, logging each read and failing the read numbered {@code failRead} (1-based) once. */
  static final class ObservedSource implements PollSource<Item> {
    final MemoryPollSource delegate;
    final List<String> log = new CopyOnWriteArrayList<>();
    final AtomicInteger reads = new AtomicInteger();
    final CountDownLatch secondRead = new CountDownLatch(1);
    volatile int failRead;

    ObservedSource(MemoryPollSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public ChangeDetection changeDetection() {
      return delegate.changeDetection();
    }

    @Override
    public SourcePage<Item> read(PollRequest request) {
      int n = reads.incrementAndGet();
      log.add("read " + n);
      if (n == 2) {
        secondRead.countDown();
      }
      if (n == failRead) {
        failRead = 0;
        throw new TransientException(ErrorDetails.of("erp", "read page " + n).withHttpStatus(503));
      }
      return delegate.read(request);
    }

    @Override
    public Optional<Item> fetch(ExternalRef ref) {
      return delegate.fetch(ref);
    }
  }

  private ObservedSource source;

  /** The engine fixture on 12 items, pages of 5, parallelism 2, reading through an {@link ObservedSource}. */
  private EngineFixture fixture(boolean readAhead) {
    EngineFixture f = new EngineFixture(
        memory -> source = new ObservedSource(memory),
        flow -> flow.pageSize(5).parallelism(2).readAhead(readAhead),
        engine -> engine);
    for (int i = 0; i < 12; i++) {
      f.source.put(Item.of(EngineFixture.TENANT, String.format("i%02d", i), 1000 + i, "p" + i));
    }
    return f;
  }

  @Test
  void theSecondPageIsReadWhileTheFirstIsWritten() throws Exception {
    try (EngineFixture f = fixture(true)) {
      AtomicBoolean overlapped = new AtomicBoolean(true);
      AtomicInteger writes = new AtomicInteger();
      f.sink.beforeCall = () -> {
        if (writes.incrementAndGet() <= 2) {
          // the first writes of page one wait for the read of page two to begin
          try {
            overlapped.compareAndSet(true, source.secondRead.await(10, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      };

      RunReport report = f.run();

      assertThat(report.status()).isEqualTo(RunReport.Status.COMPLETED);
      assertThat(report.written()).isEqualTo(12);
      assertThat(overlapped).isTrue();
      assertThat(source.reads.get()).isEqualTo(3);
      assertThat(f.store.cursor(EngineFixture.TENANT, "invoices", "records"))
          .contains(Checkpoint.of(MemoryPollSource.pad(1011), "i11").encode());
    }
  }

  @Test
  void withoutReadAheadThePagesAreReadOnlyAfterTheWrites() {
    try (EngineFixture f = fixture(false)) {
      f.sink.beforeCall = () -> source.log.add("sink call");

      RunReport report = f.run();

      assertThat(report.written()).isEqualTo(12);
      assertThat(source.reads.get()).isEqualTo(3);
      long callsBeforeSecondRead = source.log.subList(0, source.log.indexOf("read 2")).stream()
          .filter("sink call"::equals).count();
      assertThat(callsBeforeSecondRead).isGreaterThanOrEqualTo(5); // every record of page one
    }
  }

  @Test
  void aFailedReadAheadLeavesTheCheckpointAfterTheLastWrittenPageAndTheNextRunResumesThere() {
    try (EngineFixture f = fixture(true)) {
      source.failRead = 2;
      RunReport failed = f.run();

      assertThat(failed.status()).isEqualTo(RunReport.Status.FAILED);
      assertThat(failed.error()).contains("read page 2");
      assertThat(failed.written()).isEqualTo(5);
      assertThat(f.store.cursor(EngineFixture.TENANT, "invoices", "records"))
          .contains(Checkpoint.of(MemoryPollSource.pad(1004), "i04").encode());

      RunReport next = f.run();

      assertThat(next.status()).isEqualTo(RunReport.Status.COMPLETED);
      assertThat(next.written()).isEqualTo(7);
      assertThat(f.sink.stored()).hasSize(12);
      assertThat(f.sink.stored()).allSatisfy(s -> assertThat(s.writes()).isEqualTo(1));
    }
  }
}
