/**
 * Input documents of SYSPRO business objects, bound with Jakarta XML Binding: customer and supplier
 * maintenance ({@code ARSSCS}, {@code APSSSP}), queries ({@code ARSQRY}, {@code COMFND}, {@code
 * COMBRW}, {@code COMFCH}, {@code GENQRY}) and postings ({@code ARSTPY}, {@code APSTIN}, {@code
 * GENTJL}), with element names as SYSPRO's schemas spell them. Documents are mutable builders until
 * they are handed to {@link io.mlconnector.syspro.SysproClient}; optional elements left null are
 * not written.
 *
 * <p>Outputs are not bound with JAXB: SYSPRO's output casing is not reliable (lower-case roots such
 * as {@code postarpayment}), so they are read case-insensitively through {@link
 * io.mlconnector.syspro.SysproElement}.
 */
@NullMarked
package io.mlconnector.syspro.bo;

import org.jspecify.annotations.NullMarked;
