package io.mlconnector.testkit.syspro.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;
import org.jspecify.annotations.Nullable;

/**
 * The elements a business object's XSD allows, written compactly as {@code
 * Root(Leaf,Group(Leaf,Leaf),...)}. Checking a document against it rejects elements the schema does
 * not allow (an e.net exception), unless the object is configured to ignore them.
 */
final class Shape {
  private final String name;
  private final Map<String, Shape> children = new LinkedHashMap<>();

  private Shape(String name) {
    this.name = name;
  }

  /** Parses {@code Name(child,child(grandchild))}. */
  public static Shape of(String spec) {
    int[] pos = {0};
    Shape s = parse(spec.replaceAll("\\s+", ""), pos);
    if (pos[0] != spec.replaceAll("\\s+", "").length()) {
      throw new IllegalArgumentException("bad shape near " + pos[0] + ": " + spec);
    }
    return s;
  }

  private static Shape parse(String s, int[] pos) {
    int start = pos[0];
    while (pos[0] < s.length() && "(),".indexOf(s.charAt(pos[0])) < 0) {
      pos[0]++;
    }
    Shape shape = new Shape(s.substring(start, pos[0]));
    if (pos[0] < s.length() && s.charAt(pos[0]) == '(') {
      pos[0]++;
      while (true) {
        Shape c = parse(s, pos);
        shape.children.put(c.name, c);
        char ch = s.charAt(pos[0]++);
        if (ch == ')') {
          break;
        }
      }
    }
    return shape;
  }

  /** The allowed child of that name, or null. */
  public @Nullable Shape child(String childName) {
    return children.get(childName);
  }

  /** Checks a document root against this shape. */
  public void check(Element root, boolean ignoreUnknown, String parameter) {
    if (!root.getTagName().equals(name)) {
      throw new EnetError(
          "The root element of "
              + parameter
              + " must be '"
              + name
              + "', found '"
              + root.getTagName()
              + "'");
    }
    checkChildren(root, name, ignoreUnknown);
  }

  private void checkChildren(Element e, String path, boolean ignoreUnknown) {
    for (Element c : Xml.children(e)) {
      Shape s = children.get(c.getTagName());
      if (s == null) {
        if (ignoreUnknown) {
          continue;
        }
        throw new EnetError("XML element '" + c.getTagName() + "' is not valid in '" + path + "'");
      }
      s.checkChildren(c, path + "/" + c.getTagName(), ignoreUnknown);
    }
  }
}
