package io.github.packer2aib.core.hcl.function;

import static io.github.packer2aib.core.hcl.function.DefinedFunction.define;

import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The CIDR functions on IPv4 and IPv6 prefixes. Addresses are read as Go's {@code net} package
 * reads them today (IPv4 octets with leading zeros are refused, as Go has done since 1.17).
 */
final class NetworkFunctions {
  private NetworkFunctions() {}

  static List<HclFunction> all() {
    List<HclFunction> fs = new ArrayList<>();
    fs.add(
        define("cidrhost")
            .param("prefix", Type.STRING)
            .param("hostnum", Type.NUMBER)
            .returns(Type.STRING)
            .impl(
                a -> {
                  Cidr c = Cidr.parse(a.get(0).asString(), 0);
                  BigInteger num = a.get(1).asNumber().toBigInteger().orElse(null);
                  if (num == null || num.bitLength() > 63) {
                    throw FunctionException.call(
                        "value must be a whole number, between "
                            + Long.MIN_VALUE
                            + " and "
                            + Long.MAX_VALUE);
                  }
                  int hostLen = c.bits - c.prefix;
                  BigInteger max = BigInteger.ONE.shiftLeft(hostLen).subtract(BigInteger.ONE);
                  BigInteger n = num;
                  if (num.signum() < 0) {
                    n = max.subtract(num.negate().subtract(BigInteger.ONE));
                  }
                  if (n.signum() < 0 || n.compareTo(max) > 0) {
                    // The number after a negative one is counted from the end, as go-cidr
                    // words it (Packer 1.6.6: -16777217 in a /8 is "a host numbered -1").
                    throw FunctionException.call(
                        "prefix of " + c.prefix + " does not accommodate a host numbered " + n);
                  }
                  return Value.string(Cidr.format(c.network().or(n), c.bits));
                }));
    fs.add(
        define("cidrnetmask")
            .param("prefix", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  // Packer 1.6.6 gives IPv6 prefixes a netmask too (later Terraform refuses).
                  Cidr c = Cidr.parse(a.get(0).asString(), 0);
                  return Value.string(Cidr.format(c.mask(), c.bits));
                }));
    fs.add(
        define("cidrsubnet")
            .param("prefix", Type.STRING)
            .param("newbits", Type.NUMBER)
            .param("netnum", Type.NUMBER)
            .returns(Type.STRING)
            .impl(
                a -> {
                  Cidr c = Cidr.parse(a.get(0).asString(), 0);
                  // Both read as Go's int64 in the function's body: a failed call if not.
                  int newbits = Args.toIntInCall(a.get(1), "");
                  BigInteger num = BigInteger.valueOf(Args.toLongInCall(a.get(2), ""));
                  return Value.string(subnet(c, newbits, num).toString());
                }));
    fs.add(
        define("cidrsubnets")
            .param("prefix", Type.STRING)
            .variadic("newbits", Type.NUMBER)
            .returns(Type.list(Type.STRING))
            .impl(NetworkFunctions::cidrsubnets));
    return fs;
  }

  static Cidr subnet(Cidr c, int newbits, BigInteger num) throws FunctionException {
    if (newbits > 32) {
      throw FunctionException.call("may not extend prefix by more than 32 bits");
    }
    int newPrefix = c.prefix + newbits;
    if (newbits < 0 || newPrefix > c.bits) {
      throw FunctionException.call(
          "insufficient address space to extend prefix of " + c.prefix + " by " + newbits);
    }
    BigInteger max = BigInteger.ONE.shiftLeft(newbits).subtract(BigInteger.ONE);
    if (num.signum() < 0 || num.compareTo(max) > 0) {
      throw FunctionException.call(
          "prefix extension of " + newbits + " does not accommodate a subnet numbered " + num);
    }
    BigInteger addr = c.network().or(num.shiftLeft(c.bits - newPrefix));
    return new Cidr(addr, newPrefix, c.bits);
  }

  private static Value cidrsubnets(List<Value> a) throws FunctionException {
    Cidr network = Cidr.parse(a.get(0).asString(), 0);
    List<Value> out = new ArrayList<>();
    if (a.size() == 1) {
      return Value.list(Type.STRING, out);
    }
    int first = Args.toInt(a.get(1), 1);
    Cidr current = network.previous(network.prefix + first);
    for (int i = 1; i < a.size(); i++) {
      int newbits = Args.toInt(a.get(i), i);
      if (newbits < 1) {
        throw FunctionException.arg(i, "must extend prefix by at least one bit");
      }
      if (newbits > 32) {
        throw FunctionException.arg(i, "may not extend prefix by more than 32 bits");
      }
      int length = network.prefix + newbits;
      if (length > network.bits) {
        throw FunctionException.arg(
            i,
            "would extend prefix to "
                + length
                + " bits, which is too long for an IPv"
                + (network.bits == 32 ? 4 : 6)
                + " address");
      }
      Cidr next = current.next(length);
      if (next == null || !network.contains(next.address)) {
        throw FunctionException.arg(
            i,
            "not enough remaining address space for a subnet with a prefix of "
                + length
                + " bits after "
                + current);
      }
      current = next;
      out.add(Value.string(current.toString()));
    }
    return Value.list(Type.STRING, out);
  }

  /** An address (as an unsigned integer of {@code bits} bits) with a prefix length. */
  static final class Cidr {
    final BigInteger address;
    final int prefix;
    final int bits;

    Cidr(BigInteger address, int prefix, int bits) {
      this.address = address;
      this.prefix = prefix;
      this.bits = bits;
    }

    BigInteger mask() {
      BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
      BigInteger host = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
      return all.xor(host);
    }

    BigInteger network() {
      return address.and(mask());
    }

    BigInteger last() {
      BigInteger host = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
      return network().or(host);
    }

    boolean contains(BigInteger a) {
      return a.and(mask()).equals(network());
    }

    Cidr withPrefix(BigInteger a, int p) {
      Cidr c = new Cidr(a, p, bits);
      return new Cidr(c.network(), p, bits);
    }

    /** The subnet of length {@code p} just before this network's first address (wrapping). */
    Cidr previous(int p) {
      BigInteger modulus = BigInteger.ONE.shiftLeft(bits);
      BigInteger prev = network().subtract(BigInteger.ONE).mod(modulus);
      return withPrefix(prev, p);
    }

    /**
     * The subnet of length {@code p} after the one of that length holding this one's last address.
     */
    Cidr next(int p) {
      Cidr currentSubnet = withPrefix(last(), p);
      BigInteger after = currentSubnet.last().add(BigInteger.ONE);
      if (after.bitLength() > bits) {
        return null;
      }
      return withPrefix(after, p);
    }

    @Override
    public String toString() {
      return format(address, bits) + "/" + prefix;
    }

    static Cidr parse(String s, int argIndex) throws FunctionException {
      int slash = s.indexOf('/');
      FunctionException bad =
          FunctionException.call("invalid CIDR expression: invalid CIDR address: " + s);
      if (slash < 0) {
        throw bad;
      }
      String addr = s.substring(0, slash);
      String len = s.substring(slash + 1);
      BigInteger a;
      int bits;
      if (addr.contains(":")) {
        a = parseIpv6(addr);
        bits = 128;
      } else {
        a = parseIpv4(addr);
        bits = 32;
      }
      if (a == null || !len.matches("[0-9]{1,3}")) {
        throw bad;
      }
      // Go 1.15's ParseCIDR (Packer 1.6.6) takes leading zeros in the length ("/08").
      int p = Integer.parseInt(len);
      if (p > bits) {
        throw bad;
      }
      Cidr c = new Cidr(a, p, bits);
      return new Cidr(c.network(), p, bits);
    }

    static BigInteger parseIpv4(String s) {
      String[] parts = s.split("\\.", -1);
      if (parts.length != 4) {
        return null;
      }
      long v = 0;
      for (String p : parts) {
        if (!p.matches("[0-9]{1,3}") || (p.length() > 1 && p.startsWith("0"))) {
          return null;
        }
        int o = Integer.parseInt(p);
        if (o > 255) {
          return null;
        }
        v = v * 256 + o;
      }
      return BigInteger.valueOf(v);
    }

    static BigInteger parseIpv6(String s) {
      int dbl = s.indexOf("::");
      if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
        return null;
      }
      List<Integer> head = new ArrayList<>();
      List<Integer> tail = new ArrayList<>();
      if (dbl >= 0) {
        if (!groups(s.substring(0, dbl), head, false)
            || !groups(s.substring(dbl + 2), tail, true)) {
          return null;
        }
        if (head.size() + tail.size() > 7) {
          return null;
        }
      } else {
        if (!groups(s, head, true) || head.size() != 8) {
          return null;
        }
      }
      BigInteger v = BigInteger.ZERO;
      List<Integer> all = new ArrayList<>(head);
      for (int i = head.size() + tail.size(); i < 8; i++) {
        all.add(0);
      }
      all.addAll(tail);
      for (int g : all) {
        v = v.shiftLeft(16).or(BigInteger.valueOf(g));
      }
      return v;
    }

    private static boolean groups(String s, List<Integer> out, boolean allowV4) {
      if (s.isEmpty()) {
        return true;
      }
      String[] parts = s.split(":", -1);
      for (int i = 0; i < parts.length; i++) {
        String p = parts[i];
        if (allowV4 && i == parts.length - 1 && p.contains(".")) {
          BigInteger v4 = parseIpv4(p);
          if (v4 == null) {
            return false;
          }
          out.add(v4.intValue() >>> 16);
          out.add(v4.intValue() & 0xffff);
          continue;
        }
        if (!p.matches("[0-9a-fA-F]{1,4}")) {
          return false;
        }
        out.add(Integer.parseInt(p, 16));
      }
      return true;
    }

    /** Go's {@code net.IP.String()}: dotted IPv4; RFC 5952 IPv6 (IPv4-mapped as dotted). */
    static String format(BigInteger a, int bits) {
      if (bits == 32) {
        long v = a.longValue();
        return ((v >> 24) & 255)
            + "."
            + ((v >> 16) & 255)
            + "."
            + ((v >> 8) & 255)
            + "."
            + (v & 255);
      }
      int[] g = new int[8];
      for (int i = 0; i < 8; i++) {
        g[i] = a.shiftRight(16 * (7 - i)).intValue() & 0xffff;
      }
      if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
        return format(a.and(BigInteger.valueOf(0xffffffffL)), 32);
      }
      int bestStart = -1;
      int bestLen = 0;
      for (int i = 0; i < 8; ) {
        if (g[i] != 0) {
          i++;
          continue;
        }
        int j = i;
        while (j < 8 && g[j] == 0) {
          j++;
        }
        if (j - i > bestLen && j - i >= 2) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        if (i == bestStart) {
          sb.append("::");
          i += bestLen - 1;
          continue;
        }
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
          sb.append(':');
        }
        sb.append(Integer.toHexString(g[i]));
      }
      return sb.toString();
    }
  }
}
