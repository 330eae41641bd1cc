/** The starter's implementation: built-in factories, the webhook handler, health, the engines' lifecycle. */
package io.mlconnector.spring.boot.internal;
