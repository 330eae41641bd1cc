package io.mlconnector.stampli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * A remote file being streamed: SHA-256 and byte count computed on the fly; at the end of the
 * stream the byte count is checked against the size listed (a file that changed while being read
 * fails instead of passing as complete), and a file growing past the size limit is cut off.
 * Closing it releases everything the read held (the SFTP handle, and the connection when the
 * stream owns it).
 */
public final class FileStream extends FilterInputStream {
  private final MessageDigest digest;
  private final String name;
  private final long expected;
  private final long max;
  private final @Nullable AutoCloseable onClose;
  private long count;
  private @Nullable String sha256;
  private boolean closed;

  FileStream(InputStream in, String name, long expected, long max, @Nullable AutoCloseable onClose) {
    super(in);
    this.name = name;
    this.expected = expected;
    this.max = max;
    this.onClose = onClose;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
      count += n;
      if (count > max) {
        throw new IOException("file " + name + " grew past the limit of " + max + " bytes while being read");
      }
    } else if (n < 0 && sha256 == null) {
      if (expected >= 0 && count != expected) {
        throw new IOException("file " + name + " changed while being read: listed " + expected
            + " bytes, read " + count);
      }
      sha256 = HexFormat.of().formatHex(digest.digest());
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[8192];
    long left = n;
    while (left > 0) {
      int r = read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        break;
      }
      left -= r;
    }
    return n - left;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /**
   * The hex SHA-256 of the whole file; only after the stream reached its end.
   *
   * @return the digest in lower-case hex
   * @throws IllegalStateException if the stream has not been read to its end
   */
  public String sha256() {
    if (sha256 == null) {
      throw new IllegalStateException("the stream of " + name + " has not been read to its end");
    }
    return sha256;
  }

  /**
   * Bytes read so far.
   *
   * @return the number of bytes read
   */
  public long bytesRead() {
    return count;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      super.close();
    } finally {
      if (onClose != null) {
        try {
          onClose.close();
        } catch (IOException | RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IOException(e);
        }
      }
    }
  }
}
