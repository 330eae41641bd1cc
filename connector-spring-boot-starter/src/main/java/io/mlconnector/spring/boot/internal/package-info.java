/** The starter's implementation: built-in factories, the webhook handler, health, the engines' lifecycle. */
@NullMarked
package io.mlconnector.spring.boot.internal;

import org.jspecify.annotations.NullMarked;
