package io.mlconnector.apicheck;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's API check: for every module the BOM lists, the public surface ({@link ApiListing})
 * must equal the listing checked in at {@code <module>/api/<artifactId>.api}. Run by the
 * {@code api-check} module in {@code mvn verify}; with {@code --update=true} it rewrites the
 * listings instead.
 *
 * <p>Regenerate every listing after an intended change of public API:
 *
 * <pre>{@code mvn -B verify -DskipTests -Dmlc.api.update=true}</pre>
 */
public final class ApiCheck {
  /** The command that rewrites every listing, printed when the check fails. */
  public static final String UPDATE_COMMAND = "mvn -B verify -DskipTests -Dmlc.api.update=true";

  private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern GROUP = Pattern.compile("<groupId>\\s*([^<\\s]+)\\s*</groupId>");
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
  private static final int SHOWN_PER_MODULE = 40;

  private ApiCheck() {}

  /**
   * Runs the check from the command line (exec-maven-plugin).
   *
   * @param args {@code --root=<repository root>}, {@code --target=<build folder name>},
   *     {@code --update=true|false}
   * @throws IllegalStateException if a listing differs (with the differences and the command that
   *     updates the listings) or a module cannot be read
   */
  public static void main(String[] args) {
    Path root = null;
    String target = "target";
    boolean update = false;
    for (String arg : args) {
      if (arg.startsWith("--root=")) {
        root = Path.of(arg.substring("--root=".length()));
      } else if (arg.startsWith("--target=")) {
        target = arg.substring("--target=".length());
      } else if (arg.startsWith("--update=")) {
        update = Boolean.parseBoolean(arg.substring("--update=".length()).trim());
      } else {
        throw new IllegalArgumentException("unknown argument " + arg + " (expected --root=, --target=, --update=)");
      }
    }
    if (root == null) {
      throw new IllegalArgumentException("--root=<repository root> is required");
    }
    ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
        ApiCheck.class.getClassLoader());
    Result result = run(root.toAbsolutePath().normalize(), target, update, loader);
    result.report(System.out);
    if (!result.diffs().isEmpty()) {
      throw new IllegalStateException("API check failed: the public API of " + result.changedModules()
          + " differs from the checked-in listing. If the change is intended, run `" + UPDATE_COMMAND
          + "` and commit the .api files with it.");
    }
    if (!result.undocumented().isEmpty() && !update) {
      throw new IllegalStateException("Javadoc check failed: " + result.undocumented().size()
          + " public types or exported packages without a Javadoc comment, or packages not @NullMarked"
          + " (listed above)");
    }
  }

  /**
   * Checks (or with {@code update}, rewrites) the listing of every module the BOM names.
   *
   * @param root the repository root (holds {@code connector-bom/pom.xml} and the module folders)
   * @param target the build folder's name in each module ({@code target})
   * @param update rewrite the listings instead of comparing
   * @param loader sees every module's classes and their dependencies
   * @return what was compared and what differed
   */
  public static Result run(Path root, String target, boolean update, ClassLoader loader) {
    List<String> modules = bomModules(root.resolve("connector-bom").resolve("pom.xml"));
    checkBomMatchesPublishedModules(root.resolve("pom.xml"), modules);
    List<Diff> diffs = new ArrayList<>();
    List<String> written = new ArrayList<>();
    List<String> undocumented = new ArrayList<>();
    for (String module : modules) {
      Path dir = root.resolve(module);
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException("connector-bom lists " + module + " but there is no folder " + dir);
      }
      undocumented.addAll(JavadocCheck.undocumented(module, dir.resolve("src").resolve("main").resolve("java")));
      undocumented.addAll(NullMarkedCheck.unmarked(module, dir.resolve("src").resolve("main").resolve("java")));
      String actual = listing(module, dir.resolve(target).resolve("classes"), loader);
      Path file = listingFile(root, module);
      String expected = read(file);
      if (update) {
        if (!actual.equals(expected)) {
          write(file, actual);
          written.add(module);
        }
      } else if (!actual.equals(expected)) {
        diffs.add(Diff.of(module, file, expected, actual));
      }
    }
    return new Result(modules, diffs, written, undocumented, update);
  }

  /** Where a module's listing lives: {@code <module>/api/<artifactId>.api}. */
  public static Path listingFile(Path root, String module) {
    return root.resolve(module).resolve("api").resolve(module + ".api");
  }

  /**
   * The BOM lists every published module and nothing else: each module of the root POM is the BOM
   * itself, in the BOM, or excluded from publishing (the release profile's {@code excludeArtifacts}),
   * never two of these. Skipped when there is no root POM (a throwaway tree in a test).
   *
   * @throws IllegalStateException naming each module that breaks the rule
   */
  static void checkBomMatchesPublishedModules(Path rootPom, List<String> bom) {
    String pom = read(rootPom);
    if (pom == null) {
      return;
    }
    Set<String> reactor = new LinkedHashSet<>();
    Matcher m = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>").matcher(pom);
    while (m.find()) {
      reactor.add(artifactIdOf(rootPom.getParent(), m.group(1)));
    }
    Set<String> unpublished = new LinkedHashSet<>();
    int start = pom.indexOf("<excludeArtifacts>");
    int end = pom.indexOf("</excludeArtifacts>");
    if (start >= 0 && end > start) {
      Matcher a = Pattern.compile("<artifact>\\s*([^<\\s]+)\\s*</artifact>").matcher(pom.substring(start, end));
      while (a.find()) {
        unpublished.add(a.group(1));
      }
    }
    List<String> problems = new ArrayList<>();
    for (String module : reactor) {
      if (module.equals("connector-bom")) {
        continue;
      }
      boolean inBom = bom.contains(module);
      boolean excluded = unpublished.contains(module);
      if (!inBom && !excluded) {
        problems.add(module + " is published (not in the release profile's excludeArtifacts) but not in connector-bom");
      } else if (inBom && excluded) {
        problems.add(module + " is in connector-bom but excluded from publishing");
      }
    }
    for (String module : bom) {
      if (!reactor.contains(module)) {
        problems.add("connector-bom lists " + module + ", which is not a module of " + rootPom);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the BOM must list every published module and nothing else: "
          + String.join("; ", problems));
    }
  }

  /**
   * The artifactId of the reactor module in folder {@code module} (a nested folder such as
   * {@code samples/spring-boot} is not its artifactId); the folder name when its POM is unreadable.
   */
  static String artifactIdOf(Path root, String module) {
    String pom = root == null ? null : read(root.resolve(module).resolve("pom.xml"));
    if (pom == null) {
      return module;
    }
    int parentEnd = pom.indexOf("</parent>");
    Matcher a = ARTIFACT.matcher(parentEnd >= 0 ? pom.substring(parentEnd) : pom);
    return a.find() ? a.group(1) : module;
  }

  /** The io.mlconnector artifacts a BOM's dependencyManagement names, in order. */
  static List<String> bomModules(Path bomPom) {
    String pom = read(bomPom);
    if (pom == null) {
      throw new IllegalStateException("no BOM at " + bomPom);
    }
    int start = pom.indexOf("<dependencyManagement>");
    int end = pom.indexOf("</dependencyManagement>");
    if (start < 0 || end < start) {
      throw new IllegalStateException(bomPom + " has no <dependencyManagement>");
    }
    Set<String> modules = new LinkedHashSet<>();
    Matcher dep = DEPENDENCY.matcher(pom.substring(start, end));
    while (dep.find()) {
      Matcher g = GROUP.matcher(dep.group(1));
      Matcher a = ARTIFACT.matcher(dep.group(1));
      if (g.find() && a.find() && g.group(1).equals("io.mlconnector")) {
        modules.add(a.group(1));
      }
    }
    if (modules.isEmpty()) {
      throw new IllegalStateException(bomPom + " names no io.mlconnector module");
    }
    return List.copyOf(modules);
  }

  private static String listing(String module, Path classes, ClassLoader loader) {
    // the module's classes must come from the loader the build gave us: api-check depends on it
    List<String> names = ApiListing.classNames(classes);
    if (!names.isEmpty()) {
      try {
        Class.forName(names.get(0), false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("connector-bom lists " + module
            + " but api-check does not depend on it: add it to api-check/pom.xml", e);
      }
    }
    return ApiListing.of(module, classes, loader);
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n") : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * How one module's surface differs from its listing.
   *
   * @param module the artifact id
   * @param file the listing file
   * @param missing true if there is no listing file yet
   * @param added lines in the surface that the listing lacks
   * @param removed lines in the listing that the surface lacks
   */
  public record Diff(String module, Path file, boolean missing, List<String> added, List<String> removed) {
    static Diff of(String module, Path file, String expected, String actual) {
      if (expected == null) {
        return new Diff(module, file, true, List.of(), List.of());
      }
      return new Diff(module, file, false, minus(actual, expected), minus(expected, actual));
    }

    /** Lines of {@code a} that {@code b} lacks, each under the type it belongs to. */
    private static List<String> minus(String a, String b) {
      Set<String> other = new LinkedHashSet<>(Arrays.asList(b.split("\n")));
      List<String> out = new ArrayList<>();
      String type = null;
      for (String line : a.split("\n")) {
        if (line.endsWith(" {")) {
          type = line.substring(0, line.length() - 2);
        }
        if (line.isBlank() || line.equals("}") || line.startsWith("#") || other.contains(line)) {
          continue;
        }
        out.add(line.startsWith("  ") && type != null ? type + " :: " + line.strip() : line);
      }
      return out;
    }
  }

  /**
   * The outcome of one run.
   *
   * @param modules the modules checked, in BOM order
   * @param diffs the modules whose surface differs from their listing (empty when updating)
   * @param written the listings rewritten (when updating)
   * @param undocumented public types and exported packages without a Javadoc comment ({@link
   *     JavadocCheck}), and packages not {@code @NullMarked} ({@link NullMarkedCheck})
   * @param update whether this run rewrote listings
   */
  public record Result(List<String> modules, List<Diff> diffs, List<String> written, List<String> undocumented,
      boolean update) {
    /** True when every listing matches (always true for an update) and every public type is documented. */
    public boolean passed() {
      return diffs.isEmpty() && undocumented.isEmpty();
    }

    /** The modules whose listing differs. */
    public List<String> changedModules() {
      return diffs.stream().map(Diff::module).toList();
    }

    /** Prints what was checked and every difference. */
    public void report(PrintStream out) {
      undocumented.forEach(u -> out.println("Javadoc check: " + u));
      if (update) {
        out.println("API listings: " + modules.size() + " modules, rewritten: "
            + (written.isEmpty() ? "none (all up to date)" : String.join(", ", written)));
        return;
      }
      if (diffs.isEmpty()) {
        out.println("API check: the public API of " + modules.size() + " modules matches their listings");
        return;
      }
      for (Diff d : diffs) {
        if (d.missing()) {
          out.println("API check: " + d.module() + " has no listing at " + d.file());
          continue;
        }
        out.println("API check: " + d.module() + " differs from " + d.file() + " ("
            + d.added().size() + " added, " + d.removed().size() + " removed)");
        print(out, "+ ", d.added());
        print(out, "- ", d.removed());
      }
      out.println("API check: if the change is intended, run `" + UPDATE_COMMAND
          + "` and commit the .api files in the same commit");
    }

    private static void print(PrintStream out, String prefix, List<String> lines) {
      lines.stream().limit(SHOWN_PER_MODULE).forEach(l -> out.println("    " + prefix + l));
      if (lines.size() > SHOWN_PER_MODULE) {
        out.println("    " + prefix + "... and " + (lines.size() - SHOWN_PER_MODULE) + " more");
      }
    }
  }
}
