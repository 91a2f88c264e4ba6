package io.github.packer2aib.core.hcl.function;

import static io.github.packer2aib.core.hcl.function.DefinedFunction.define;

import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Hashes and UUIDs. */
final class CryptoFunctions {
  private CryptoFunctions() {}

  static List<HclFunction> all(Clock clock) {
    List<HclFunction> fs = new ArrayList<>();
    for (String[] h :
        new String[][] {
          {"md5", "MD5"}, {"sha1", "SHA-1"}, {"sha256", "SHA-256"}, {"sha512", "SHA-512"}
        }) {
      String algorithm = h[1];
      fs.add(
          define(h[0])
              .param("str", Type.STRING)
              .returns(Type.STRING)
              .impl(
                  a ->
                      Value.string(
                          hex(
                              digest(
                                  algorithm,
                                  a.get(0).asString().getBytes(StandardCharsets.UTF_8))))));
    }
    fs.add(
        define("uuidv5")
            .param("namespace", Type.STRING)
            .param("name", Type.STRING)
            .returns(Type.STRING)
            .impl(a -> Value.string(uuidv5(a.get(0).asString(), a.get(1).asString()))));
    fs.add(
        define("uuidv4")
            .returns(Type.STRING)
            .impl(a -> Value.string(clock.nextUuidV4()).mark(Mark.FROZEN)));
    fs.add(
        define(FunctionRegistry.BCRYPT)
            .param("str", Type.STRING)
            .variadic("cost", Type.NUMBER)
            .returns(Type.STRING)
            .impl(CryptoFunctions::bcrypt));
    return fs;
  }

  static byte[] digest(String algorithm, byte[] data) {
    return newDigest(algorithm).digest(data);
  }

  /** A digest of an algorithm every Java runtime has (SHA-256, SHA-1, MD5, …). */
  static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java runtime lacks " + algorithm, e);
    }
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static final UUID DNS = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
  private static final UUID URL = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
  private static final UUID OID = UUID.fromString("6ba7b812-9dad-11d1-80b4-00c04fd430c8");
  private static final UUID X500 = UUID.fromString("6ba7b814-9dad-11d1-80b4-00c04fd430c8");

  static String uuidv5(String namespace, String name) throws FunctionException {
    UUID ns;
    switch (namespace) {
      case "dns":
        ns = DNS;
        break;
      case "url":
        ns = URL;
        break;
      case "oid":
        ns = OID;
        break;
      case "x500":
        ns = X500;
        break;
      default:
        ns = parseUuid(namespace);
        if (ns == null) {
          int len = namespace.length();
          throw FunctionException.call(
              "uuidv5() doesn't support namespace "
                  + namespace
                  + (len == 32 || len == 36 || len == 38 || len == 45
                      ? " (invalid UUID format)"
                      : " (invalid UUID length: " + len + ")"));
        }
    }
    ByteBuffer in = ByteBuffer.allocate(16);
    in.putLong(ns.getMostSignificantBits()).putLong(ns.getLeastSignificantBits());
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[16 + nameBytes.length];
    System.arraycopy(in.array(), 0, all, 0, 16);
    System.arraycopy(nameBytes, 0, all, 16, nameBytes.length);
    byte[] h = digest("SHA-1", all);
    h[6] = (byte) ((h[6] & 0x0f) | 0x50);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    return format(h);
  }

  static String format(byte[] b) {
    return hyphenated(hex(b).substring(0, 32));
  }

  /** 32 hexadecimal digits in a UUID's groups of 8-4-4-4-12. */
  static String hyphenated(String x) {
    return x.substring(0, 8)
        + "-"
        + x.substring(8, 12)
        + "-"
        + x.substring(12, 16)
        + "-"
        + x.substring(16, 20)
        + "-"
        + x.substring(20, 32);
  }

  private static UUID parseUuid(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    if (t.startsWith("urn:uuid:")) {
      t = t.substring(9);
    }
    if (t.startsWith("{") && t.endsWith("}")) {
      t = t.substring(1, t.length() - 1);
    }
    if (t.length() == 32 && t.matches("[0-9a-f]{32}")) {
      t = hyphenated(t);
    }
    if (!t.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      return null;
    }
    return UUID.fromString(t);
  }

  /**
   * bcrypt uses a random salt, so its result cannot be known when converting: it is an unknown,
   * sensitive string (the input is a password). Bad costs are still reported.
   */
  private static Value bcrypt(List<Value> a) throws FunctionException {
    if (a.size() > 2) {
      throw FunctionException.arg(2, "bcrypt() takes no more than two arguments");
    }
    if (a.size() == 2) {
      long cost = Args.toLong(a.get(1), 1);
      // Go's bcrypt.GenerateFromPassword uses its default cost (10) for any cost below 4, so only
      // a cost above 31 fails; the message is Packer's, typo included.
      if (cost > 31) {
        throw FunctionException.call(
            "error occured generating password crypto/bcrypt: cost "
                + cost
                + " is outside allowed range (4,31)");
      }
    }
    return Value.unknown(Type.STRING).mark(Mark.SENSITIVE);
  }
}
