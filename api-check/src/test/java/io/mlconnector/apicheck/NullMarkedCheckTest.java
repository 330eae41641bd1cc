package io.mlconnector.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every package, internal ones included, must be @NullMarked in its package-info.java. */
class NullMarkedCheckTest {
  @TempDir Path src;

  @Test
  void findsPackagesWithoutNullMarkedOrWithoutPackageInfo() throws Exception {
    write("demo/package-info.java", "/** Demo. */\n@NullMarked\npackage demo;\n\nimport org.jspecify.annotations.NullMarked;\n");
    write("demo/A.java", "package demo;\n/** A. */\npublic final class A {}\n");
    write("demo/internal/package-info.java",
        "/** Internals. */\n@org.jspecify.annotations.NullMarked\npackage demo.internal;\n");
    write("demo/internal/B.java", "package demo.internal;\nfinal class B {}\n");
    write("plain/package-info.java", "/** Says @NullMarked only in prose. */\npackage plain;\n");
    write("plain/C.java", "package plain;\n/** C. */\npublic final class C {}\n");
    write("bare/D.java", "package bare;\n/** D. */\npublic final class D {}\n");

    assertThat(NullMarkedCheck.unmarked("mod", src)).containsExactlyInAnyOrder(
        "mod: package bare is not @NullMarked (it has no package-info.java)",
        "mod: package plain is not @NullMarked (annotate its package-info.java)");
  }

  private void write(String path, String text) throws Exception {
    Path file = src.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
