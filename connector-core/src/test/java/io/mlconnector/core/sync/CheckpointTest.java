package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckpointTest {

  @Test
  void encodingKeepsValuesWithSeparatorsApart() {
    Checkpoint checkpoint = Checkpoint.of("2026-01-01T10:00:00Z", "inv:42");

    assertThat(Checkpoint.decode(checkpoint.encode())).isEqualTo(checkpoint);
    assertThat(Checkpoint.of("a:1", "b").encode()).isNotEqualTo(Checkpoint.of("a", ":1b").encode());
    assertThat(Checkpoint.decode(Checkpoint.of("7", null).encode())).isEqualTo(Checkpoint.of("7", ""));
  }

  @Test
  void aCursorThatIsNotACheckpointIsNamed() {
    assertThatThrownBy(() -> Checkpoint.decode("garbage"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a checkpoint: 'garbage'");
  }
}
