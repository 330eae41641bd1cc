/** Implementation details of the Stampli connector; not API. */
package io.mlconnector.stampli.internal;
