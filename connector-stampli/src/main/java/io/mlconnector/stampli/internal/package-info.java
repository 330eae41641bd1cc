/** Implementation details of the Stampli connector; not API. */
@NullMarked
package io.mlconnector.stampli.internal;

import org.jspecify.annotations.NullMarked;
