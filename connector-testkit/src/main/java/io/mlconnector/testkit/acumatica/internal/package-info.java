/** The Acumatica simulator's internals; not API. */
@NullMarked
package io.mlconnector.testkit.acumatica.internal;

import org.jspecify.annotations.NullMarked;
