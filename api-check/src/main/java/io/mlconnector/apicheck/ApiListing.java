package io.mlconnector.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public surface of one module as text: every public or protected type outside an {@code
 * internal} package, with its public and protected constructors, methods and fields, one line
 * each, types sorted by name and members sorted within a type, so the text changes exactly when
 * the surface does.
 *
 * <p>Read from compiled classes (no sources, no parameter names, no annotations): what a caller
 * compiles against. Public members a public class inherits from a non-public superclass of the
 * same module are listed on the public class, since callers reach them there.
 */
public final class ApiListing {
  private ApiListing() {}

  /**
   * The listing of the classes under one directory.
   *
   * @param title the first line's subject (the artifact id)
   * @param classesDir a compiled output directory ({@code target/classes})
   * @param loader a class loader that sees those classes and every type their signatures name
   * @return the listing, lines ending in {@code \n}
   * @throws IllegalStateException if a class cannot be loaded (its name and the cause)
   */
  public static String of(String title, Path classesDir, ClassLoader loader) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(classesDir, "classesDir");
    Objects.requireNonNull(loader, "loader");
    TreeMap<String, List<String>> blocks = new TreeMap<>();
    for (String name : classNames(classesDir)) {
      if (isInternal(name)) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("cannot load " + name + " from " + classesDir + ": " + e, e);
      }
      if (!isExported(type)) {
        continue;
      }
      blocks.put(type.getName(), block(type));
    }
    StringBuilder out = new StringBuilder();
    out.append("# ").append(title)
        .append(": public and protected signatures of the exported packages (generated; see CONTRIBUTING.md)\n");
    for (List<String> block : blocks.values()) {
      out.append('\n');
      block.forEach(line -> out.append(line).append('\n'));
    }
    return out.toString();
  }

  /** Binary names of the classes under a directory, {@code package-info} and {@code module-info} left out. */
  static List<String> classNames(Path classesDir) {
    if (!Files.isDirectory(classesDir)) {
      throw new IllegalStateException("no compiled classes at " + classesDir + " (build the module first)");
    }
    try (Stream<Path> files = Files.walk(classesDir)) {
      return files
          .filter(p -> p.toString().endsWith(".class"))
          .map(p -> classesDir.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.endsWith("package-info.class") && !p.endsWith("module-info.class"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + classesDir, e);
    }
  }

  /** True for a class in a package with a segment named {@code internal}. */
  static boolean isInternal(String className) {
    int dot = className.lastIndexOf('.');
    String pkg = dot < 0 ? "" : className.substring(0, dot);
    for (String segment : pkg.split("\\.")) {
      if (segment.equals("internal")) {
        return true;
      }
    }
    return false;
  }

  /** A type callers outside its package can name: public or protected, and so is every enclosing type. */
  static boolean isExported(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!isVisible(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static List<String> block(Class<?> type) {
    List<String> lines = new ArrayList<>();
    lines.add(header(type) + " {");
    TreeSet<String> members = new TreeSet<>();
    boolean finalClass = Modifier.isFinal(type.getModifiers());
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c != type && (isExported(c) || c.getClassLoader() != type.getClassLoader())) {
        break; // the rest is listed on its own (or is another module's or the JDK's)
      }
      for (Field f : c.getDeclaredFields()) {
        if (!f.isSynthetic() && isVisible(f.getModifiers())) {
          members.add(field(f));
        }
      }
      if (c == type) {
        for (Constructor<?> k : c.getDeclaredConstructors()) {
          if (!k.isSynthetic() && isVisible(k.getModifiers()) && !(finalClass && Modifier.isProtected(k.getModifiers()))) {
            members.add(executable(k, type.getName()));
          }
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        if (!m.isSynthetic() && !m.isBridge() && isVisible(m.getModifiers())) {
          members.add(executable(m, m.getName()));
        }
      }
    }
    members.forEach(m -> lines.add("  " + m));
    lines.add("}");
    return lines;
  }

  private static String header(Class<?> type) {
    StringBuilder s = new StringBuilder();
    int mods = type.getModifiers();
    s.append(Modifier.isPublic(mods) ? "public " : "protected ");
    if (type.getDeclaringClass() != null && Modifier.isStatic(mods) && !type.isInterface() && !type.isEnum()
        && !type.isRecord()) {
      s.append("static ");
    }
    if (type.isSealed()) {
      s.append("sealed ");
    }
    String kind;
    if (type.isAnnotation()) {
      kind = "@interface";
    } else if (type.isInterface()) {
      kind = "interface";
    } else if (type.isEnum()) {
      kind = "enum";
    } else if (type.isRecord()) {
      kind = "record";
    } else {
      if (Modifier.isAbstract(mods)) {
        s.append("abstract ");
      }
      if (Modifier.isFinal(mods)) {
        s.append("final ");
      }
      kind = "class";
    }
    s.append(kind).append(' ').append(type.getName()).append(typeParameters(type.getTypeParameters()));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && !type.isEnum() && !type.isRecord() && superclass != Object.class) {
      s.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0 && !type.isAnnotation()) {
      s.append(type.isInterface() ? " extends " : " implements ");
      s.append(Stream.of(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    if (type.isSealed()) {
      s.append(" permits ").append(Stream.of(type.getPermittedSubclasses())
          .map(Class::getName).sorted().collect(Collectors.joining(", ")));
    }
    return s.toString();
  }

  private static String field(Field f) {
    return modifiers(f.getModifiers(), false) + f.getGenericType().getTypeName() + " " + f.getName();
  }

  private static String executable(Executable e, String name) {
    StringBuilder s = new StringBuilder(modifiers(e.getModifiers(), e instanceof Method m && m.isDefault()));
    String typeParams = typeParameters(e.getTypeParameters());
    if (!typeParams.isEmpty()) {
      s.append(typeParams).append(' ');
    }
    if (e instanceof Method m) {
      s.append(m.getGenericReturnType().getTypeName()).append(' ');
    }
    s.append(name).append('(');
    Type[] params = e.getGenericParameterTypes();
    if (params.length != e.getParameterCount()) {
      params = e.getParameterTypes(); // inner-class and enum constructors: the signature attribute leaves out implicit parameters
    }
    for (int i = 0; i < params.length; i++) {
      if (i > 0) {
        s.append(", ");
      }
      String t = params[i].getTypeName();
      if (e.isVarArgs() && i == params.length - 1 && t.endsWith("[]")) {
        t = t.substring(0, t.length() - 2) + "...";
      }
      s.append(t);
    }
    s.append(')');
    Type[] thrown = e.getGenericExceptionTypes();
    if (thrown.length > 0) {
      s.append(" throws ").append(Stream.of(thrown).map(Type::getTypeName).sorted().collect(Collectors.joining(", ")));
    }
    return s.toString();
  }

  private static String modifiers(int mods, boolean isDefault) {
    StringBuilder s = new StringBuilder();
    s.append(Modifier.isPublic(mods) ? "public " : "protected ");
    if (isDefault) {
      s.append("default ");
    }
    if (Modifier.isStatic(mods)) {
      s.append("static ");
    }
    if (Modifier.isAbstract(mods)) {
      s.append("abstract ");
    }
    if (Modifier.isFinal(mods)) {
      s.append("final ");
    }
    return s.toString();
  }

  private static String typeParameters(TypeVariable<?>[] vars) {
    if (vars.length == 0) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (TypeVariable<?> v : vars) {
      Type[] bounds = v.getBounds();
      if (bounds.length == 1 && bounds[0] == Object.class) {
        out.add(v.getName());
      } else {
        out.add(v.getName() + " extends "
            + Stream.of(bounds).map(Type::getTypeName).collect(Collectors.joining(" & ")));
      }
    }
    return "<" + String.join(", ", out) + ">";
  }
}
