package io.mlconnector.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every public or protected type of an exported package has a Javadoc comment, and so does every
 * exported package ({@code package-info.java}). Read from the sources: javadoc's own doclint
 * reports missing comments per member, which the build does not yet require.
 */
public final class JavadocCheck {
  private static final Pattern TYPE = Pattern.compile(
      "^\\s*(?:public|protected)\\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
          + "(class|interface|enum|record|@interface)\\s+([A-Za-z_$][\\w$]*)");

  private JavadocCheck() {}

  /**
   * The public and protected types and the packages without a Javadoc comment under a source root.
   *
   * @param module the module's name, for the messages
   * @param sourceRoot {@code src/main/java}
   * @return one line per finding, {@code <module>: <file>:<line> <type> has no Javadoc comment}
   */
  public static List<String> undocumented(String module, Path sourceRoot) {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(sourceRoot)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sourceRoot)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sourceRoot, e);
    }
    java.util.Set<Path> packages = new java.util.TreeSet<>();
    for (Path file : files) {
      Path rel = sourceRoot.relativize(file);
      String pkg = rel.getParent() == null ? "" : rel.getParent().toString().replace('\\', '/').replace('/', '.');
      if (ApiListing.isInternal(pkg + ".X")) {
        continue;
      }
      packages.add(file.getParent());
      if (file.getFileName().toString().equals("package-info.java")) {
        continue;
      }
      out.addAll(undocumentedTypes(module, rel, read(file)));
    }
    for (Path dir : packages) {
      Path info = dir.resolve("package-info.java");
      if (!Files.isRegularFile(info) || !read(info).contains("/**")) {
        out.add(module + ": package " + sourceRoot.relativize(dir).toString().replace('\\', '/').replace('/', '.')
            + " has no package-info.java with a Javadoc comment");
      }
    }
    return out;
  }

  /** The public or protected type declarations in one source file that no Javadoc comment precedes. */
  static List<String> undocumentedTypes(String module, Path file, String source) {
    List<String> out = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    boolean inBlockComment = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      if (inBlockComment) {
        if (trimmed.contains("*/")) {
          inBlockComment = false;
        }
        continue;
      }
      if (trimmed.startsWith("/*") && !trimmed.contains("*/")) {
        inBlockComment = true;
        continue;
      }
      Matcher m = TYPE.matcher(line);
      if (m.find() && !documented(lines, i)) {
        out.add(module + ": " + file.toString().replace('\\', '/') + ":" + (i + 1) + " " + m.group(1) + " "
            + m.group(2) + " has no Javadoc comment");
      }
    }
    return out;
  }

  /** True if the lines above {@code index}, past annotations and blank lines, end a {@code /** ... *}{@code /} comment. */
  private static boolean documented(String[] lines, int index) {
    int i = index - 1;
    int depth = 0; // unclosed parentheses of a multi-line annotation, read bottom-up
    while (i >= 0) {
      String t = lines[i].strip();
      boolean annotationTail = t.endsWith(")") && !t.endsWith("*/");
      if (depth > 0 || t.isEmpty() || t.startsWith("@") || annotationTail) {
        depth = Math.max(0, depth + count(t, ')') - count(t, '('));
        i--;
        continue;
      }
      break;
    }
    if (i < 0 || !lines[i].strip().endsWith("*/")) {
      return false;
    }
    for (int j = i; j >= 0; j--) {
      String t = lines[j].strip();
      if (t.startsWith("/**")) {
        return true;
      }
      if (t.startsWith("/*")) {
        return false;
      }
    }
    return false;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) == c) {
        n++;
      }
    }
    return n;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
