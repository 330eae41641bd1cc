/**
 * A Stampli export generator: approved AP invoices (one row per GL line, header fields repeated),
 * vendors and payments as CSV or XML files, valid or broken, re-exported or edited, large files
 * streamed. Stampli publishes no file format; the default column names follow the proposal in the
 * reference notes and every name, delimiter and format is configurable, like a customer's template.
 */
@NullMarked
package io.mlconnector.testkit.stampli;

import org.jspecify.annotations.NullMarked;
