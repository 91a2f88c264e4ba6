package io.github.packer2aib.core.mapping.packer;

/**
 * The low byte of each character of a text, which C1 code scans several times faster than {@code
 * charAt} calls: the secret check ({@link CutText}) and the generalisation keyword scan read every
 * template's JSON and every step's text this way. Each thread keeps one buffer for it, as a fresh
 * copy per text was a visible share of mapping's allocation. A character beyond Latin-1 shares its
 * low byte with others, so a scan on the low bytes finds candidates that the characters confirm.
 */
final class LowBytes {
  private LowBytes() {}

  /** This thread's buffer while it is free (null while taken). */
  private static final ThreadLocal<byte[][]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[][] {new byte[16 * 1024]});

  /** A buffer that grew beyond this (a huge template or line) is not kept. */
  private static final int KEEP_LIMIT = 256 * 1024;

  /**
   * The low bytes of {@code text} (its first {@code text.length()} entries), in this thread's
   * buffer when it is free: taken until {@link #release}d, so a text scanned while another is held
   * gets a buffer of its own.
   */
  static byte[] take(String text) {
    int n = text.length();
    byte[][] holder = BUFFER.get();
    byte[] b = holder[0];
    holder[0] = null;
    if (b == null || b.length < n) {
      b = new byte[Math.max(n, b == null ? 1024 : 2 * b.length)];
    }
    copy(text, n, b);
    return b;
  }

  /** Hands a buffer from {@link #take} back to this thread; the caller must not use it again. */
  static void release(byte[] b) {
    if (b.length <= KEEP_LIMIT) {
      BUFFER.get()[0] = b;
    }
  }

  /**
   * Whether the first {@code n} bytes spell {@code lowerWord} (small ASCII letters and other ASCII)
   * at {@code i} in any ASCII case: {@code | 0x20} maps exactly the capitals to small letters among
   * letters, and a byte beyond ASCII stays beyond it.
   */
  static boolean wordAt(byte[] b, int n, int i, String lowerWord) {
    if (i + lowerWord.length() > n) {
      return false;
    }
    for (int k = 0; k < lowerWord.length(); k++) {
      if ((b[i + k] | 0x20) != lowerWord.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Copies the low byte of each of the first {@code n} characters of {@code text}. */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the low bytes, no copy
  static void copy(String text, int n, byte[] into) {
    text.getBytes(0, n, into, 0);
  }
}
