package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.AsciiWords;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.source.Position;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The mapper's shortcuts give what the general paths they skip give: reading plain field values,
 * normalizing paths, the generalization keyword scan, the shell word checks, and the mark walks.
 */
class FastPathProperties {

  private static final Range AT =
      new Range("t.pkr.hcl", new Position(1, 1, 0), new Position(1, 2, 1));

  private static final PackerTemplate EMPTY =
      new PackerTemplate(
          PackerTemplate.Syntax.HCL2,
          "/t",
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty());

  /** What reading a field gives: the result and the diagnostics it made. */
  private record Read(Object result, List<?> diagnostics) {}

  private interface Reader {
    Object read(Fields fields, Field field);
  }

  private static Read read(Value v, Reader reader) {
    Report report = new Report();
    Fields fields = Fields.of(new Config(List.of(), List.of(), AT), "", report, new Secrets(EMPTY));
    Object result = reader.read(fields, new Field("f", v, AT, AT));
    return new Read(result, report.all());
  }

  @Property(tries = 400)
  void plainValuesReadAsTheGeneralPathReadsThem(@ForAll("values") Value v) {
    Assume.that(Fields.isSet(v)); // the readers get only set values (Fields.take)
    for (String destination : new String[] {null, "the template"}) {
      assertEquals(
          read(v, (fs, f) -> fs.textConverted(f, destination)),
          read(v, (fs, f) -> fs.text(f, destination)));
      assertEquals(
          read(v, (fs, f) -> fs.stringsConverted(f, destination)),
          read(v, (fs, f) -> fs.strings(f, destination)));
      assertEquals(
          read(v, (fs, f) -> fs.stringMapConverted(f, destination)),
          read(v, (fs, f) -> fs.stringMap(f, destination)));
    }
    assertEquals(read(v, Fields::boolConverted), read(v, Fields::bool));
  }

  @Property(tries = 400)
  void markWalksAgreeWithACopyingWalk(@ForAll("values") Value v) {
    assertEquals(copyingDeepMarks(v), v.deepMarks());
    assertEquals(copyingDeepMarks(v).contains(Mark.SENSITIVE), v.containsSensitive());
    Value.Unmarked u = v.unmarkDeep();
    assertEquals(Values.stripMarks(v), u.value());
    assertEquals(copyingDeepMarks(v), u.marks());
  }

  /** deepMarks as it was: walking copies of the children. */
  private static Set<Mark> copyingDeepMarks(Value v) {
    EnumSet<Mark> all = EnumSet.noneOf(Mark.class);
    all.addAll(v.marks());
    for (Value child : Values.children(v.unmarked())) {
      all.addAll(copyingDeepMarks(child));
    }
    return all;
  }

  @Property(tries = 3000)
  void normalizeAgreesWithSplittingAndJoining(@ForAll("paths") String path) {
    assertEquals(splitAndJoin(path), LocalFiles.normalize(path));
    assertEquals(splitAndJoin(path), LocalFiles.normalizeParts(path));
  }

  @Property(tries = 3000)
  void joiningUnderAFolderNormalizesAsJoiningFirst(
      @ForAll("paths") String folderPath, @ForAll("paths") String relative) {
    Assume.that(!relative.startsWith("/"));
    for (String folder : new String[] {"/" + folderPath, LocalFiles.normalize("/" + folderPath)}) {
      boolean normal = LocalFiles.isNormal(folder);
      assertEquals(
          splitAndJoin(folder + "/" + relative), LocalFiles.inFolder(folder, normal, relative));
    }
    assertEquals(
        splitAndJoin("/t/" + relative), LocalFiles.inFolder("/t", true, "../t/./" + relative));
  }

  @Property(tries = 2000)
  void targetNameChecksAgreeWithTheirPatterns(@ForAll("names") String name) {
    assertEquals(
        Pattern.compile("[A-Za-z0-9-_.]{1,64}").matcher(name).matches(),
        DestinationMapper.isRunOutputName(name));
    assertEquals(
        Pattern.compile("\\d+\\.\\d+\\.\\d+").matcher(name).matches()
            && java.util.Arrays.stream(name.split("\\."))
                .allMatch(p -> new java.math.BigInteger(p).bitLength() < 32),
        DestinationMapper.isGalleryVersion(name));
    // The Azure plugin's rule for managed image names (Java's \w is ASCII, as Go's).
    assertEquals(
        Pattern.compile("[^_\\W][\\w._)-]{0,79}").matcher(name).matches()
            && !name.endsWith("-")
            && !name.endsWith("."),
        DestinationMapper.isManagedImageName(name));
  }

  @Example
  void galleryVersionPartsAre32BitNumbers() {
    assertTrue(DestinationMapper.isGalleryVersion("2147483647.0.007"));
    assertFalse(DestinationMapper.isGalleryVersion("1.0.2147483648"));
    assertFalse(DestinationMapper.isGalleryVersion("1.0.20240115093000"));
    assertFalse(DestinationMapper.isGalleryVersion("1.0.99999999999999999999999"));
  }

  @Property(tries = 2000)
  void urlCheckAgreesWithItsPattern(@ForAll("urls") String source) {
    assertEquals(
        Pattern.compile("(?i)^https?://.*").matcher(source).matches(),
        FileProvisioner.isUrl(source),
        source);
  }

  @Property(tries = 1000)
  void scriptLinesAreWrittenAsTheJoinedScript(
      @ForAll("scriptLines") String first, @ForAll("scriptLineLists") List<String> rest) {
    assertEquals(
        ShellText.writeFile("/tmp/x y.sh", first + "\n" + String.join("\n", rest) + "\n"),
        ShellText.writeLines("/tmp/x y.sh", first, rest));
  }

  @Provide
  Arbitrary<String> scriptLines() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab \n\r'").ofMaxLength(5),
        Arbitraries.of("PACKER2AIB_EOF", "PACKER2AIB_EOF_1", "#!/bin/sh -x"));
  }

  @Provide
  Arbitrary<List<String>> scriptLineLists() {
    return scriptLines().list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 500)
  void driveCheckAgreesWithItsPattern(@ForAll("drives") String dir) {
    assertEquals(
        Pattern.compile("(?i)^[a-z]:$").matcher(dir).matches(), FileProvisioner.isDrive(dir), dir);
  }

  @Provide
  Arbitrary<String> drives() {
    return Arbitraries.strings().withChars("cCzZ:\\/\n\u212A\u017F1").ofMaxLength(4);
  }

  @Provide
  Arbitrary<String> urls() {
    Arbitrary<String> scheme =
        Arbitraries.of(
            "http://", "https://", "HTTPS://", "hTtP://", "http:/", "http\u017F://", "ftp://");
    Arbitrary<String> rest =
        Arbitraries.strings().withChars("ab/:.\n\r\u0085\u2028x").ofMaxLength(8);
    return Arbitraries.oneOf(
        Combinators.combine(scheme, rest).as((a, b) -> a + b),
        Arbitraries.strings().withChars("hHtTpPsS:/\u017F\n").ofMaxLength(10));
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789.").ofMaxLength(9),
        Arbitraries.strings().withChars("aZ09-_./ \u00e9\u0663\n").ofMaxLength(70),
        Arbitraries.strings().withChars("abc1").ofMinLength(60).ofMaxLength(68),
        Arbitraries.strings().withChars("0123456789.").ofMinLength(10).ofMaxLength(30),
        Arbitraries.strings().withChars("aZ09-_.)(").ofMaxLength(8),
        Arbitraries.strings().withChars("aZ09-_.)").ofMinLength(76).ofMaxLength(84));
  }

  /** LocalFiles.normalize as it was: split at "/", drop "." and empty parts, apply "..". */
  private static String splitAndJoin(String path) {
    boolean rooted = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!rooted) {
          parts.addLast(part);
        }
        continue;
      }
      parts.addLast(part);
    }
    String joined = String.join("/", parts);
    return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
  }

  @Property(tries = 1000)
  void keywordScanFindsWhatLowercasingFinds(@ForAll("commands") String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    boolean expected =
        lower.contains("sysprep") || lower.contains("waagent") || lower.contains("imagestate");
    assertEquals(expected, Generalization.hasKeyword(line));
  }

  @Property(tries = 1000)
  void wordScanFindsWhatACaseInsensitivePatternFinds(@ForAll("commands") String line) {
    for (String word : List.of("imagestate", "sysprep", "unattend.xml")) {
      boolean expected =
          Pattern.compile(Pattern.quote(word), Pattern.CASE_INSENSITIVE).matcher(line).find();
      // unattend.xml's dot is also matched by U+000E: a pre-check may say yes where the pattern
      // says no, never the other way.
      if (expected || !word.contains(".")) {
        assertEquals(expected, AsciiWords.contains(line, word), word);
      }
    }
  }

  @Property(tries = 1000)
  void aPlainUploadPathResolvesAsEncodingItResolves(@ForAll("uploadPaths") String path) {
    BaseUri base = new BaseUri("--file-base-uri", "https://st.example/c/", "?v=1");
    assertEquals(base.encoded(path), base.resolve(path));
  }

  @Property(tries = 1000)
  void shellWordChecksMatchTheirPatterns(@ForAll("words") String word) {
    assertEquals(
        Pattern.compile("[A-Za-z0-9_@%+=:,./-]+").matcher(word).matches(), ShellText.isSafe(word));
    assertEquals(
        Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(word).matches(), ShellText.isName(word));
  }

  // ---- generators -------------------------------------------------------------------------

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> parts =
        Arbitraries.of("/", ".", "..", "...", "a", "b\\c", "/../", "./", "x.");
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("/.a\\b").ofMaxLength(12),
        parts.list().ofMaxSize(8).map(l -> String.join("", l)));
  }

  @Provide
  Arbitrary<String> commands() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "sysprep",
            "SysPrep",
            "SYSPREP",
            "waagent",
            "WAAgent",
            "imagestate",
            "ImageState",
            "sysprе",
            "ſysprep",
            "\u0130magestate",
            "\u212Aey",
            "ImageStat",
            "waagen",
            " ",
            "x",
            "\n",
            "é",
            "İ",
            "ıMAGESTATE",
            "Unattend.XML",
            "unattend",
            ".xml",
            "\u000E");
    return pieces.list().ofMaxSize(4).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> uploadPaths() {
    return Arbitraries.strings().withChars("/a.-_~!$&'()*+,;=:@ %#?é\u0130").ofMaxLength(8);
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.strings().withChars("aZ09_@%+=:,./-' $é\u0130").ofMaxLength(6);
  }

  @Provide
  Arbitrary<Value> values() {
    return Arbitraries.recursive(this::scalar, this::collection, 0, 3);
  }

  private Arbitrary<Value> scalar() {
    Arbitrary<Value> plain =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("ab1 .-").ofMaxLength(5).map(Value::string),
            Arbitraries.of("true", "false", "1", "0", "1.5", "TRUE", "").map(Value::string),
            Arbitraries.longs().between(-3, 3).map(Value::number),
            Arbitraries.of(true, false).map(Value::bool),
            Arbitraries.of(Type.STRING, Type.NUMBER, Type.DYNAMIC).map(Value::nullOf),
            Arbitraries.of(Type.STRING, Type.DYNAMIC).map(Value::unknown));
    return marked(plain);
  }

  private Arbitrary<Value> collection(Arbitrary<Value> inner) {
    Arbitrary<Value> strings =
        marked(Arbitraries.strings().alpha().ofMaxLength(3).map(Value::string));
    Arbitrary<Value> tuple = inner.list().ofMaxSize(3).map(Value::tuple);
    Arbitrary<Value> stringTuple = strings.list().ofMaxSize(3).map(Value::tuple);
    Arbitrary<Value> stringList =
        strings.list().ofMaxSize(3).map(l -> (Value) Value.list(Type.STRING, l));
    Arbitrary<Value> object =
        Combinators.combine(
                Arbitraries.strings().alpha().ofLength(1).list().ofMaxSize(3),
                inner.list().ofMinSize(3).ofMaxSize(3))
            .as(
                (keys, vs) -> {
                  Map<String, Value> m = new LinkedHashMap<>();
                  for (int i = 0; i < keys.size(); i++) {
                    m.put(keys.get(i), vs.get(i));
                  }
                  return (Value) Value.object(m);
                });
    Arbitrary<Value> stringMap =
        Arbitraries.strings()
            .alpha()
            .ofLength(1)
            .list()
            .ofMaxSize(3)
            .map(
                keys -> {
                  Map<String, Value> m = new LinkedHashMap<>();
                  for (String k : keys) {
                    m.put(k, Value.string(k + "v"));
                  }
                  return (Value) Value.map(Type.STRING, m);
                });
    return marked(Arbitraries.oneOf(tuple, stringTuple, stringList, object, stringMap));
  }

  /** Sometimes sensitive or frozen. */
  private static Arbitrary<Value> marked(Arbitrary<Value> values) {
    return Arbitraries.frequencyOf(
        Tuple.of(6, values),
        Tuple.of(1, values.map(v -> v.mark(Mark.SENSITIVE))),
        Tuple.of(1, values.map(v -> v.mark(Mark.FROZEN))));
  }
}
