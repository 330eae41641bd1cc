package io.mlconnector.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the engine's exactly-once protocol needs of every {@link Sink}, run against the target
 * system's simulator: a create stamps the source on the target and {@link Sink#findByStamp} finds
 * it; an update is safe to repeat; a target stamped with another source is never adopted; and an
 * answer lost after the remote committed is resolved by finding the target by its stamp, so the
 * record lands once (whether the sink's own retry got the answer back or the caller saw an error).
 *
 * <pre>{@code
 * class StripeCustomerSinkContractTest extends SinkContract<StripeCustomerRequest> {
 *   protected Sink<StripeCustomerRequest> sink() { ... }
 *   protected ExternalRef newSource() { return ExternalRef.of("erp", "acme", "customer", uuid()); }
 *   protected StripeCustomerRequest record(ExternalRef source, int variant) { ... }
 *   protected void loseNextAnswer() { simulator.faults().dropResponseAfterCommit(1); }
 *   protected int countTargetsStamped(ExternalRef source) { ... }
 * }
 * }</pre>
 *
 * @param <T> the record type the sink writes
 */
public abstract class SinkContract<T> {

  /**
   * The sink under test (the same instance for the whole test).
   *
   * @return the sink
   */
  protected abstract Sink<T> sink();

  /**
   * A fresh source ref no target carries yet, of the tenant the sink serves.
   *
   * @return a new ref on each call
   */
  protected abstract ExternalRef newSource();

  /**
   * The record to write for {@code source}; {@code variant} 0 is the first version, 1 a changed one
   * (an update must accept it).
   *
   * @param source the source record the sink stamps on the target
   * @param variant 0 or 1
   * @return the record, in the type the sink writes
   */
  protected abstract T record(ExternalRef source, int variant);

  /**
   * Arranges for the next write to commit in the target system but lose its answer on the way back
   * (the caller sees an exception).
   */
  protected abstract void loseNextAnswer();

  /**
   * How many targets in the target system carry the stamp of {@code source}, read from the simulator.
   *
   * @param source the source ref the sink stamps on its targets
   * @return the count; 0 if none, more than 1 means a duplicate
   */
  protected abstract int countTargetsStamped(ExternalRef source);

  /**
   * A write context for {@code source}, as the engine makes it.
   *
   * @param source the record being written; its tenant is the context's
   * @param version the source version the write carries
   * @return a context with a fresh operation key
   */
  protected WriteContext context(ExternalRef source, String version) {
    return new WriteContext(source.tenant(), "contract", "op-" + UUID.randomUUID(), source, version);
  }

  @Test
  void aCreatedTargetIsFoundByItsStamp() {
    ExternalRef source = newSource();
    WriteResult created = sink().create(record(source, 0), context(source, "v1"));
    assertThat(created.target()).isNotNull();
    assertThat(created.target().system()).isEqualTo(sink().system());
    Optional<WriteResult> found = sink().findByStamp(source, context(source, "v1"));
    assertThat(found).as("findByStamp of the source just written").isPresent();
    assertThat(found.get().target()).isEqualTo(created.target());
    assertThat(countTargetsStamped(source)).isEqualTo(1);
  }

  @Test
  void aSourceNeverWrittenIsNotFound() {
    ExternalRef source = newSource();
    assertThat(sink().findByStamp(source, context(source, "v1"))).isEmpty();
  }

  @Test
  void aTargetStampedWithAnotherSourceIsNotAdopted() {
    ExternalRef written = newSource();
    sink().create(record(written, 0), context(written, "v1"));
    ExternalRef other = newSource();
    assertThat(sink().findByStamp(other, context(other, "v1"))).isEmpty();
  }

  @Test
  void anUpdateIsSafeToRepeat() {
    ExternalRef source = newSource();
    WriteResult created = sink().create(record(source, 0), context(source, "v1"));
    WriteResult first = sink().update(created.target(), record(source, 1), context(source, "v2"));
    WriteResult again = sink().update(created.target(), record(source, 1), context(source, "v2"));
    assertThat(first.target()).isEqualTo(created.target());
    assertThat(again.target()).isEqualTo(created.target());
    assertThat(countTargetsStamped(source)).isEqualTo(1);
  }

  @Test
  void anAnswerLostAfterTheRemoteCommittedIsAdoptedByItsStamp() {
    ExternalRef source = newSource();
    loseNextAnswer();
    WriteContext context = context(source, "v1");
    WriteResult answered = null;
    try {
      // a sink with an idempotency key may repeat the call and get the first answer back
      answered = sink().create(record(source, 0), context);
    } catch (RuntimeException lost) {
      // the caller cannot know whether the write landed: the engine keeps its intent PENDING
    }
    Optional<WriteResult> found = sink().findByStamp(source, context);
    assertThat(found).as("the engine's recovery finds the write that landed").isPresent();
    assertThat(countTargetsStamped(source)).as("the record landed once").isEqualTo(1);
    if (answered != null) {
      assertThat(answered.target()).isEqualTo(found.get().target());
    }
  }
}
