package io.mlconnector.apicheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check over a throwaway repository: a BOM naming one module whose sources each test compiles. */
class ApiCheckTest {
  private static final String BOM = """
      <project>
        <dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>io.mlconnector</groupId>
              <artifactId>mod-a</artifactId>
              <version>1</version>
            </dependency>
            <dependency>
              <groupId>org.other</groupId>
              <artifactId>not-ours</artifactId>
              <version>1</version>
            </dependency>
          </dependencies>
        </dependencyManagement>
      </project>
      """;

  private static final String WIDGET = """
      package demo;
      public final class Widget {
        public static final String NAME = "w";
        public Widget(String id) {}
        public String id() { return ""; }
        public static <T extends Comparable<T>> T max(java.util.List<T> items) { return null; }
        public void tags(String... tags) {}
        void packagePrivate() {}
        private int secret;
        public static final class Builder { public Widget build() { return null; } }
        private static final class Hidden { public void notApi() {} }
      }
      """;
  private static final String HOOK = """
      package demo;
      public interface Hook {
        void on(String event) throws java.io.IOException;
        default Hook and(Hook other) { return this; }
      }
      """;
  private static final String HELPER = """
      package demo;
      final class Helper { public void notApi() {} }
      """;
  private static final String INTERNAL = """
      package demo.internal;
      public final class Engine { public void notApi() {} }
      """;

  @TempDir Path root;

  @Test
  void listsPublicAndProtectedSignaturesOfExportedPackagesOnly() throws Exception {
    ClassLoader loader = compile(Map.of("demo/Widget.java", WIDGET, "demo/Hook.java", HOOK,
        "demo/Helper.java", HELPER, "demo/internal/Engine.java", INTERNAL));

    String listing = ApiListing.of("mod-a", classes(), loader);

    assertThat(listing).contains(
        "public final class demo.Widget {",
        "  public static final java.lang.String NAME",
        "  public demo.Widget(java.lang.String)",
        "  public java.lang.String id()",
        "  public static <T extends java.lang.Comparable<T>> T max(java.util.List<T>)",
        "  public void tags(java.lang.String...)",
        "public static final class demo.Widget$Builder {",
        "public interface demo.Hook {",
        "  public abstract void on(java.lang.String) throws java.io.IOException",
        "  public default demo.Hook and(demo.Hook)");
    assertThat(listing).doesNotContain("packagePrivate", "secret", "Hidden", "Helper", "internal", "notApi");
  }

  @Test
  void anUnchangedSurfacePassesAndAPrivateChangeIsNotAnApiChange() throws Exception {
    Files.writeString(Files.createDirectories(root.resolve("connector-bom")).resolve("pom.xml"), BOM);
    ApiCheck.Result written = ApiCheck.run(root, "target", true, compile(Map.of("demo/Widget.java", WIDGET)));
    assertThat(written.written()).containsExactly("mod-a");
    assertThat(ApiCheck.listingFile(root, "mod-a")).exists();

    String privateChange = WIDGET.replace("private int secret;", "private long secret; private void more() {}");
    ApiCheck.Result result = ApiCheck.run(root, "target", false, compile(Map.of("demo/Widget.java", privateChange)));

    assertThat(result.passed()).isTrue();
    assertThat(result.modules()).containsExactly("mod-a");
    assertThat(report(result)).contains("the public API of 1 modules matches their listings");
  }

  @Test
  void anAddedOrRemovedMemberFailsWithTheDifferenceAndTheUpdateCommand() throws Exception {
    Files.writeString(Files.createDirectories(root.resolve("connector-bom")).resolve("pom.xml"), BOM);
    ApiCheck.run(root, "target", true, compile(Map.of("demo/Widget.java", WIDGET)));

    String changed = WIDGET.replace("public void tags(String... tags) {}", "public void label(String label) {}");
    ApiCheck.Result result = ApiCheck.run(root, "target", false, compile(Map.of("demo/Widget.java", changed)));

    assertThat(result.passed()).isFalse();
    assertThat(result.changedModules()).containsExactly("mod-a");
    ApiCheck.Diff diff = result.diffs().get(0);
    assertThat(diff.added()).containsExactly("public final class demo.Widget :: public void label(java.lang.String)");
    assertThat(diff.removed()).containsExactly("public final class demo.Widget :: public void tags(java.lang.String...)");
    assertThat(report(result)).contains("1 added, 1 removed", ApiCheck.UPDATE_COMMAND);

    // the update makes the same surface pass
    ApiCheck.run(root, "target", true, compile(Map.of("demo/Widget.java", changed)));
    assertThat(ApiCheck.run(root, "target", false, compile(Map.of("demo/Widget.java", changed))).passed()).isTrue();
  }

  @Test
  void aModuleWithoutAListingFails() throws Exception {
    Files.writeString(Files.createDirectories(root.resolve("connector-bom")).resolve("pom.xml"), BOM);
    ApiCheck.Result result = ApiCheck.run(root, "target", false, compile(Map.of("demo/Widget.java", WIDGET)));

    assertThat(result.passed()).isFalse();
    assertThat(result.diffs().get(0).missing()).isTrue();
    assertThat(report(result)).contains("mod-a has no listing");
  }

  @Test
  void aBomModuleTheCheckCannotLoadFailsNamingIt() throws Exception {
    Files.writeString(Files.createDirectories(root.resolve("connector-bom")).resolve("pom.xml"), BOM);
    compile(Map.of("demo/Widget.java", WIDGET));
    ClassLoader withoutModule = new URLClassLoader(new URL[0], null);

    assertThatThrownBy(() -> ApiCheck.run(root, "target", false, withoutModule))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connector-bom lists mod-a but api-check does not depend on it");
  }

  @Test
  void theMainMethodFailsTheBuildOnADifference() throws Exception {
    Files.writeString(Files.createDirectories(root.resolve("connector-bom")).resolve("pom.xml"), BOM);
    ClassLoader loader = compile(Map.of("demo/Widget.java", WIDGET));
    ApiCheck.run(root, "target", true, loader);
    Files.writeString(ApiCheck.listingFile(root, "mod-a"), "# stale\n");
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      assertThatThrownBy(() -> ApiCheck.main(new String[] {"--root=" + root, "--target=target", "--update=false"}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("mod-a")
          .hasMessageContaining(ApiCheck.UPDATE_COMMAND);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Test
  void theBomMustListEveryPublishedModuleAndNothingElse() {
    String root = """
        <project>
          <modules>
            <module>connector-bom</module>
            <module>mod-a</module>
            <module>samples</module>
            %s
          </modules>
          <profiles><profile><build><plugins><plugin><configuration>
            <excludeArtifacts>
              <artifact>samples</artifact>
              %s
            </excludeArtifacts>
          </configuration></plugin></plugins></build></profile></profiles>
        </project>
        """;
    Path pom = this.root.resolve("pom.xml");
    write(pom, root.formatted("", ""));
    ApiCheck.checkBomMatchesPublishedModules(pom, List.of("mod-a"));

    write(pom, root.formatted("<module>mod-b</module>", ""));
    assertThatThrownBy(() -> ApiCheck.checkBomMatchesPublishedModules(pom, List.of("mod-a")))
        .hasMessageContaining("mod-b is published (not in the release profile's excludeArtifacts) but not in connector-bom");

    write(pom, root.formatted("", "<artifact>mod-a</artifact>"));
    assertThatThrownBy(() -> ApiCheck.checkBomMatchesPublishedModules(pom, List.of("mod-a")))
        .hasMessageContaining("mod-a is in connector-bom but excluded from publishing");

    write(pom, root.formatted("", ""));
    assertThatThrownBy(() -> ApiCheck.checkBomMatchesPublishedModules(pom, List.of("mod-a", "mod-gone")))
        .hasMessageContaining("connector-bom lists mod-gone, which is not a module of");
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path classes() {
    return root.resolve("mod-a").resolve("target").resolve("classes");
  }

  /** Compiles the sources into mod-a/target/classes (emptied first) and returns a loader over it. */
  private ClassLoader compile(Map<String, String> sources) throws IOException {
    Path src = root.resolve("mod-a").resolve("src");
    for (Path dir : List.of(src, classes())) {
      if (Files.exists(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(dir);
    }
    List<String> args = new ArrayList<>(List.of("-d", classes().toString()));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = javac.run(null, null, err, args.toArray(String[]::new));
    assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return new URLClassLoader(new URL[] {classes().toUri().toURL()}, ApiCheckTest.class.getClassLoader());
  }

  private static String report(ApiCheck.Result result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    result.report(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
