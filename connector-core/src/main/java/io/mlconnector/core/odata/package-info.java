/**
 * OData query building and paging for every OData-speaking remote (SAP Business One Service Layer,
 * Acumatica, SYSPRO OData): {@link io.mlconnector.core.odata.ODataQuery} and {@link
 * io.mlconnector.core.odata.ODataFilter} write correctly escaped and percent-encoded options in
 * the literal {@link io.mlconnector.core.odata.ODataDialect} of each service, and {@link
 * io.mlconnector.core.odata.ODataPager} follows next links or pages by {@code $skip} through any
 * HTTP client's {@link io.mlconnector.core.odata.PageFetcher}.
 */
@NullMarked
package io.mlconnector.core.odata;

import org.jspecify.annotations.NullMarked;
