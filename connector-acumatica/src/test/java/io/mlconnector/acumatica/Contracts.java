package io.mlconnector.acumatica;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the published Acumatica contracts, kept outside the repository at {@code
 * ../shared/contracts/acumatica} relative to the repository root (or of any ancestor of it, for a
 * git worktree), or at the system property {@code mlconnector.contracts}. Absent outside CI, the
 * tests that need them are skipped with a message; on CI ({@code CI} set) their absence fails.
 */
final class Contracts {
  private Contracts() {}

  static Optional<Path> dir() {
    String property = System.getProperty("mlconnector.contracts");
    if (property != null) {
      Path p = Path.of(property).resolve("acumatica");
      return Files.isDirectory(p) ? Optional.of(p) : Optional.of(Path.of(property)).filter(Files::isDirectory);
    }
    Path module = Path.of("").toAbsolutePath();
    Path root = Files.exists(module.resolve("connector-core")) ? module : module.getParent();
    for (Path p = root; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("contracts").resolve("acumatica");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
      if (p.getParent() != null) {
        Path sibling = p.getParent().resolve("shared").resolve("contracts").resolve("acumatica");
        if (Files.isDirectory(sibling)) {
          return Optional.of(sibling);
        }
      }
    }
    return Optional.empty();
  }

  /** The contract file of {@code version}, or the test is skipped (failed on CI). */
  static Path file(String version) {
    Optional<Path> dir = dir();
    String name = version.equals("24.200.001") ? "Default_24.200.001.openapi.json" : "Default_" + version + ".swagger.json";
    Optional<Path> file = dir.map(d -> d.resolve(name)).filter(Files::isRegularFile);
    if (file.isEmpty()) {
      String message = "Acumatica contract " + name + " not found under ../shared/contracts/acumatica"
          + " (set -Dmlconnector.contracts=<dir> to point at it)";
      if (System.getenv("CI") != null) {
        throw new AssertionError(message);
      }
      Assumptions.abort(message);
    }
    return file.get();
  }
}
