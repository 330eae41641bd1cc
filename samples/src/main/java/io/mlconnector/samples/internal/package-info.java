/** Source decorators of the sample: not API. */
package io.mlconnector.samples.internal;
