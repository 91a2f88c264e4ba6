package io.github.packer2aib.core.hcl.function;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one frozen clock of a conversion run: every {@code timestamp()}, {@code legacy_isotime()} and
 * {@code legacy_strftime()} in the run sees the same instant, so a template gives the same output
 * however long the run takes. The caller picks the instant (the core reads no clock): {@link
 * #fromSourceDateEpoch} pins it to {@code SOURCE_DATE_EPOCH} for reproducible builds.
 *
 * <p>{@code uuidv4()} is deterministic too: the n-th call in a run returns SHA-256(seed, n) shaped
 * as a version-4 UUID, where the seed is derived from the frozen instant unless given. Distinct
 * calls still give distinct UUIDs; the same run input gives the same UUIDs. (Packer's are random; a
 * conversion that must be reproducible cannot use random ones.)
 */
public final class Clock {
  private final Instant now;
  private long seed;

  /**
   * The texts of the template a {@link #forTemplate} clock draws its UUIDs for, until the first
   * UUID mixes them into {@link #seed}; null after that, or for a run's clock. Most templates call
   * no uuidv4(): hashing every template's text up front cost a bulk run of JSON templates a tenth
   * of its CPU.
   */
  private List<String> pendingTexts;

  private long counter;

  private Clock(Instant now, long seed) {
    this.now = Objects.requireNonNull(now, "now");
    this.seed = seed;
  }

  /** A clock frozen at {@code now}; the UUID seed is derived from it. */
  public static Clock frozenAt(Instant now) {
    return new Clock(now, now.getEpochSecond() * 1_000_000_007L + now.getNano());
  }

  /** A clock frozen at {@code now} with an explicit UUID seed. */
  public static Clock frozenAt(Instant now, long seed) {
    return new Clock(now, seed);
  }

  /**
   * The clock for {@code SOURCE_DATE_EPOCH} (decimal seconds since 1970) when that is set and
   * valid; empty when it is not a whole number, so the caller can report it.
   */
  public static Optional<Clock> fromSourceDateEpoch(String sourceDateEpoch) {
    String s = sourceDateEpoch.trim();
    if (!s.matches("-?[0-9]{1,12}")) {
      return Optional.empty();
    }
    return Optional.of(frozenAt(Instant.ofEpochSecond(Long.parseLong(s))));
  }

  /**
   * This clock for one template whose files hold {@code texts}: the same instant, and UUIDs of its
   * own, from a seed of this clock's and the texts. In one run every template started from the same
   * seed, so {@code "img-${uuidv4()}"} named the managed image of every template of a repository
   * alike, and two builds wrote one image; now the same template gives the same UUIDs however it is
   * converted (alone, in a folder, loaded twice, with either line ending), and two templates
   * different ones.
   */
  public Clock forTemplate(List<String> texts) {
    Clock c = new Clock(now, seed);
    c.pendingTexts = texts;
    return c;
  }

  /** Mixes the pending template texts into the seed (on the first UUID). */
  private void mixPendingTexts() {
    MessageDigest md = CryptoFunctions.newDigest("SHA-256");
    md.update(ByteBuffer.allocate(8).putLong(seed).array());
    for (String t : pendingTexts) {
      // Line endings aside: a checkout with CRLF gives the UUIDs of one with LF.
      md.update(t.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
    }
    seed = ByteBuffer.wrap(md.digest()).getLong();
    pendingTexts = null;
  }

  public Instant now() {
    return now;
  }

  /**
   * How many UUIDs this clock has given ({@link #nextUuidV4}): a caller that compares the count
   * before and after an evaluation knows whether evaluating it again would give the same values.
   */
  public synchronized long uuidsIssued() {
    return counter;
  }

  /** The next UUID of this run. */
  public synchronized String nextUuidV4() {
    if (pendingTexts != null) {
      mixPendingTexts();
    }
    ByteBuffer in = ByteBuffer.allocate(32);
    in.put("packer2aib-uuidv4".getBytes(StandardCharsets.US_ASCII), 0, 16);
    in.putLong(seed).putLong(counter++);
    byte[] h = CryptoFunctions.digest("SHA-256", in.array());
    h[6] = (byte) ((h[6] & 0x0f) | 0x40);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    return CryptoFunctions.format(h);
  }

  /**
   * The next UUID in the shape of Packer's legacy {@code {{uuid}}}: 8 hexadecimal digits of the
   * Unix time, then 24 more, here taken from {@link #nextUuidV4} without its version and variant
   * digits (24 uniformly derived ones) instead of random bytes.
   */
  public String nextTimeOrderedUuid() {
    String random = nextUuidV4().replace("-", "");
    String digits = random.substring(0, 12) + random.substring(13, 16) + random.substring(17, 26);
    return CryptoFunctions.hyphenated(
        String.format(Locale.ROOT, "%08x", now.getEpochSecond() & 0xffffffffL) + digits);
  }
}
