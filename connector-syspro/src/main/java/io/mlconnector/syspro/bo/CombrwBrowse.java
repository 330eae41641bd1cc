package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * COMBRW paged browse ({@code Browse}) of one table: start key, rows per page, filters and the
 * columns shown; the answer carries {@code NextPrevKey} for the next page.
 */
@XmlRootElement(name = "Browse")
@XmlAccessorType(XmlAccessType.FIELD)
public final class CombrwBrowse implements BusinessObjectDocument {
  @XmlElement(name = "BrowseName")
  private @Nullable String browseName;

  @XmlElement(name = "StartAtKey")
  private @Nullable String startAtKey;

  @XmlElement(name = "StartCondition")
  private @Nullable String startCondition;

  @XmlElement(name = "ReturnRows")
  private @Nullable String returnRows;

  @XmlElement(name = "Filter")
  private List<Filter> filters = new ArrayList<>();

  @XmlElement(name = "BrowseDetails")
  private @Nullable BrowseDetails browseDetails;

  /** An empty element. */
  public CombrwBrowse() {}

  @Override
  public String businessObject() {
    return "COMBRW";
  }

  /**
   * Sets {@code BrowseName}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public CombrwBrowse browseName(@Nullable String value) {
    this.browseName = value;
    return this;
  }

  /**
   * {@code BrowseName}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable String browseName() {
    return browseName;
  }

  /**
   * Sets {@code StartAtKey}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public CombrwBrowse startAtKey(@Nullable String value) {
    this.startAtKey = value;
    return this;
  }

  /**
   * {@code StartAtKey}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable String startAtKey() {
    return startAtKey;
  }

  /**
   * Sets {@code StartCondition}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public CombrwBrowse startCondition(@Nullable String value) {
    this.startCondition = value;
    return this;
  }

  /**
   * {@code StartCondition}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable String startCondition() {
    return startCondition;
  }

  /**
   * Sets {@code ReturnRows}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public CombrwBrowse returnRows(@Nullable String value) {
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
   * Adds one {@code Filter}.
   *
   * @param value the element to add, not null
   * @return this element
   */
  public CombrwBrowse addFilters(Filter value) {
    filters.add(Objects.requireNonNull(value, "filters"));
    return this;
  }

  /**
   * The {@code Filter} elements (live list).
   *
   * @return the elements; adding to or removing from the list changes the document
   */
  public List<Filter> filters() {
    return filters;
  }

  /**
   * Sets {@code BrowseDetails}.
   *
   * @param value the value, or null to leave the element out
   * @return this element
   */
  public CombrwBrowse browseDetails(@Nullable BrowseDetails value) {
    this.browseDetails = value;
    return this;
  }

  /**
   * {@code BrowseDetails}, or null.
   *
   * @return the value, or null when the element is absent
   */
  public @Nullable BrowseDetails browseDetails() {
    return browseDetails;
  }

  /** {@code Filter}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Filter {
    @XmlElement(name = "ColumnFilterName")
    private @Nullable String columnFilterName;

    @XmlElement(name = "ColumnFilterValue")
    private @Nullable String columnFilterValue;

    /** An empty element. */
    public Filter() {}

    /**
     * Sets {@code ColumnFilterName}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Filter columnFilterName(@Nullable String value) {
      this.columnFilterName = value;
      return this;
    }

    /**
     * {@code ColumnFilterName}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String columnFilterName() {
      return columnFilterName;
    }

    /**
     * Sets {@code ColumnFilterValue}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Filter columnFilterValue(@Nullable String value) {
      this.columnFilterValue = value;
      return this;
    }

    /**
     * {@code ColumnFilterValue}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String columnFilterValue() {
      return columnFilterValue;
    }
  }

  /** {@code BrowseDetails}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class BrowseDetails {
    @XmlElement(name = "TableName")
    private @Nullable String tableName;

    @XmlElement(name = "Title")
    private @Nullable String title;

    @XmlElement(name = "Column")
    private List<Column> columns = new ArrayList<>();

    /** An empty element. */
    public BrowseDetails() {}

    /**
     * Sets {@code TableName}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public BrowseDetails tableName(@Nullable String value) {
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
     * Sets {@code Title}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public BrowseDetails title(@Nullable String value) {
      this.title = value;
      return this;
    }

    /**
     * {@code Title}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String title() {
      return title;
    }

    /**
     * Adds one {@code Column}.
     *
     * @param value the element to add, not null
     * @return this element
     */
    public BrowseDetails addColumns(Column value) {
      columns.add(Objects.requireNonNull(value, "columns"));
      return this;
    }

    /**
     * The {@code Column} elements (live list).
     *
     * @return the elements; adding to or removing from the list changes the document
     */
    public List<Column> columns() {
      return columns;
    }
  }

  /** {@code Column}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Column {
    @XmlElement(name = "ColumnName")
    private @Nullable String columnName;

    @XmlElement(name = "ColumnDescription")
    private @Nullable String columnDescription;

    @XmlElement(name = "ColumnKey")
    private @Nullable String columnKey;

    /** An empty element. */
    public Column() {}

    /**
     * Sets {@code ColumnName}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Column columnName(@Nullable String value) {
      this.columnName = value;
      return this;
    }

    /**
     * {@code ColumnName}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String columnName() {
      return columnName;
    }

    /**
     * Sets {@code ColumnDescription}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Column columnDescription(@Nullable String value) {
      this.columnDescription = value;
      return this;
    }

    /**
     * {@code ColumnDescription}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String columnDescription() {
      return columnDescription;
    }

    /**
     * Sets {@code ColumnKey}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Column columnKey(@Nullable String value) {
      this.columnKey = value;
      return this;
    }

    /**
     * {@code ColumnKey}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String columnKey() {
      return columnKey;
    }
  }
}
