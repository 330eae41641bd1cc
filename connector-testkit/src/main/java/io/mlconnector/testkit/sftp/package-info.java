/**
 * An embedded SFTP server (Apache MINA SSHD) on a free loopback port: password and key auth, a
 * real host key to pin, a directory tree on disk, files that grow while being written, read-only
 * folders, and dropped connections and slow transfers from the shared {@link
 * io.mlconnector.testkit.http.FaultInjector}.
 */
@NullMarked
package io.mlconnector.testkit.sftp;

import org.jspecify.annotations.NullMarked;
