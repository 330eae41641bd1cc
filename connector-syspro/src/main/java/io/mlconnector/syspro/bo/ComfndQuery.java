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

/**
 * COMFND generic find ({@code Query}) over one SQL table: columns, up to three bracket levels of
 * {@code Where} expressions, {@code OrderBy} and {@code ReturnRows}. Table and column names are
 * case-sensitive SQL names.
 */
@XmlRootElement(name = "Query")
@XmlAccessorType(XmlAccessType.FIELD)
public final class ComfndQuery implements BusinessObjectDocument {
  @XmlElement(name = "TableName")
  private String tableName;

  @XmlElement(name = "ReturnRows")
  private String returnRows;

  @XmlElement(name = "Columns")
  private Columns columns;

  @XmlElement(name = "Where")
  private Where where;

  @XmlElement(name = "OrderBy")
  private OrderBy orderBy;

  @XmlElementWrapper(name = "Sequence")
  @XmlElement(name = "Column")
  private List<SequenceColumn> sequence;

  /** An empty element. */
  public ComfndQuery() {}

  @Override
  public String businessObject() {
    return "COMFND";
  }

  /** Sets {@code TableName}. */
  public ComfndQuery tableName(String value) {
    this.tableName = value;
    return this;
  }

  /** {@code TableName}, or null. */
  public String tableName() {
    return tableName;
  }

  /** Sets {@code ReturnRows}. */
  public ComfndQuery returnRows(String value) {
    this.returnRows = value;
    return this;
  }

  /** {@code ReturnRows}, or null. */
  public String returnRows() {
    return returnRows;
  }

  /** Sets {@code Columns}. */
  public ComfndQuery columns(Columns value) {
    this.columns = value;
    return this;
  }

  /** {@code Columns}, or null. */
  public Columns columns() {
    return columns;
  }

  /** Sets {@code Where}. */
  public ComfndQuery where(Where value) {
    this.where = value;
    return this;
  }

  /** {@code Where}, or null. */
  public Where where() {
    return where;
  }

  /** Sets {@code OrderBy}. */
  public ComfndQuery orderBy(OrderBy value) {
    this.orderBy = value;
    return this;
  }

  /** {@code OrderBy}, or null. */
  public OrderBy orderBy() {
    return orderBy;
  }

  /** A query of {@code table} returning {@code columns} (none = every column). */
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

  /** Adds {@code column condition value} joined with And (conditions: EQ NE GT GE LT LE LIKE). */
  public ComfndQuery and(String column, String condition, String value) {
    return expression("And", column, condition, value);
  }

  /** Adds {@code column condition value} joined with Or. */
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

  /** Orders by {@code column}. */
  public ComfndQuery orderedBy(String column) {
    return orderBy(new OrderBy().column(column));
  }

  /** Returns at most {@code rows} rows. */
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

    /** Adds one {@code Column}. */
    public Columns addColumn(String value) {
      columns.add(Objects.requireNonNull(value, "columns"));
      return this;
    }

    /** The {@code Column} elements (live list). */
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

    /** Adds one {@code Expression}. */
    public Where addExpressions(Expression value) {
      expressions.add(Objects.requireNonNull(value, "expressions"));
      return this;
    }

    /** The {@code Expression} elements (live list). */
    public List<Expression> expressions() {
      return expressions;
    }
  }

  /** {@code Expression}: one condition. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Expression {
    @XmlElement(name = "AndOr")
    private String andOr;

    @XmlElement(name = "OpenBracket")
    private String openBracket;

    @XmlElement(name = "Column")
    private String column;

    @XmlElement(name = "Condition")
    private String condition;

    @XmlElement(name = "Value")
    private String value;

    @XmlElement(name = "CloseBracket")
    private String closeBracket;

    /** An empty element. */
    public Expression() {}

    /** Sets {@code AndOr}. */
    public Expression andOr(String value) {
      this.andOr = value;
      return this;
    }

    /** {@code AndOr}, or null. */
    public String andOr() {
      return andOr;
    }

    /** Sets {@code OpenBracket}. */
    public Expression openBracket(String value) {
      this.openBracket = value;
      return this;
    }

    /** {@code OpenBracket}, or null. */
    public String openBracket() {
      return openBracket;
    }

    /** Sets {@code Column}. */
    public Expression column(String value) {
      this.column = value;
      return this;
    }

    /** {@code Column}, or null. */
    public String column() {
      return column;
    }

    /** Sets {@code Condition}. */
    public Expression condition(String value) {
      this.condition = value;
      return this;
    }

    /** {@code Condition}, or null. */
    public String condition() {
      return condition;
    }

    /** Sets {@code Value}. */
    public Expression value(String value) {
      this.value = value;
      return this;
    }

    /** {@code Value}, or null. */
    public String value() {
      return value;
    }

    /** Sets {@code CloseBracket}. */
    public Expression closeBracket(String value) {
      this.closeBracket = value;
      return this;
    }

    /** {@code CloseBracket}, or null. */
    public String closeBracket() {
      return closeBracket;
    }
  }

  /** {@code OrderBy}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class OrderBy {
    @XmlElement(name = "Column")
    private String column;

    /** An empty element. */
    public OrderBy() {}

    /** Sets {@code Column}. */
    public OrderBy column(String value) {
      this.column = value;
      return this;
    }

    /** {@code Column}, or null. */
    public String column() {
      return column;
    }
  }

  /** One {@code Sequence/Column}: a column name and {@code A}scending or {@code D}escending. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class SequenceColumn {
    @XmlAttribute(name = "Name")
    private String name;

    @XmlAttribute(name = "Orderby")
    private String orderBy;

    /** An empty element. */
    public SequenceColumn() {}

    /** A column ordered {@code orderBy} ({@code A} or {@code D}). */
    public SequenceColumn(String name, String orderBy) {
      this.name = name;
      this.orderBy = orderBy;
    }

    /** The column name. */
    public String name() {
      return name;
    }

    /** {@code A} or {@code D}. */
    public String orderBy() {
      return orderBy;
    }
  }
}
