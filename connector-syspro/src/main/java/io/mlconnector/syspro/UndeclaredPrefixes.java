package io.mlconnector.syspro;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SYSPRO writes element names with prefixes it never declares ({@code SALARE:Description}, {@code
 * TBLCUR:Description} in SORQRY output), which a namespace-aware parser refuses. Declares each such
 * prefix on the root element, in {@link SysproElement#UNDECLARED_PREFIX_NS}, so the document parses
 * and the prefixed names stay apart.
 */
final class UndeclaredPrefixes {

  private static final Pattern ELEMENT_PREFIX =
      Pattern.compile("</?([A-Za-z_][A-Za-z0-9_.-]*):[A-Za-z_]");
  private static final Pattern ATTRIBUTE_PREFIX =
      Pattern.compile("\\s([A-Za-z_][A-Za-z0-9_.-]*):[A-Za-z_][A-Za-z0-9_.-]*\\s*=\\s*[\"']");
  private static final Pattern ROOT_NAME = Pattern.compile("<[A-Za-z_][A-Za-z0-9_.:-]*");

  private UndeclaredPrefixes() {}

  /** {@code xml} with its undeclared prefixes declared on the root, or {@code xml} unchanged. */
  static String declare(String xml) {
    if (xml.indexOf(':') < 0) {
      return xml;
    }
    Set<String> prefixes = new LinkedHashSet<>();
    collect(ELEMENT_PREFIX.matcher(xml), prefixes);
    collect(ATTRIBUTE_PREFIX.matcher(xml), prefixes);
    prefixes.removeIf(p -> p.equalsIgnoreCase("xml") || p.equalsIgnoreCase("xmlns"));
    prefixes.removeIf(p -> xml.contains("xmlns:" + p + "="));
    if (prefixes.isEmpty()) {
      return xml;
    }
    int root = rootStart(xml);
    if (root < 0) {
      return xml;
    }
    Matcher name = ROOT_NAME.matcher(xml);
    if (!name.find(root) || name.start() != root) {
      return xml;
    }
    StringBuilder decl = new StringBuilder();
    for (String p : prefixes) {
      decl.append(" xmlns:")
          .append(p)
          .append("=\"")
          .append(SysproElement.UNDECLARED_PREFIX_NS)
          .append(p)
          .append('"');
    }
    return xml.substring(0, name.end()) + decl + xml.substring(name.end());
  }

  private static void collect(Matcher m, Set<String> into) {
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  /** Where the root element's start tag begins, past the declaration, comments and PIs. */
  private static int rootStart(String xml) {
    int i = 0;
    while (true) {
      i = xml.indexOf('<', i);
      if (i < 0 || i + 1 >= xml.length()) {
        return -1;
      }
      if (xml.startsWith("<?", i)) {
        int end = xml.indexOf("?>", i);
        if (end < 0) {
          return -1;
        }
        i = end + 2;
      } else if (xml.startsWith("<!--", i)) {
        int end = xml.indexOf("-->", i);
        if (end < 0) {
          return -1;
        }
        i = end + 3;
      } else if (xml.charAt(i + 1) == '!') {
        return -1;
      } else {
        return i;
      }
    }
  }
}
