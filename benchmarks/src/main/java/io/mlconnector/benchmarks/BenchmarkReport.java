package io.mlconnector.benchmarks;

import java.util.Locale;

/** Prints benchmark figures as aligned rows, so harnesses report in one format. */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  /** Prints a header line for a harness. */
  public static void title(String text) {
    System.out.println();
    System.out.println("== " + text);
  }

  /** Prints one row: a label and a formatted figure. */
  public static void row(String label, String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, "%-48s " + format, prepend(label, args)));
  }

  private static Object[] prepend(String label, Object[] args) {
    Object[] all = new Object[args.length + 1];
    all[0] = label;
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }
}
