package io.mlconnector.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Public types and exported packages without a Javadoc comment are found; documented ones and internals are not. */
class JavadocCheckTest {
  @TempDir Path src;

  @Test
  void findsUndocumentedPublicTypesAndPackagesOnly() throws Exception {
    write("demo/package-info.java", "/** Demo. */\npackage demo;\n");
    write("demo/Documented.java", """
        package demo;

        /** A documented type. */
        @Deprecated
        @SuppressWarnings({
            "unused",
            "rawtypes"})
        public final class Documented {
          /** A documented nested type. */
          public static final class Inner {}

          // a line comment is not Javadoc
          public interface Bare {}

          private static final class Hidden {}

          final class PackagePrivate {}
        }
        """);
    write("demo/Plain.java", """
        package demo;

        /* a block comment is not Javadoc */
        public record Plain(String a) {}
        """);
    write("demo/internal/Engine.java", "package demo.internal;\npublic final class Engine {}\n");
    write("other/Thing.java", "package other;\n/** Documented. */\npublic enum Thing { A }\n");

    assertThat(JavadocCheck.undocumented("mod", src)).containsExactlyInAnyOrder(
        "mod: demo/Documented.java:13 interface Bare has no Javadoc comment",
        "mod: demo/Plain.java:4 record Plain has no Javadoc comment",
        "mod: package other has no package-info.java with a Javadoc comment");
  }

  private void write(String path, String text) throws Exception {
    Path file = src.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
