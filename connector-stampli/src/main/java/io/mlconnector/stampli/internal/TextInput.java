package io.mlconnector.stampli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/** Opens a file's bytes as text: a byte order mark skipped, undecodable bytes reported, never replaced. */
public final class TextInput {
  private TextInput() {}

  /** A reader of {@code in} in {@code charset} (a UTF-8/16 BOM decides the charset when present). */
  public static Reader reader(InputStream in, Charset charset) throws IOException {
    BOMInputStream bom = BOMInputStream.builder().setInputStream(in)
        .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
    String named = bom.getBOMCharsetName();
    Charset cs = named != null ? Charset.forName(named) : charset;
    CharsetDecoder decoder = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new java.io.BufferedReader(new InputStreamReader(bom, decoder), 1 << 16);
  }
}
