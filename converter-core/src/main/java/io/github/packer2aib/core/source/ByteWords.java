package io.github.packer2aib.core.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of an array at a time, for scanners that look for a few special bytes in long runs of
 * ordinary ones (line ends in a file, quotes and backslashes in a string). Bulk conversions run in
 * C1-compiled code, which reads an array byte by byte with a bounds check and a loop test for each;
 * reading a word and testing all eight bytes with a few arithmetic operations costs about as much
 * as two of those steps.
 *
 * <p>Each test gives a <em>mask</em> with the high bit of every matching byte set. Bytes above the
 * lowest match may be flagged wrongly (a borrow carries into them), so a scanner takes {@link
 * #first} and looks at that byte itself, then goes on after it. Words are little-endian whatever
 * the platform, so the lowest flagged bit belongs to the earliest byte. Masks combine with {@code
 * |}; {@code word & }{@link #HIGHS} flags exactly the bytes from 0x80 up. The JSON writer's escape
 * check writes its three tests out as one expression from {@link #ONES} and {@link #HIGHS} instead:
 * sharing the final {@code & ~word & HIGHS} measured 1-3% cheaper on its hot loop.
 */
public final class ByteWords {
  /** Plain reads through this view may be unaligned. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The byte 0x01 eight times: {@code ONES * b} is the byte {@code b} eight times. */
  public static final long ONES = 0x0101010101010101L;

  /** The byte 0x80 eight times: the high bit of each byte, where the tests put their flags. */
  public static final long HIGHS = 0x8080808080808080L;

  /** The number of bytes in a word. */
  public static final int SIZE = 8;

  private ByteWords() {}

  /** The eight bytes at {@code i} (which must leave eight bytes in {@code bytes}). */
  public static long word(byte[] bytes, int i) {
    return (long) LONGS.get(bytes, i);
  }

  /** Bytes below {@code limit} (at most 0x80), and every byte from 0x80 up (negative bytes). */
  public static long belowOrHigh(long word, int limit) {
    return ((word - ONES * limit) | word) & HIGHS;
  }

  /** Bytes equal to {@code b}. */
  public static long equal(long word, byte b) {
    long v = word ^ (ONES * (b & 0xFF));
    return (v - ONES) & ~v & HIGHS;
  }

  /** Bytes other than {@code b}. */
  public static long other(long word, byte b) {
    long v = word ^ (ONES * (b & 0xFF));
    // A byte differs when any of its bits is set: fold the low seven bits into the high one.
    return (((v & ~HIGHS) + ~HIGHS) | v) & HIGHS;
  }

  /** The index within its word of the earliest flagged byte of a non-zero {@code mask}. */
  public static int first(long mask) {
    // Not Long.numberOfTrailingZeros: C1 does not make it an instruction, and its Java code took
    // 3-4 times as long as this. The lowest flag, moved to its byte's low bit, is a power of 256;
    // multiplying by it shifts the byte that holds that byte's index into the top byte.
    long lowest = mask & -mask;
    return (int) (((lowest >>> 7) * 0x0001020304050607L) >>> 56);
  }
}
