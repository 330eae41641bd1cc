/**
 * Every simulator of the testkit as one standalone process for applications in any language:
 * {@link io.mlconnector.testkit.sandbox.Sandbox} ({@code java -jar
 * connector-testkit-<version>-sandbox.jar}) runs the chosen simulators on chosen ports, prints their
 * base URLs and credentials, seeds demo data, sends webhooks to a given URL and switches faults at
 * run time through a uniform control API under {@code /_sandbox/}.
 */
@NullMarked
package io.mlconnector.testkit.sandbox;

import org.jspecify.annotations.NullMarked;
