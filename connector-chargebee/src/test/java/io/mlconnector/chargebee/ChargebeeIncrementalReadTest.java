package io.mlconnector.chargebee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Incremental reads never skip: Chargebee's {@code updated_at} has one-second resolution and
 * {@code [after]} is strict, so "after the last watermark" misses records changed later in the
 * watermark's second. {@link ChargebeeClient#readSince} reaches back by the overlap instead.
 */
class ChargebeeIncrementalReadTest {

  @Test
  void aRecordChangedInTheWatermarksSecondAfterTheReadIsNotSkipped() {
    try (SimFixture f = new SimFixture()) {
      f.client.post("customers", ChargebeeForm.create().put("id", "C-1"), null);
      f.client.post("customers", ChargebeeForm.create().put("id", "C-2"), null);
      List<ChargebeeResource> first = f.client.readSince("customers", "customer", "updated_at", 0,
          ChargebeeQuery.all(), 1000);
      assertThat(first).extracting(ChargebeeResource::id).containsExactly("C-1", "C-2");
      long watermark = first.get(first.size() - 1).updatedAt();

      // later, in the same second (the simulated clock has not moved): one more change
      f.client.post("customers", ChargebeeForm.create().put("id", "C-3"), null);

      List<ChargebeeResource> naive = f.client.list("customers", "customer",
          ChargebeeQuery.all().filter("updated_at", "after", watermark).sortAsc("updated_at")).items();
      assertThat(naive).as("strict [after] on the watermark skips C-3").isEmpty();

      List<ChargebeeResource> next = f.client.readSince("customers", "customer", "updated_at", watermark,
          ChargebeeQuery.all(), 1000);
      assertThat(next).extracting(ChargebeeResource::id).contains("C-3");
      assertThat(next).extracting(ChargebeeResource::id).containsExactly("C-1", "C-2", "C-3");
    }
  }

  @Test
  void theOverlapReachesBackOverLateCommitsAndPagesAreAllRead() {
    try (SimFixture f = new SimFixture(b -> b.requestsPerMinute(0), b -> b.readOverlap(Duration.ofSeconds(30)))) {
      for (int i = 0; i < 130; i++) {
        f.client.post("customers", ChargebeeForm.create().put("id", "P-" + i), null);
      }
      f.advance(Duration.ofSeconds(20));
      f.client.post("customers/P-5", ChargebeeForm.create().put("company", "changed"), null);
      long watermark = f.client.customer("P-5").orElseThrow().updatedAt();
      f.advance(Duration.ofSeconds(100));
      List<ChargebeeResource> read = f.client.readSince("customers", "customer", "updated_at", watermark - 20,
          ChargebeeQuery.all(), 10_000);
      assertThat(read).hasSize(130);   // two pages of 100; the 20 s back is inside the 30 s overlap
      assertThat(read.get(read.size() - 1).id()).isEqualTo("P-5");
    }
  }
}
