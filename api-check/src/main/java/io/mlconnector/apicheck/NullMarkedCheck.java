package io.mlconnector.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Null-safety is stated, not implied: every package of a published module, internal ones
 * included, is annotated {@code @NullMarked} (JSpecify) in its {@code package-info.java}, so every
 * type in it is non-null unless marked {@code @Nullable}.
 */
public final class NullMarkedCheck {
  private static final Pattern MARKED = Pattern.compile(
      "(?m)^\\s*@(?:org\\.jspecify\\.annotations\\.)?NullMarked\\b[\\s\\S]*^\\s*package\\s");

  private NullMarkedCheck() {}

  /**
   * The packages under a source root whose {@code package-info.java} is missing or not
   * {@code @NullMarked}.
   *
   * @param module the module's name, for the messages
   * @param sourceRoot {@code src/main/java}
   * @return one line per package, {@code <module>: package <name> is not @NullMarked (...)}
   */
  public static List<String> unmarked(String module, Path sourceRoot) {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(sourceRoot)) {
      return out;
    }
    Set<Path> packages = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(sourceRoot)) {
      walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> packages.add(p.getParent()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sourceRoot, e);
    }
    for (Path dir : packages) {
      String name = sourceRoot.relativize(dir).toString().replace('\\', '/').replace('/', '.');
      Path info = dir.resolve("package-info.java");
      if (!Files.isRegularFile(info)) {
        out.add(module + ": package " + name + " is not @NullMarked (it has no package-info.java)");
        continue;
      }
      try {
        if (!MARKED.matcher(Files.readString(info, StandardCharsets.UTF_8)).find()) {
          out.add(module + ": package " + name + " is not @NullMarked (annotate its package-info.java)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + info, e);
      }
    }
    return out;
  }
}
