/**
 * SYSPRO 8 connector: {@link io.mlconnector.syspro.SysproClient} speaks the e.net Solutions REST
 * service (business objects over a pool of sessions) and reads tables through {@link
 * io.mlconnector.syspro.SysproOData}; {@link io.mlconnector.syspro.SysproSync} gives the sync
 * engine its SYSPRO sources and sinks.
 *
 * <p>Configuration is one immutable {@link io.mlconnector.syspro.SysproConfig} per tenant
 * credential. Everything the product's SYSPRO reference marks unconfirmed (error wordings, URL
 * limits, key formats, OData entity sets and change columns, where references can be found again)
 * is a setting there, with the most plausible default. Input documents are in {@code
 * io.mlconnector.syspro.bo}; outputs are read case-insensitively through {@link
 * io.mlconnector.syspro.SysproElement}.
 */
@NullMarked
package io.mlconnector.syspro;

import org.jspecify.annotations.NullMarked;
