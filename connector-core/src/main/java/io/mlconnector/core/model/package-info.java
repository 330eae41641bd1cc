/**
 * The canonical accounting model: immutable records every connector maps to and from, each with
 * its {@link io.mlconnector.core.model.ExternalRef} and a version.
 */
package io.mlconnector.core.model;
