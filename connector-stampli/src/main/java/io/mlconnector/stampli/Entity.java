package io.mlconnector.stampli;

/** What a Stampli file carries. */
public enum Entity {
  /** Approved AP invoices and credit memos (outbound, one row per GL line). */
  INVOICES,
  /** Vendors (outbound: vendor changes in Stampli; inbound: the ERP's vendors). */
  VENDORS,
  /** GL accounts (inbound: the ERP's chart of accounts). */
  GL_ACCOUNTS,
  /** Cost centres (inbound: the ERP's cost centres). */
  COST_CENTERS,
  /** Payments (outbound: payments made in Stampli). */
  PAYMENTS
}
