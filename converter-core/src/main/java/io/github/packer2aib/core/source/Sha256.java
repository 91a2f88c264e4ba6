package io.github.packer2aib.core.source;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests for the checksums of the files templates upload ({@code sha256Checksum}), made by
 * copying one that is never used: looking the algorithm up among the security providers cost more
 * than hashing a script, for every file of every template. In a class of its own, so that
 * conversions that read no file never load it.
 */
public final class Sha256 {
  private Sha256() {}

  /** Only ever cloned, never updated: copying reads it, so threads may share it. */
  private static final MessageDigest PROTOTYPE = lookUp();

  private static MessageDigest lookUp() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A digest of its own, for bytes given in pieces. */
  public static MessageDigest fresh() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return lookUp(); // a provider whose digests cannot be copied
    }
  }

  /** The lowercase hex SHA-256 of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return hexOf(fresh().digest(bytes));
  }

  /** A finished digest in lowercase hex. */
  public static String hex(MessageDigest finished) {
    return hexOf(finished.digest());
  }

  private static String hexOf(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
