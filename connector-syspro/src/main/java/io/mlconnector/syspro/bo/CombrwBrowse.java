package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * COMBRW paged browse ({@code Browse}) of one table: start key, rows per page, filters and the
 * columns shown; the answer carries {@code NextPrevKey} for the next page.
 */
@XmlRootElement(name = "Browse")
@XmlAccessorType(XmlAccessType.FIELD)
public final class CombrwBrowse implements BusinessObjectDocument {
  @XmlElement(name = "BrowseName")
  private String browseName;

  @XmlElement(name = "StartAtKey")
  private String startAtKey;

  @XmlElement(name = "StartCondition")
  private String startCondition;

  @XmlElement(name = "ReturnRows")
  private String returnRows;

  @XmlElement(name = "Filter")
  private List<Filter> filters = new ArrayList<>();

  @XmlElement(name = "BrowseDetails")
  private BrowseDetails browseDetails;

  /** An empty element. */
  public CombrwBrowse() {}

  @Override
  public String businessObject() {
    return "COMBRW";
  }

  /** Sets {@code BrowseName}. */
  public CombrwBrowse browseName(String value) {
    this.browseName = value;
    return this;
  }

  /** {@code BrowseName}, or null. */
  public String browseName() {
    return browseName;
  }

  /** Sets {@code StartAtKey}. */
  public CombrwBrowse startAtKey(String value) {
    this.startAtKey = value;
    return this;
  }

  /** {@code StartAtKey}, or null. */
  public String startAtKey() {
    return startAtKey;
  }

  /** Sets {@code StartCondition}. */
  public CombrwBrowse startCondition(String value) {
    this.startCondition = value;
    return this;
  }

  /** {@code StartCondition}, or null. */
  public String startCondition() {
    return startCondition;
  }

  /** Sets {@code ReturnRows}. */
  public CombrwBrowse returnRows(String value) {
    this.returnRows = value;
    return this;
  }

  /** {@code ReturnRows}, or null. */
  public String returnRows() {
    return returnRows;
  }

  /** Adds one {@code Filter}. */
  public CombrwBrowse addFilters(Filter value) {
    filters.add(Objects.requireNonNull(value, "filters"));
    return this;
  }

  /** The {@code Filter} elements (live list). */
  public List<Filter> filters() {
    return filters;
  }

  /** Sets {@code BrowseDetails}. */
  public CombrwBrowse browseDetails(BrowseDetails value) {
    this.browseDetails = value;
    return this;
  }

  /** {@code BrowseDetails}, or null. */
  public BrowseDetails browseDetails() {
    return browseDetails;
  }

  /** {@code Filter}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Filter {
    @XmlElement(name = "ColumnFilterName")
    private String columnFilterName;

    @XmlElement(name = "ColumnFilterValue")
    private String columnFilterValue;

    /** An empty element. */
    public Filter() {}

    /** Sets {@code ColumnFilterName}. */
    public Filter columnFilterName(String value) {
      this.columnFilterName = value;
      return this;
    }

    /** {@code ColumnFilterName}, or null. */
    public String columnFilterName() {
      return columnFilterName;
    }

    /** Sets {@code ColumnFilterValue}. */
    public Filter columnFilterValue(String value) {
      this.columnFilterValue = value;
      return this;
    }

    /** {@code ColumnFilterValue}, or null. */
    public String columnFilterValue() {
      return columnFilterValue;
    }
  }

  /** {@code BrowseDetails}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class BrowseDetails {
    @XmlElement(name = "TableName")
    private String tableName;

    @XmlElement(name = "Title")
    private String title;

    @XmlElement(name = "Column")
    private List<Column> columns = new ArrayList<>();

    /** An empty element. */
    public BrowseDetails() {}

    /** Sets {@code TableName}. */
    public BrowseDetails tableName(String value) {
      this.tableName = value;
      return this;
    }

    /** {@code TableName}, or null. */
    public String tableName() {
      return tableName;
    }

    /** Sets {@code Title}. */
    public BrowseDetails title(String value) {
      this.title = value;
      return this;
    }

    /** {@code Title}, or null. */
    public String title() {
      return title;
    }

    /** Adds one {@code Column}. */
    public BrowseDetails addColumns(Column value) {
      columns.add(Objects.requireNonNull(value, "columns"));
      return this;
    }

    /** The {@code Column} elements (live list). */
    public List<Column> columns() {
      return columns;
    }
  }

  /** {@code Column}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Column {
    @XmlElement(name = "ColumnName")
    private String columnName;

    @XmlElement(name = "ColumnDescription")
    private String columnDescription;

    @XmlElement(name = "ColumnKey")
    private String columnKey;

    /** An empty element. */
    public Column() {}

    /** Sets {@code ColumnName}. */
    public Column columnName(String value) {
      this.columnName = value;
      return this;
    }

    /** {@code ColumnName}, or null. */
    public String columnName() {
      return columnName;
    }

    /** Sets {@code ColumnDescription}. */
    public Column columnDescription(String value) {
      this.columnDescription = value;
      return this;
    }

    /** {@code ColumnDescription}, or null. */
    public String columnDescription() {
      return columnDescription;
    }

    /** Sets {@code ColumnKey}. */
    public Column columnKey(String value) {
      this.columnKey = value;
      return this;
    }

    /** {@code ColumnKey}, or null. */
    public String columnKey() {
      return columnKey;
    }
  }
}
