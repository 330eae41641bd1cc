package io.mlconnector.chargebee;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.FormBody;
import org.jspecify.annotations.Nullable;

/**
 * A request body in Chargebee's form encoding: plain values ({@code po_number=X}), nested objects
 * ({@code billing_address[line1]=...}) and lists of objects with the <b>attribute first and the
 * index last</b> ({@code charges[amount][0]=1000}, the opposite of Stripe's order). Null values are
 * left out. Parameters keep the order they were added in.
 *
 * <pre>{@code
 * ChargebeeForm form = ChargebeeForm.create()
 *     .put("customer_id", "C-1")
 *     .putList("charges", 0, "amount", 1250L)
 *     .putList("charges", 0, "description", "Widget");
 * }</pre>
 */
public final class ChargebeeForm {
  private final List<String[]> pairs = new ArrayList<>();

  private ChargebeeForm() {}

  /**
   * An empty form.
   *
   * @return a form without parameters
   */
  public static ChargebeeForm create() {
    return new ChargebeeForm();
  }

  /**
   * {@code name=value}; a null value is left out.
   *
   * @param name the parameter name, without brackets
   * @param value the value ({@code BigDecimal} in plain notation, anything else as {@code
   *     String.valueOf}), or null
   * @return this form
   * @throws IllegalArgumentException if {@code name} is empty or contains a bracket
   */
  public ChargebeeForm put(String name, @Nullable Object value) {
    check(name, "name");
    return raw(name, value);
  }

  private ChargebeeForm raw(String name, @Nullable Object value) {
    if (value != null) {
      pairs.add(new String[] {name, text(value)});
    }
    return this;
  }

  /**
   * {@code object[attribute]=value}; a null value is left out.
   *
   * @param object the object's name, e.g. {@code billing_address}
   * @param attribute the attribute, e.g. {@code line1}
   * @param value the value, or null
   * @return this form
   * @throws IllegalArgumentException if a name is empty or contains a bracket
   */
  public ChargebeeForm putObject(String object, String attribute, @Nullable Object value) {
    check(object, "object");
    check(attribute, "attribute");
    return raw(object + "[" + attribute + "]", value);
  }

  /**
   * {@code list[attribute][index]=value}: Chargebee's list order; a null value is left out.
   *
   * @param list the list's name, e.g. {@code charges}
   * @param index the entry's position, from 0
   * @param attribute the attribute, e.g. {@code amount}
   * @param value the value, or null
   * @return this form
   * @throws IllegalArgumentException if a name is empty or contains a bracket, or {@code index} is
   *     negative
   */
  public ChargebeeForm putList(String list, int index, String attribute, @Nullable Object value) {
    check(list, "list");
    check(attribute, "attribute");
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    return raw(list + "[" + attribute + "][" + index + "]", value);
  }

  /**
   * {@code list[index]=value}, a list of plain values.
   *
   * @param list the list's name
   * @param index the entry's position, from 0
   * @param value the value, or null (left out)
   * @return this form
   * @throws IllegalArgumentException if {@code list} is empty or contains a bracket
   */
  public ChargebeeForm putScalar(String list, int index, @Nullable Object value) {
    check(list, "list");
    return raw(list + "[" + index + "]", value);
  }

  /**
   * The name-value pairs, in order (for tests and logs; values may be personal data).
   *
   * @return the pairs as sent, unmodifiable
   */
  public List<Map.Entry<String, String>> pairs() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (String[] p : pairs) {
      out.add(Map.entry(p[0], p[1]));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The value of {@code name}, or null.
   *
   * @param name the full parameter name, e.g. {@code charges[amount][0]}
   * @return its first value, or null when the form has none
   */
  public @Nullable String get(String name) {
    for (String[] p : pairs) {
      if (p[0].equals(name)) {
        return p[1];
      }
    }
    return null;
  }

  FormBody toBody() {
    FormBody.Builder b = new FormBody.Builder();
    for (String[] p : pairs) {
      b.add(p[0], p[1]);
    }
    return b.build();
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(value);
  }

  private static void check(String s, String what) {
    Objects.requireNonNull(s, what);
    if (s.isEmpty() || s.indexOf('[') >= 0 || s.indexOf(']') >= 0) {
      throw new IllegalArgumentException(what + " must be a plain parameter name, was '" + s + "'");
    }
  }
}
