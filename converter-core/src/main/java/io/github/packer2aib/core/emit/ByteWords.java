package io.github.packer2aib.core.emit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of an array read as one {@code long}: the C1 code of bulk runs compiles a loop over
 * single bytes as it stands (no intrinsic, no vectors), so a scan of a template's text that reads
 * eight bytes per step runs several times faster. The tests on a word are written out where they
 * are used, as C1 does not inline methods of more than 35 bytecodes; each says whether
 * <em>some</em> byte of the word has a property, and which one is then found byte by byte.
 */
final class ByteWords {
  private ByteWords() {}

  /** Bytes per word. */
  static final int SIZE = Long.BYTES;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The byte 0x01 eight times. */
  static final long ONES = 0x0101010101010101L;

  /** The byte 0x80 eight times: the high bit of each byte. */
  static final long HIGHS = 0x8080808080808080L;

  /** The bytes {@code [i, i + 8)} of {@code b}. */
  static long at(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }
}
