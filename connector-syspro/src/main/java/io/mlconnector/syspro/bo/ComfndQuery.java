package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * COMFND generic find ({@code Query}) over one SQL table: columns, up to three bracket levels of
 * {@code Where} expressions, {@code OrderBy} and {@code ReturnRows}. Table and column names are
 * case-sensitive SQL names.
 */
@XmlRootElement(name = "Query")
@XmlAccessorType(XmlAccessType.FIELD)
public final class ComfndQuery implements BusinessObjectDocument {
  @XmlElement(name = "TableName")
  private @Nullable String tableName;

  @XmlElement(name = "ReturnRows")
  private @Nullable String returnRows;

  @XmlElement(name = "Columns")
  private @Nullable Columns columns;

  @XmlElement(name = "Where")
  private @Nullable Where where;

  @XmlElement(name = "OrderBy")
  private @Nullable OrderBy orderBy;

  @XmlElementWrapper(name = "Sequence")
  @XmlElement(name = "Column")
  private @Nullable List<SequenceColumn> sequence;

  /** An empty element. */
  public ComfndQuery() {}

  @Override
  public String businessObject() {
    return "COMFND";
  }

  /**
   * Sets {@code TableName}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public ComfndQuery tableName(@Nullable String value) {
    this.tableName = value;
    return this;
  }

  /**
   * {@code TableName}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable String tableName() {
    return tableName;
  }

  /**
   * Sets {@code ReturnRows}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public ComfndQuery returnRows(@Nullable String value) {
    this.returnRows = value;
    return this;
  }

  /**
   * {@code ReturnRows}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable String returnRows() {
    return returnRows;
  }

  /**
   * Sets {@code Columns}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public ComfndQuery columns(@Nullable Columns value) {
    this.columns = value;
    return this;
  }

  /**
   * {@code Columns}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable Columns columns() {
    return columns;
  }

  /**
   * Sets {@code Where}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public ComfndQuery where(@Nullable Where value) {
    this.where = value;
    return this;
  }

  /**
   * {@code Where}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable Where where() {
    return where;
  }

  /**
   * Sets {@code OrderBy}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public ComfndQuery orderBy(@Nullable OrderBy value) {
    this.orderBy = value;
    return this;
  }

  /**
   * {@code OrderBy}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable OrderBy orderBy() {
    return orderBy;
  }

  /**
   * A query of {@code table} returning {@code columns} (none = every column).
   *
   * @param table the SYSPRO table, for example {@code ArCustomer}
   * @param columns the columns to return; none for every column
   * @return the query, without conditions
   * @throws IllegalArgumentException if {@code table} is blank
   */
  public static ComfndQuery of(String table, String... columns) {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException("table must not be blank");
    }
    ComfndQuery q = new ComfndQuery().tableName(table);
    if (columns.length > 0) {
      Columns c = new Columns();
      for (String col : columns) {
        c.addColumn(col);
      }
      q.columns(c);
    }
    return q;
  }

  /**
   * Adds {@code column condition value} joined with And (conditions: EQ NE GT GE LT LE LIKE).
   *
   * @param column the column compared
   * @param condition {@code EQ}, {@code NE}, {@code GT}, {@code GE}, {@code LT}, {@code LE} or {@code LIKE}
   * @param value the value compared with, as SYSPRO writes it
   * @return this query
   * @throws IllegalArgumentException if {@code condition} is none of those
   */
  public ComfndQuery and(String column, String condition, String value) {
    return expression("And", column, condition, value);
  }

  /**
   * Adds {@code column condition value} joined with Or.
   *
   * @param column the column compared
   * @param condition {@code EQ}, {@code NE}, {@code GT}, {@code GE}, {@code LT}, {@code LE} or {@code LIKE}
   * @param value the value compared with, as SYSPRO writes it
   * @return this query
   * @throws IllegalArgumentException if {@code condition} is none of those
   */
  public ComfndQuery or(String column, String condition, String value) {
    return expression("Or", column, condition, value);
  }

  private ComfndQuery expression(String andOr, String column, String condition, String value) {
    if (!Set.of("EQ", "NE", "GT", "GE", "LT", "LE", "LIKE").contains(condition)) {
      throw new IllegalArgumentException(
          "condition must be one of EQ NE GT GE LT LE LIKE, was " + condition);
    }
    if (where == null) {
      where = new Where();
    }
    Expression e =
        new Expression()
            .column(column)
            .condition(condition)
            .value(Objects.requireNonNull(value, "value"));
    if (!where.expressions().isEmpty()) {
      e.andOr(andOr);
    }
    where.addExpressions(e);
    return this;
  }

  /**
   * Orders by several columns ascending with the SYSPRO 8 {@code Sequence} element ({@code <Column
   * Name="..." Orderby="A"/>}), for a stable order over a composite key.
   *
   * @param columns the columns, most significant first; none removes the element
   * @return this query
   * @throws IllegalArgumentException if a column is blank
   */
  public ComfndQuery sequencedBy(String... columns) {
    List<SequenceColumn> list = new ArrayList<>();
    for (String c : columns) {
      if (c == null || c.isBlank()) {
        throw new IllegalArgumentException("sequence column must not be blank");
      }
      list.add(new SequenceColumn(c, "A"));
    }
    this.sequence = list.isEmpty() ? null : list;
    return this;
  }

  /**
   * Orders by {@code column}.
   *
   * @param column the column to order by
   * @return this query
   */
  public ComfndQuery orderedBy(String column) {
    return orderBy(new OrderBy().column(column));
  }

  /**
   * Returns at most {@code rows} rows.
   *
   * @param rows the most rows to return, positive
   * @return this query
   * @throws IllegalArgumentException if {@code rows} is not positive
   */
  public ComfndQuery limit(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be positive, was " + rows);
    }
    return returnRows(Integer.toString(rows));
  }

  /** {@code Columns}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Columns {
    @XmlElement(name = "Column")
    private List<String> columns = new ArrayList<>();

    /** An empty element. */
    public Columns() {}

    /**
     * Adds one {@code Column}.
     *
     * @param value the element to add, not null
     * @return this element
     */
    public Columns addColumn(String value) {
      columns.add(Objects.requireNonNull(value, "columns"));
      return this;
    }

    /**
     * The {@code Column} elements (live list).
     *
     * @return the elements; adding to or removing from the list changes the document
     */
    public List<String> columns() {
      return columns;
    }
  }

  /** {@code Where}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Where {
    @XmlElement(name = "Expression")
    private List<Expression> expressions = new ArrayList<>();

    /** An empty element. */
    public Where() {}

    /**
     * Adds one {@code Expression}.
     *
     * @param value the element to add, not null
     * @return this element
     */
    public Where addExpressions(Expression value) {
      expressions.add(Objects.requireNonNull(value, "expressions"));
      return this;
    }

    /**
     * The {@code Expression} elements (live list).
     *
     * @return the elements; adding to or removing from the list changes the document
     */
    public List<Expression> expressions() {
      return expressions;
    }
  }

  /** {@code Expression}: one condition. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Expression {
    @XmlElement(name = "AndOr")
    private @Nullable String andOr;

    @XmlElement(name = "OpenBracket")
    private @Nullable String openBracket;

    @XmlElement(name = "Column")
    private @Nullable String column;

    @XmlElement(name = "Condition")
    private @Nullable String condition;

    @XmlElement(name = "Value")
    private @Nullable String value;

    @XmlElement(name = "CloseBracket")
    private @Nullable String closeBracket;

    /** An empty element. */
    public Expression() {}

    /**
     * Sets {@code AndOr}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Expression andOr(@Nullable String value) {
      this.andOr = value;
      return this;
    }

    /**
     * {@code AndOr}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String andOr() {
      return andOr;
    }

    /**
     * Sets {@code OpenBracket}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Expression openBracket(@Nullable String value) {
      this.openBracket = value;
      return this;
    }

    /**
     * {@code OpenBracket}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String openBracket() {
      return openBracket;
    }

    /**
     * Sets {@code Column}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Expression column(@Nullable String value) {
      this.column = value;
      return this;
    }

    /**
     * {@code Column}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String column() {
      return column;
    }

    /**
     * Sets {@code Condition}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Expression condition(@Nullable String value) {
      this.condition = value;
      return this;
    }

    /**
     * {@code Condition}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String condition() {
      return condition;
    }

    /**
     * Sets {@code Value}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Expression value(@Nullable String value) {
      this.value = value;
      return this;
    }

    /**
     * {@code Value}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String value() {
      return value;
    }

    /**
     * Sets {@code CloseBracket}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Expression closeBracket(@Nullable String value) {
      this.closeBracket = value;
      return this;
    }

    /**
     * {@code CloseBracket}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String closeBracket() {
      return closeBracket;
    }
  }

  /** {@code OrderBy}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class OrderBy {
    @XmlElement(name = "Column")
    private @Nullable String column;

    /** An empty element. */
    public OrderBy() {}

    /**
     * Sets {@code Column}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public OrderBy column(@Nullable String value) {
      this.column = value;
      return this;
    }

    /**
     * {@code Column}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String column() {
      return column;
    }
  }

  /** One {@code Sequence/Column}: a column name and {@code A}scending or {@code D}escending. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class SequenceColumn {
    @XmlAttribute(name = "Name")
    private @Nullable String name;

    @XmlAttribute(name = "Orderby")
    private @Nullable String orderBy;

    /** An empty element. */
    public SequenceColumn() {}

    /**
     * A column ordered {@code orderBy} ({@code A} or {@code D}).
     *
     * @param name the column name
     * @param orderBy {@code A} ascending or {@code D} descending
     */
    public SequenceColumn(String name, String orderBy) {
      this.name = name;
      this.orderBy = orderBy;
    }

    /**
     * The column name.
     *
     * @return the name, or null when the attribute is absent
     */
    public @Nullable String name() {
      return name;
    }

    /**
     * {@code A} or {@code D}.
     *
     * @return the order, or null when the attribute is absent
     */
    public @Nullable String orderBy() {
      return orderBy;
    }
  }
}
