package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.samples.pairs.Pair;
import io.mlconnector.samples.pairs.Pairs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stampli-syspro pair's demo over a real embedded SFTP server and the SYSPRO simulator. */
class StampliSysproDemoTest {

  @Test
  void demoPostsEveryApprovedInvoiceOnceAndReconciles(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Pair.DemoResult r;
    try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
      r = Pairs.named("stampli-syspro").demo(out, dir, 120);
    }
    String text = buf.toString(StandardCharsets.UTF_8);
    assertThat(r.ok()).as(text).isTrue();
    assertThat(r.records()).isEqualTo(121);
    assertThat(r.closingLine()).isEqualTo("stampli-syspro: everything reconciles");
    assertThat(text).contains("SYSPRO AP invoices: 120").contains("new supplier V0900 in SYSPRO: true")
        .contains("121 of 121 exported invoices posted once")
        .contains("Stampli payments parked, not posted: 2");
  }
}
