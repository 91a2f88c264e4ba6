package io.github.packer2aib.core.hcl.function;

import static io.github.packer2aib.core.hcl.function.DefinedFunction.define;

import io.github.packer2aib.core.hcl.value.Strings;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.source.PercentEncoding;
import io.github.packer2aib.core.source.Utf8;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Encoding functions: Base64, gzip, URL, JSON, YAML, CSV and text encodings. */
final class EncodingFunctions {
  private EncodingFunctions() {}

  static List<HclFunction> all() {
    List<HclFunction> fs = new ArrayList<>();
    fs.add(
        define("base64encode")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .impl(a -> Value.string(base64(a.get(0).asString().getBytes(StandardCharsets.UTF_8)))));
    fs.add(
        define("base64decode")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  String s = a.get(0).asString();
                  byte[] b = unbase64(s, -1);
                  return Value.string(
                      utf8(b, -1, "the result of decoding the provided string is not valid UTF-8"));
                }));
    fs.add(
        define("base64gzip")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a ->
                    Value.string(
                        base64(gzip(a.get(0).asString().getBytes(StandardCharsets.UTF_8))))));
    fs.add(
        define("textencodebase64")
            .param("string", Type.STRING)
            .param("encoding", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  Charset cs = charset(a.get(1).asString(), 1);
                  CharsetEncoder enc =
                      cs.newEncoder()
                          .onMalformedInput(CodingErrorAction.REPORT)
                          .onUnmappableCharacter(CodingErrorAction.REPORT);
                  try {
                    ByteBuffer bb = enc.encode(CharBuffer.wrap(a.get(0).asString()));
                    byte[] b = new byte[bb.remaining()];
                    bb.get(b);
                    return Value.string(base64(b));
                  } catch (CharacterCodingException e) {
                    throw FunctionException.arg(
                        0,
                        "the given string contains characters that cannot be represented in "
                            + a.get(1).asString());
                  }
                }));
    fs.add(
        define("textdecodebase64")
            .param("source", Type.STRING)
            .param("encoding", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  Charset cs = charset(a.get(1).asString(), 1);
                  byte[] b = unbase64(a.get(0).asString(), 0);
                  CharsetDecoder dec =
                      cs.newDecoder()
                          .onMalformedInput(CodingErrorAction.REPORT)
                          .onUnmappableCharacter(CodingErrorAction.REPORT);
                  try {
                    return Value.string(dec.decode(ByteBuffer.wrap(b)).toString());
                  } catch (CharacterCodingException e) {
                    throw FunctionException.arg(
                        0,
                        "the given value is has an invalid " + a.get(1).asString() + " encoding");
                  }
                }));
    fs.add(
        define("urlencode")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .impl(a -> Value.string(queryEscape(a.get(0).asString()))));
    fs.add(
        define("jsonencode")
            .param(Parameter.of("val", Type.DYNAMIC).nullable())
            .returns(Type.STRING)
            .impl(a -> Value.string(Json.encode(a.get(0)))));
    fs.add(
        define("jsondecode")
            .param("str", Type.STRING)
            .returns(a -> Type.DYNAMIC)
            .impl(a -> Json.decode(a.get(0).asString(), -1)));
    fs.add(
        define("yamlencode")
            .param(Parameter.of("value", Type.DYNAMIC).nullable())
            .returns(Type.STRING)
            .impl(a -> Value.string(Yaml.encode(a.get(0)))));
    fs.add(
        define("yamldecode")
            .param("src", Type.STRING)
            .returns(a -> Type.DYNAMIC)
            .impl(a -> Yaml.decode(a.get(0).asString())));
    fs.add(
        define("csvdecode")
            .param("str", Type.STRING)
            .returns(a -> Type.DYNAMIC)
            .impl(a -> csvdecode(a.get(0).asString())));
    return fs;
  }

  static String base64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /** Go's standard Base64 decoding: padding required, CR and LF ignored. */
  static byte[] unbase64(String s, int argIndex) throws FunctionException {
    String t = s.replace("\r", "").replace("\n", "");
    if (t.length() % 4 != 0 || !t.matches("[A-Za-z0-9+/]*={0,2}")) {
      throw new FunctionException(argIndex, "failed to decode base64 data '" + s + "'");
    }
    try {
      return Base64.getDecoder().decode(t);
    } catch (IllegalArgumentException e) {
      throw new FunctionException(argIndex, "failed to decode base64 data '" + s + "'");
    }
  }

  static String utf8(byte[] b, int argIndex, String message) throws FunctionException {
    try {
      return Utf8.decode(b);
    } catch (CharacterCodingException e) {
      throw new FunctionException(argIndex, message);
    }
  }

  /**
   * A gzip stream with Go's header (no name, no time, OS "unknown"). The compressed bytes come from
   * zlib's deflate and so may differ from Go's, though they decompress to the same text.
   */
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    d.setInput(data);
    d.finish();
    byte[] buf = new byte[8192];
    while (!d.finished()) {
      int n = d.deflate(buf);
      out.write(buf, 0, n);
    }
    d.end();
    CRC32 crc = new CRC32();
    crc.update(data);
    long c = crc.getValue();
    long len = data.length & 0xffffffffL;
    for (int i = 0; i < 4; i++) {
      out.write((int) (c >>> (8 * i)) & 0xff);
    }
    for (int i = 0; i < 4; i++) {
      out.write((int) (len >>> (8 * i)) & 0xff);
    }
    return out.toByteArray();
  }

  private static Charset charset(String name, int argIndex) throws FunctionException {
    try {
      return Charset.forName(name);
    } catch (RuntimeException e) {
      throw FunctionException.arg(
          argIndex, Strings.quote(name) + " is not a supported IANA encoding name or alias");
    }
  }

  /** Go's {@code url.QueryEscape}: unreserved characters kept, a space as {@code +}. */
  static String queryEscape(String s) {
    return PercentEncoding.encode(s, PercentEncoding::isUnreserved, true);
  }

  // ------------------------------------------------------------------ CSV

  /**
   * Go's {@code encoding/csv} with a header row: comma-separated, RFC 4180 quoting, CRLF read as
   * LF, empty lines skipped, every record as long as the header. Rows become objects whose
   * attributes are the header's names; every value is a string.
   */
  static Value csvdecode(String text) throws FunctionException {
    List<List<String>> rows = readCsv(text);
    if (rows.isEmpty()) {
      throw FunctionException.call("missing header line");
    }
    List<String> header = rows.get(0);
    // The first name seen before, as Go reports it; a set rather than a search of the names
    // before each one, which made a wide header cost its width squared.
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      if (!seen.add(name)) {
        throw FunctionException.call("duplicate column name " + GoQuote.quote(name, false));
      }
    }
    List<Value> out = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      Map<String, Value> attrs = new TreeMap<>(Strings.CODE_POINT_ORDER);
      List<String> row = rows.get(r);
      for (int i = 0; i < header.size(); i++) {
        attrs.put(header.get(i), Value.string(row.get(i)));
      }
      out.add(Value.object(attrs));
    }
    if (out.isEmpty()) {
      return Value.list(headerType(header), List.of());
    }
    return Value.list(out.get(0).type(), out);
  }

  private static Type headerType(List<String> header) {
    Map<String, Type> attrs = new TreeMap<>(Strings.CODE_POINT_ORDER);
    for (String h : header) {
      attrs.put(h, Type.STRING);
    }
    return Type.object(attrs);
  }

  private static List<List<String>> readCsv(String text) throws FunctionException {
    String s = text.replace("\r\n", "\n");
    List<List<String>> rows = new ArrayList<>();
    int n = s.length();
    int i = 0;
    int line = 1;
    int expected = -1;
    long fieldCount = 0;
    while (i < n) {
      if (s.charAt(i) == '\n') {
        i++;
        line++;
        continue;
      }
      int recordLine = line;
      List<String> fields = new ArrayList<>();
      while (true) {
        StringBuilder f = new StringBuilder();
        int col = 1;
        if (i < n && s.charAt(i) == '"') {
          int quoteLine = line;
          int quoteCol = col;
          i++;
          while (true) {
            if (i >= n) {
              throw csvError(quoteLine, quoteCol, "extraneous or missing \" in quoted-field");
            }
            char c = s.charAt(i);
            if (c == '"') {
              if (i + 1 < n && s.charAt(i + 1) == '"') {
                f.append('"');
                i += 2;
                continue;
              }
              i++;
              break;
            }
            if (c == '\n') {
              line++;
            }
            f.append(c);
            i++;
          }
          if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n') {
            throw csvError(line, i, "extraneous or missing \" in quoted-field");
          }
        } else {
          while (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n') {
            if (s.charAt(i) == '"') {
              throw csvError(line, f.length() + 1, "bare \" in non-quoted-field");
            }
            f.append(s.charAt(i));
            i++;
          }
        }
        if (++fieldCount > ElementLimit.MAX) {
          throw ElementLimit.exceeded("fields");
        }
        fields.add(f.toString());
        if (i < n && s.charAt(i) == ',') {
          i++;
          continue;
        }
        break;
      }
      if (i < n && s.charAt(i) == '\n') {
        i++;
        line++;
      }
      if (expected < 0) {
        expected = fields.size();
      } else if (fields.size() != expected) {
        throw FunctionException.call("record on line " + recordLine + ": wrong number of fields");
      }
      rows.add(fields);
    }
    return rows;
  }

  private static FunctionException csvError(int line, int col, String what) {
    return FunctionException.call("parse error on line " + line + ", column " + col + ": " + what);
  }
}
