/**
 * Stampli over SFTP: {@link io.mlconnector.stampli.SftpClient} (sshj; usable alone), the
 * template-driven streaming parsers of Stampli's exports ({@link io.mlconnector.stampli.StampliTemplate})
 * and {@link io.mlconnector.stampli.StampliSource}, the payables-source role.
 */
@NullMarked
package io.mlconnector.stampli;

import org.jspecify.annotations.NullMarked;
