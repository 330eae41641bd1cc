/** The Acumatica simulator's internals; not API. */
package io.mlconnector.testkit.acumatica.internal;
