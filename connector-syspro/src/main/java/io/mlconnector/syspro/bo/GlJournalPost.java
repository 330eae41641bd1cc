package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * GENTJL posting ({@code PostGlJournal}): journals whose {@code EntryAmount}s sum to zero (debits
 * positive, credits negative: SYSPRO's sign convention is unconfirmed, see the README).
 */
@XmlRootElement(name = "PostGlJournal")
@XmlAccessorType(XmlAccessType.FIELD)
public final class GlJournalPost implements BusinessObjectDocument {
  @XmlElement(name = "Item")
  private List<Item> items = new ArrayList<>();

  /** An empty element. */
  public GlJournalPost() {}

  @Override
  public String businessObject() {
    return "GENTJL";
  }

  /**
   * Adds one {@code Item}.
   *
   * @param value the element to add, not null
   * @return this element
   */
  public GlJournalPost addItems(Item value) {
    items.add(Objects.requireNonNull(value, "items"));
    return this;
  }

  /**
   * The {@code Item} elements (live list).
   *
   * @return the elements; adding to or removing from the list changes the document
   */
  public List<Item> items() {
    return items;
  }

  /** {@code Item}: one journal. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Item {
    @XmlElement(name = "JournalType")
    private @Nullable String journalType;

    @XmlElement(name = "JournalNumber")
    private @Nullable String journalNumber;

    @XmlElement(name = "PostJournal")
    private @Nullable String postJournal;

    @XmlElement(name = "JournalDate")
    private @Nullable String journalDate;

    @XmlElement(name = "JournalReference")
    private @Nullable String journalReference;

    @XmlElement(name = "Notation")
    private @Nullable String notation;

    @XmlElement(name = "PostingPeriod")
    private @Nullable String postingPeriod;

    @XmlElement(name = "PostingYear")
    private @Nullable String postingYear;

    @XmlElement(name = "SourceCode")
    private @Nullable String sourceCode;

    @XmlElement(name = "Currency")
    private @Nullable String currency;

    @XmlElement(name = "JournalDetails")
    private List<JournalDetail> journalDetails = new ArrayList<>();

    /** An empty element. */
    public Item() {}

    /**
     * Sets {@code JournalType}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item journalType(@Nullable String value) {
      this.journalType = value;
      return this;
    }

    /**
     * {@code JournalType}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String journalType() {
      return journalType;
    }

    /**
     * Sets {@code JournalNumber}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item journalNumber(@Nullable String value) {
      this.journalNumber = value;
      return this;
    }

    /**
     * {@code JournalNumber}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String journalNumber() {
      return journalNumber;
    }

    /**
     * Sets {@code PostJournal} ({@code Y}/{@code N}).
     *
     * @param value true for {@code Y}, false for {@code N}
     * @return this element
     */
    public Item postJournal(boolean value) {
      this.postJournal = value ? "Y" : "N";
      return this;
    }

    /**
     * {@code PostJournal} ({@code Y}/{@code N}), or null.
     *
     * @return {@code Y}, {@code N}, or null when the element is absent
     */
    public @Nullable String postJournal() {
      return postJournal;
    }

    /**
     * Sets {@code JournalDate} (written CCYY-MM-DD; null leaves it out).
     *
     * @param value the date, or null to leave the element out
     * @return this element
     */
    public Item journalDate(@Nullable LocalDate value) {
      this.journalDate = value == null ? null : value.toString();
      return this;
    }

    /**
     * {@code JournalDate} as written, or null.
     *
     * @return the date as written ({@code CCYY-MM-DD}), or null when the element is absent
     */
    public @Nullable String journalDate() {
      return journalDate;
    }

    /**
     * Sets {@code JournalReference}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item journalReference(@Nullable String value) {
      this.journalReference = value;
      return this;
    }

    /**
     * {@code JournalReference}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String journalReference() {
      return journalReference;
    }

    /**
     * Sets {@code Notation}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item notation(@Nullable String value) {
      this.notation = value;
      return this;
    }

    /**
     * {@code Notation}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String notation() {
      return notation;
    }

    /**
     * Sets {@code PostingPeriod}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item postingPeriod(@Nullable String value) {
      this.postingPeriod = value;
      return this;
    }

    /**
     * {@code PostingPeriod}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String postingPeriod() {
      return postingPeriod;
    }

    /**
     * Sets {@code PostingYear}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item postingYear(@Nullable String value) {
      this.postingYear = value;
      return this;
    }

    /**
     * {@code PostingYear}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String postingYear() {
      return postingYear;
    }

    /**
     * Sets {@code SourceCode}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item sourceCode(@Nullable String value) {
      this.sourceCode = value;
      return this;
    }

    /**
     * {@code SourceCode}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String sourceCode() {
      return sourceCode;
    }

    /**
     * Sets {@code Currency}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item currency(@Nullable String value) {
      this.currency = value;
      return this;
    }

    /**
     * {@code Currency}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String currency() {
      return currency;
    }

    /**
     * Adds one {@code JournalDetails}.
     *
     * @param value the element to add, not null
     * @return this element
     */
    public Item addJournalDetails(JournalDetail value) {
      journalDetails.add(Objects.requireNonNull(value, "journalDetails"));
      return this;
    }

    /**
     * The {@code JournalDetails} elements (live list).
     *
     * @return the elements; adding to or removing from the list changes the document
     */
    public List<JournalDetail> journalDetails() {
      return journalDetails;
    }
  }

  /** {@code JournalDetails}: one entry. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class JournalDetail {
    @XmlElement(name = "LedgerCode")
    private @Nullable String ledgerCode;

    @XmlElement(name = "Reference")
    private @Nullable String reference;

    @XmlElement(name = "EntryAmount")
    private @Nullable BigDecimal entryAmount;

    @XmlElement(name = "Comment")
    private @Nullable String comment;

    /** An empty element. */
    public JournalDetail() {}

    /**
     * Sets {@code LedgerCode}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public JournalDetail ledgerCode(@Nullable String value) {
      this.ledgerCode = value;
      return this;
    }

    /**
     * {@code LedgerCode}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String ledgerCode() {
      return ledgerCode;
    }

    /**
     * Sets {@code Reference}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public JournalDetail reference(@Nullable String value) {
      this.reference = value;
      return this;
    }

    /**
     * {@code Reference}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String reference() {
      return reference;
    }

    /**
     * Sets {@code EntryAmount}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public JournalDetail entryAmount(@Nullable BigDecimal value) {
      this.entryAmount = value;
      return this;
    }

    /**
     * {@code EntryAmount}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable BigDecimal entryAmount() {
      return entryAmount;
    }

    /**
     * Sets {@code Comment}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public JournalDetail comment(@Nullable String value) {
      this.comment = value;
      return this;
    }

    /**
     * {@code Comment}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String comment() {
      return comment;
    }
  }
}
