/** Implementation of the SYSPRO connector; not public API and may change without notice. */
package io.mlconnector.syspro.internal;
