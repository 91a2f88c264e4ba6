package io.github.packer2aib.core.hcl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How calls treat unknown, null and sensitive arguments, and the special cases of the registry. */
class FunctionBehaviourTest {
  private static final FunctionRegistry REGISTRY = TestFunctions.registry();
  private static final Value SECRET = Value.string("hunter2").mark(Mark.SENSITIVE);

  private static Value call(String name, Value... args) throws FunctionException {
    return REGISTRY.lookup(name).orElseThrow().call(List.of(args));
  }

  @Test
  void unknownArgumentsGiveUnknownResultsOfTheReturnType() throws FunctionException {
    assertEquals(Value.unknown(Type.STRING), call("upper", Value.unknown(Type.STRING)));
    assertEquals(
        Value.unknown(Type.STRING),
        call(
            "join", Value.string(","), Value.tuple(Value.string("a"), Value.unknown(Type.STRING))));
    assertEquals(Value.unknown(Type.NUMBER), call("length", Value.unknown(Type.list(Type.STRING))));
    assertEquals(
        Value.number(2),
        call("length", Value.tuple(Value.unknown(Type.STRING), Value.string("b"))));
    assertEquals(
        Value.unknown(Type.list(Type.STRING)),
        call("split", Value.string(","), Value.unknown(Type.DYNAMIC)));
  }

  @Test
  void nullArgumentsAreRefusedUnlessAllowed() throws FunctionException {
    FunctionException e =
        assertThrows(FunctionException.class, () -> call("upper", Value.nullOf(Type.STRING)));
    assertEquals(0, e.argIndex());
    assertEquals("Invalid function argument", e.summary());
    assertEquals(
        "Invalid value for \"str\" parameter: argument must not be null.",
        e.detail("upper", "str"));
    assertEquals(
        Value.string("null"), call("format", Value.string("%v"), Value.nullOf(Type.DYNAMIC)));
  }

  @Test
  void resultsFromSensitiveArgumentsAreSensitive() throws FunctionException {
    Value up = call("upper", SECRET);
    assertTrue(up.isSensitive());
    assertEquals(Value.string("HUNTER2"), up.unmarked());
    assertTrue(call("length", Value.tuple(Value.string("a"), SECRET)).isSensitive());
    assertTrue(call("jsonencode", Value.object("password", SECRET)).isSensitive());
    assertTrue(call("upper", Value.unknown(Type.STRING).mark(Mark.SENSITIVE)).isSensitive());
  }

  @Test
  void failuresWithSensitiveArgumentsHideTheirDetails() {
    FunctionException e =
        assertThrows(
            FunctionException.class,
            () -> call("base64decode", Value.string("not base64 hunter2").mark(Mark.SENSITIVE)));
    assertEquals("the details are hidden because an argument is sensitive", e.message());
    assertFalse(e.detail("base64decode", "str").contains("hunter2"));
  }

  /**
   * A failure about an argument that quotes that argument alone (a file function's path) is told
   * when that argument is not sensitive, whatever the others hold: templatefile("a.tpl", { pw =
   * var.pw }) says which file is missing. When the path is sensitive, or the failure comes while
   * rendering the template with the secret vars, the details stay hidden.
   */
  @Test
  void aFailureAboutANonSensitiveArgumentAloneIsToldBesideASecret() {
    FunctionRegistry withTemplates =
        FunctionRegistry.packer(
            Clock.frozenAt(TestFunctions.NOW, 42),
            new TestFunctions.MemoryFiles().put("/work/tpl/bad.tpl", "${pw} ${hunter2}"),
            io.github.packer2aib.core.hcl.eval.Evaluator.templateRenderer());
    HclFunction templatefile = withTemplates.lookup("templatefile").orElseThrow();
    Value secretVars = Value.object("pw", SECRET);

    FunctionException missing =
        assertThrows(
            FunctionException.class,
            () -> templatefile.call(List.of(Value.string("missing.tpl"), secretVars)));
    assertEquals(0, missing.argIndex());
    assertEquals("no file exists at missing.tpl", missing.message());

    FunctionException secretPath =
        assertThrows(
            FunctionException.class,
            () ->
                templatefile.call(
                    List.of(
                        Value.string("hunter2.tpl").mark(Mark.SENSITIVE),
                        Value.object("pw", Value.string("x")))));
    assertEquals("the details are hidden because an argument is sensitive", secretPath.message());

    FunctionException rendering =
        assertThrows(
            FunctionException.class,
            () -> templatefile.call(List.of(Value.string("bad.tpl"), secretVars)));
    assertEquals("the details are hidden because an argument is sensitive", rendering.message());

    // Other failures about an argument that is not the secret stay hidden: their messages may
    // quote any argument.
    FunctionException other =
        assertThrows(FunctionException.class, () -> call("format", Value.string("%d"), SECRET));
    assertEquals("the details are hidden because an argument is sensitive", other.message());
  }

  @Test
  void arityErrors() {
    FunctionException few =
        assertThrows(FunctionException.class, () -> call("element", Value.tuple()));
    assertEquals("Not enough function arguments", few.summary());
    assertEquals(
        "Function \"element\" expects 2 argument(s). Missing value for \"index\".",
        few.detail("element", null));
    FunctionException many =
        assertThrows(
            FunctionException.class, () -> call("upper", Value.string("a"), Value.string("b")));
    assertEquals("Too many function arguments", many.summary());
    assertEquals(1, many.argIndex());
  }

  /**
   * The functions that read secrets are not called (no secrets, no network at conversion time): a
   * call is an unknown, sensitive string, as a data source's value is, whatever its arguments, and
   * the mapper refuses it where it would reach the output.
   */
  @Test
  void secretReadersGiveAnUnknownSensitiveString() throws FunctionException {
    for (String name :
        List.of(
            "vault", "consul_key", "aws_secretsmanager", "aws_secretsmanager_raw", "rsadecrypt")) {
      for (List<Value> args :
          List.<List<Value>>of(
              List.of(),
              List.of(Value.string("secret/data/azure"), Value.string("client_secret")),
              List.of(Value.unknown(Type.STRING), Value.nullOf(Type.STRING)))) {
        Value v = REGISTRY.lookup(name).orElseThrow().call(args);
        assertEquals(Value.unknown(Type.STRING), v.unmarked(), name + args);
        assertTrue(v.isSensitive(), name + args);
      }
      assertTrue(SecretFunctions.readsFrom(name).isPresent(), name);
    }
    assertEquals(Optional.of("from HashiCorp Vault"), SecretFunctions.readsFrom("vault"));
    assertEquals(Optional.empty(), SecretFunctions.readsFrom("bcrypt"));
  }

  @Test
  void bcryptIsAnUnknownSensitiveString() throws FunctionException {
    Value v = call("bcrypt", Value.string("pw"));
    assertTrue(v.isSensitive());
    assertFalse(v.isKnown());
    assertEquals(Type.STRING, v.type());
    assertThrows(
        FunctionException.class, () -> call("bcrypt", Value.string("pw"), Value.number(99)));
    // Go takes a cost below 4 as its default cost, 10.
    for (int cost : new int[] {-1, 0, 3, 4, 31}) {
      Value low = call("bcrypt", Value.string("pw"), Value.number(cost));
      assertTrue(low.isSensitive(), "cost " + cost);
      assertFalse(low.isKnown(), "cost " + cost);
    }
  }

  @Test
  void theClockIsFrozenAndUuidsAreReproducible() throws FunctionException {
    FunctionRegistry a =
        FunctionRegistry.packer(
            Clock.frozenAt(TestFunctions.NOW), new TestFunctions.MemoryFiles(), null);
    FunctionRegistry b =
        FunctionRegistry.packer(
            Clock.frozenAt(TestFunctions.NOW), new TestFunctions.MemoryFiles(), null);
    Value a1 = a.lookup("uuidv4").orElseThrow().call(List.of());
    Value a2 = a.lookup("uuidv4").orElseThrow().call(List.of());
    Value b1 = b.lookup("uuidv4").orElseThrow().call(List.of());
    assertEquals(a1, b1);
    assertNotEquals(a1, a2);
    assertTrue(
        a1.unmarked()
            .asString()
            .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    assertEquals(
        a.lookup("timestamp").orElseThrow().call(List.of()),
        a.lookup("timestamp").orElseThrow().call(List.of()));
  }

  @Test
  void eachTemplateHasUuidsOfItsOwnAndTheSameOnesEveryTime() {
    Clock run = Clock.frozenAt(TestFunctions.NOW);
    Clock web = run.forTemplate(List.of("source \"azure-arm\" \"web\" {}"));
    Clock db = run.forTemplate(List.of("source \"azure-arm\" \"db\" {}"));
    Clock webAgain =
        Clock.frozenAt(TestFunctions.NOW).forTemplate(List.of("source \"azure-arm\" \"web\" {}"));
    String first = web.nextUuidV4();
    assertNotEquals(first, db.nextUuidV4());
    assertEquals(first, webAgain.nextUuidV4());
    assertEquals(web.now(), db.now());
    // The files of a folder count apart: ["ab"] is not ["a", "b"].
    assertNotEquals(
        run.forTemplate(List.of("ab")).nextUuidV4(),
        run.forTemplate(List.of("a", "b")).nextUuidV4());
  }

  @Test
  void sourceDateEpochPinsTheClock() {
    assertEquals(
        Instant.ofEpochSecond(1700000000),
        Clock.fromSourceDateEpoch("1700000000").orElseThrow().now());
    assertEquals(Optional.empty(), Clock.fromSourceDateEpoch("yesterday"));
  }

  @Test
  void regexMatchingStopsWhenItsBudgetIsSpent() throws FunctionException {
    // Java's engine backtracks; RE2 does not. Each match may read the text a bounded number of
    // times: past that it stops with an error instead of running on.
    java.util.regex.Pattern p = GoRegex.compile("(.*a){15}", 0);
    String text = "a".repeat(14) + "b".repeat(20);
    FunctionException e =
        assertThrows(FunctionException.class, () -> GoRegex.findAll(p, text, 1, 10_000));
    assertEquals(1, e.argIndex());
    assertTrue(e.message().contains("takes too long"), e.message());
    assertEquals(List.of(), GoRegex.findAll(p, text, 1, GoRegex.budgetFor(text)));
  }

  @Test
  void oneRegexCallMayReadOnlySoMuchWhateverTheLengthOfItsText() {
    // 2,000 reads per character of text let 0*b over a long string of zeros run for seconds.
    assertEquals(GoRegex.BASE_BUDGET + 2_000 * 100, GoRegex.budgetFor("0".repeat(100)));
    assertEquals(GoRegex.MAX_BUDGET_PER_CALL, GoRegex.budgetFor("0".repeat(1_000_000)));
  }

  @Test
  void theRegexCallsOfATemplateShareOneBudget() throws FunctionException {
    Value zeros = Value.string("0".repeat(10_000));
    RegexBudget template = new RegexBudget(30_000_000);
    try (RegexBudget.Scope scope = template.use()) {
      // 0*b backtracks over the zeros from each start: a call's own budget stops it first ...
      FunctionException own =
          assertThrows(FunctionException.class, () -> call("regex", Value.string("0*b"), zeros));
      assertTrue(own.message().startsWith("the regular expression takes too long"), own.message());
      // ... and what it read is gone from the template's, so the next call cannot have as much.
      FunctionException shared =
          assertThrows(FunctionException.class, () -> call("regex", Value.string("0*b"), zeros));
      assertEquals(
          "the template's regular expressions together have read more than 30,000,000"
              + " characters: Java's regular expression engine backtracks where Go's does not, and"
              + " a pattern of this template makes it try the same characters again and again."
              + " Simplify the pattern: anchor it (^…$) where it must match the whole string, and"
              + " avoid a repeated part that can match the same text in more than one way ((a+)+,"
              + " (a|ab)*) or that fails only after a long run (0*b over a string of zeros).",
          shared.message());
      assertThrows(
          FunctionException.class, () -> call("regex", Value.string("a"), Value.string("a")));
    }
    // Another template (or none) starts afresh.
    assertEquals(Value.string("a"), call("regex", Value.string("a"), Value.string("a")));
  }

  @Test
  void widthsPrecisionsAndIndentsAreHonouredUpToWhatAStringMayHold() throws FunctionException {
    // They were capped at 10,000 without a word; Packer gives 15000, 15000 and 20003.
    String zeros = "0".repeat(15_000);
    assertEquals(Value.string(zeros), call("format", Value.string("%015000d"), Value.number(0)));
    assertEquals(
        Value.string(zeros), call("format", Value.string("%.20000s"), Value.string(zeros)));
    assertEquals(
        Value.string("a\n" + " ".repeat(20_000) + "b"),
        call("indent", Value.number(20_000), Value.string("a\nb")));
    assertTrue(
        Value.string("0.5" + "0".repeat(19_999))
            .equals(call("format", Value.string("%.20000f"), Value.number("0.5"))));
    assertTrue(
        Value.string("1.5" + "0".repeat(19_999) + "e+02")
            .equals(call("format", Value.string("%.20000e"), Value.number(150))));
    assertEquals(
        Value.string("2.500|2|3.|1.23e+04|    -1.500|1.50000e+00"),
        call(
            "format",
            Value.string("%.3f|%.0f|%#.0f|%.2e|%10.3f|%.5e"),
            Value.number("2.5"),
            Value.number("2.5"),
            Value.number(3),
            Value.number("12345.678"),
            Value.number("-1.5"),
            Value.number("1.5")));

    FunctionException width =
        assertThrows(
            FunctionException.class,
            () -> call("format", Value.string("%099999999999d"), Value.number(0)));
    assertEquals(
        "the width or precision 99999999999 is more than the 16,777,216 characters a string may"
            + " hold",
        width.message());
    FunctionException twice =
        assertThrows(
            FunctionException.class,
            () ->
                call(
                    "format",
                    Value.string("%16000000d%16000000d"),
                    Value.number(0),
                    Value.number(0)));
    assertEquals(
        "the result would be 32,000,000 characters long, more than the 16,777,216 a string may"
            + " hold",
        twice.message());
    FunctionException indent =
        assertThrows(
            FunctionException.class,
            () -> call("indent", Value.number(10_000_000), Value.string("a\nb\nc")));
    assertEquals(
        "the result would be 20,000,005 characters long, more than the 16,777,216 a string may"
            + " hold",
        indent.message());
  }

  /**
   * Functions whose result can be many times their arguments' size are bounded as they build it: a
   * long separator, replacement or format repeated for many elements made gigabytes before the
   * result could be measured. These arguments are kilobytes; the results would pass 16 MiB.
   */
  @Test
  void functionsThatMultiplyTheirArgumentsStopBeforeTheResultPassesWhatAValueMayHold() {
    Value spaces = Value.string(" ".repeat(1_000));
    Value long20k = Value.string("y".repeat(20_000));
    Value range1000 =
        Value.tuple(
            java.util.stream.IntStream.range(0, 1000).mapToObj(i -> Value.string("e")).toList());

    FunctionException replace =
        assertThrows(
            FunctionException.class, () -> call("replace", spaces, Value.string(" "), long20k));
    assertEquals(
        "the result would be 20,000,000 characters long, more than the 16,777,216 a string may"
            + " hold",
        replace.message());
    FunctionException everywhere =
        assertThrows(
            FunctionException.class, () -> call("replace", spaces, Value.string(""), long20k));
    assertEquals(
        "the result would be 20,021,000 characters long, more than the 16,777,216 a string may"
            + " hold",
        everywhere.message(),
        "an empty substring is replaced before and after each character");
    FunctionException join =
        assertThrows(FunctionException.class, () -> call("join", long20k, range1000));
    assertTrue(join.message().startsWith("the result would be 16,"), join.message());
    FunctionException regexReplace =
        assertThrows(
            FunctionException.class,
            () -> call("regex_replace", spaces, Value.string(" "), long20k));
    assertTrue(
        regexReplace.message().startsWith("the result would be 16,"), regexReplace.message());
    FunctionException formatlist =
        assertThrows(
            FunctionException.class,
            () -> call("formatlist", Value.string("%s" + "z".repeat(20_000)), range1000));
    assertEquals(
        "the strings of the result would hold more than 16,780,839 characters together, more than"
            + " the 16,777,216 a value may hold",
        formatlist.message());
  }

  /**
   * A function that makes elements out of a string makes at most 1,000,000: each costs the JVM some
   * 60 bytes, and split("", s) or regexall(" ", s) of a long string ran it out of memory.
   */
  @Test
  void functionsMakeAtMostAMillionElementsOutOfAString() throws FunctionException {
    Value million1 = Value.string(" ".repeat(1_000_001));
    String detail =
        "the result would have more than 1,000,000 %s, more than one call may make (no image"
            + " template needs that many); give it a shorter text";

    FunctionException chars =
        assertThrows(FunctionException.class, () -> call("split", Value.string(""), million1));
    assertEquals(String.format(detail, "pieces"), chars.message());
    FunctionException pieces =
        assertThrows(
            FunctionException.class,
            () -> call("split", Value.string(" "), Value.string(" ".repeat(1_000_000))));
    assertEquals(String.format(detail, "pieces"), pieces.message(), "1,000,001 pieces");
    FunctionException json =
        assertThrows(
            FunctionException.class,
            () -> call("jsondecode", Value.string("[" + "0,".repeat(1_000_000) + "0]")));
    assertEquals(String.format(detail, "values"), json.message());
    FunctionException csv =
        assertThrows(
            FunctionException.class,
            () -> call("csvdecode", Value.string("a\n" + "1\n".repeat(1_000_000))));
    assertEquals(String.format(detail, "fields"), csv.message());
    FunctionException matches =
        assertThrows(FunctionException.class, () -> call("regexall", Value.string(" "), million1));
    assertEquals(String.format(detail, "matches"), matches.message());
    assertEquals(
        1_000_000,
        call("split", Value.string(" "), Value.string(" ".repeat(999_999))).elements().size());
  }

  @Test
  void regexSyntaxIsGos() throws FunctionException {
    assertEquals(
        Value.string("b-a"),
        call(
            "regex_replace",
            Value.string("a-b"),
            Value.string("(?P<x>\\w)-(?P<y>\\w)"),
            Value.string("${y}-${x}")));
    assertEquals(
        Value.string("X1"),
        call("regex_replace", Value.string("a1"), Value.string("[[:alpha:]]"), Value.string("X")));
    // $ is end of text (not before a final newline) unless multi-line mode is on.
    assertEquals(
        Value.string("a\nb"),
        call("regex_replace", Value.string("a\nb"), Value.string("a$"), Value.string("x")));
    assertEquals(
        Value.string("x\nb"),
        call("regex_replace", Value.string("a\nb"), Value.string("(?m)a$"), Value.string("x")));
    assertThrows(
        FunctionException.class,
        () -> call("regex_replace", Value.string("a"), Value.string("(a)\\1"), Value.string("x")));
  }

  /** A file over the limit is refused, not read into a string of gigabytes. */
  @Test
  void fileFunctionsRefuseFilesLargerThanATemplateCanHold() throws FunctionException {
    TestFunctions.MemoryFiles files = new TestFunctions.MemoryFiles();
    files.putBytes("/work/tpl/big.bin", new byte[FileFunctions.MAX_FILE + 1]);
    files.putBytes("/work/tpl/edge.bin", new byte[FileFunctions.MAX_FILE]);
    FunctionRegistry r = FunctionRegistry.packer(Clock.frozenAt(TestFunctions.NOW), files, null);
    for (String name : List.of("file", "filebase64")) {
      FunctionException e =
          assertThrows(
              FunctionException.class,
              () -> r.lookup(name).orElseThrow().call(List.of(Value.string("big.bin"))));
      assertEquals(
          "Invalid value for \"path\" parameter: big.bin is larger than 16777216 bytes, more than"
              + " a template can hold; larger files are not read.",
          e.detail(name, "path"));
    }
    Value edge = r.lookup("filebase64").orElseThrow().call(List.of(Value.string("edge.bin")));
    assertEquals(FileFunctions.MAX_FILE / 3 * 4 + 4, edge.asString().length());
  }

  @Test
  void templatefileCallsTheHook() throws FunctionException {
    TemplateRenderer renderer =
        (template, file, vars, functions) -> {
          assertTrue(functions.lookup("templatefile").isEmpty(), "no recursion into templatefile");
          return Value.string(
              template.trim() + " " + vars.get("name").asString() + " from " + file);
        };
    FunctionRegistry r =
        FunctionRegistry.packer(
            Clock.frozenAt(TestFunctions.NOW), new TestFunctions.MemoryFiles(), renderer);
    Value v =
        r.lookup("templatefile")
            .orElseThrow()
            .call(
                List.of(
                    Value.string("hello.txt"), Value.object(Map.of("name", Value.string("Ann")))));
    assertEquals(Value.string("Hello, file! Ann from hello.txt"), v);
    FunctionException e =
        assertThrows(
            FunctionException.class,
            () ->
                r.lookup("templatefile")
                    .orElseThrow()
                    .call(
                        List.of(
                            Value.string("hello.txt"), Value.object(Map.of("1x", Value.TRUE)))));
    assertTrue(e.message().startsWith("invalid template variable name \"1x\""));
  }

  @Test
  void formatQuotesAsJsonAndCountsGraphemeClusters() throws FunctionException {
    // %q is json.Marshal's string: DEL and C1 controls stay raw, other controls are escaped.
    assertEquals(
        Value.string("\"a\u007fb\u0080\\u001f\\u003e\""),
        call("format", Value.string("%q"), Value.string("a\u007fb\u0080\u001f>")));
    // Grapheme clusters: an emoji with a skin tone, a flag, CR LF, a combining mark; a ZWJ family
    // pads as one.
    assertEquals(
        Value.string("\ud83d\udc4d\ud83c\udffd|\ud83c\udde9\ud83c\uddea|\r\n|x\u0301|"),
        call(
            "format",
            Value.string("%.1s|%.1s|%.1s|%.1s|"),
            Value.string("\ud83d\udc4d\ud83c\udffdx"),
            Value.string("\ud83c\udde9\ud83c\uddea\ud83c\uddeb\ud83c\uddf7"),
            Value.string("\r\nx"),
            Value.string("x\u0301y")));
    assertEquals(
        Value.string("  \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67|x\u0301000|"),
        call(
            "format",
            Value.string("%3s|%-04s|"),
            Value.string("\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67"),
            Value.string("x\u0301")));
  }

  @Test
  void formatErrorsGiveTheOffsetOfTheirVerbInBytes() throws FunctionException {
    // é is two bytes and € three, so the verb after "é€%s " is at byte 8 (character 5).
    assertEquals(
        "unsupported value for \"%d\" at 8: an integer is required",
        formatError(Value.string("é€%s %d"), Value.string("a"), Value.number("1.5")));
    assertEquals(
        "unsupported format verb 'z' in \"%z\" at offset 8",
        formatError(Value.string("é€%s %z"), Value.string("a"), Value.number(1)));
    assertEquals(
        "not enough arguments for \"%s\" at 8: need index 2 but have 1 total",
        formatError(Value.string("é€%s %s"), Value.string("a")));
    assertEquals(
        "unsupported value for \"%s\" at 5: null value cannot be formatted",
        formatError(Value.string("€%s%s"), Value.string("a"), Value.nullOf(Type.STRING)));
    // After a thousand verbs, each three bytes of text and two of verb: the offset counts them all.
    Value[] args = new Value[1002];
    args[0] = Value.string("€%s".repeat(1000) + "%d");
    java.util.Arrays.fill(args, 1, 1001, Value.string("x"));
    args[1001] = Value.number("1.5");
    assertEquals("unsupported value for \"%d\" at 5000: an integer is required", formatError(args));
    args[1001] = Value.number(7);
    assertEquals(Value.string("€x".repeat(1000) + "7"), call("format", args));
    // formatlist reports the row, and the offset within the format.
    FunctionException row =
        assertThrows(
            FunctionException.class,
            () ->
                call(
                    "formatlist",
                    Value.string("é%s|%d"),
                    Value.tuple(Value.string("a"), Value.string("b")),
                    Value.tuple(Value.number(1), Value.number("1.5"))));
    assertEquals(
        "error on format iteration 1: unsupported value for \"%d\" at 5: an integer is required",
        row.message());
  }

  private static String formatError(Value... args) {
    return assertThrows(FunctionException.class, () -> call("format", args)).message();
  }

  @Test
  void csvdecodeNamesTheFirstRepeatedColumn() {
    assertEquals(
        "duplicate column name \"a\"",
        assertThrows(FunctionException.class, () -> call("csvdecode", Value.string("b,a,a,b\n")))
            .message());
    StringBuilder wide = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      wide.append('c').append(i).append(',');
    }
    wide.append("c4321,c17\n");
    assertEquals(
        "duplicate column name \"c4321\"",
        assertThrows(
                FunctionException.class, () -> call("csvdecode", Value.string(wide.toString())))
            .message());
  }

  @Test
  void legacyIsotimeReadsEveryElementOfALayout() throws FunctionException {
    // The clock is frozen at 2024-03-04T05:06:07Z, a Monday, the 64th day of the year.
    assertEquals(
        Value.string("Mon Mar  4 05:06:07.000 UTC 2024  64 064 AM am Z +0000  5:6:7 24 03/04"),
        call(
                "legacy_isotime",
                Value.string(
                    "Mon Jan _2 15:04:05.000 MST 2006 __2 002 PM pm Z07:00 -0700 ,999 3:4:5 06"
                        + " 01/02"))
            .unmarked());
    assertEquals(
        Value.string("Mar.".repeat(3000) + "March"),
        call("legacy_isotime", Value.string("Jan.".repeat(3000) + "January")).unmarked());
  }

  @Test
  void regexReplaceTemplatesExpandOnlyWellFormedReferences() throws FunctionException {
    assertEquals(
        Value.string("ab|${|${1|$}|${x-y}|b}c"),
        call(
            "regex_replace",
            Value.string("abc"),
            Value.string("(b)"),
            Value.string("${1}|${|${1|$}|${x-y}|${1}}")));
    assertEquals(
        Value.string("a${1${c"),
        call("regex_replace", Value.string("abc"), Value.string("b"), Value.string("${1${")));
    assertEquals(
        Value.string("x" + "${".repeat(5000) + "b" + "${".repeat(5000) + "by"),
        call(
            "regex_replace",
            Value.string("xbby"),
            Value.string("b"),
            Value.string("${".repeat(5000) + "${0}")));
  }

  @Test
  void specialForms() throws FunctionException {
    LazyArgument fails =
        () ->
            new LazyArgument.Failure(
                List.of(
                    new LazyArgument.Problem("Bad", "It broke.", Optional.of("a.pkr.hcl:1,2-3"))));
    LazyArgument works = () -> new LazyArgument.Success(Value.number(1));
    LazyArgument unknown =
        new LazyArgument() {
          @Override
          public Outcome evaluate() {
            throw new AssertionError("must not be evaluated");
          }

          @Override
          public boolean dependsOnUnknowns() {
            return true;
          }
        };
    assertTrue(REGISTRY.isSpecialForm("try"));
    assertEquals(Value.number(1), SpecialForms.tryEach(List.of(fails, works)));
    assertEquals(Value.unknown(Type.DYNAMIC), SpecialForms.tryEach(List.of(unknown, works)));
    assertEquals(Value.FALSE, SpecialForms.can(List.of(fails)));
    assertEquals(Value.unknown(Type.BOOL), SpecialForms.can(List.of(unknown)));
    FunctionException e =
        assertThrows(FunctionException.class, () -> SpecialForms.tryEach(List.of(fails)));
    assertEquals(
        "no expression succeeded:\n- Bad (at a.pkr.hcl:1,2-3)\n  It broke.\n\n"
            + "At least one expression must produce a successful result",
        e.message());
  }

  @Test
  void unknownFunctionSuggestsANearName() {
    FunctionException e = REGISTRY.unknownFunction("jsonencod");
    assertEquals("Call to unknown function", e.summary());
    assertEquals(
        "There is no function named \"jsonencod\". Did you mean \"jsonencode\"?", e.message());
    assertEquals("There is no function named \"zzz\"", REGISTRY.unknownFunction("zzz").message());
  }

  @Test
  void yamlencodeFoldsLongStringsLikePacker() throws FunctionException {
    String text = "word ".repeat(30).trim();
    String yaml = call("yamlencode", Value.string(text)).asString();
    assertEquals(
        "\"word word word word word word word word word word word word word word word word word\n"
            + "  word word word word word word word word word word word word word\"\n",
        yaml);
  }

  @Test
  void failuresBecomeLocatedDiagnostics() {
    io.github.packer2aib.core.source.SourceFile file =
        new io.github.packer2aib.core.source.SourceFile("a.pkr.hcl", "x = element([], 0)\n");
    FunctionException e =
        assertThrows(
            FunctionException.class, () -> call("element", Value.tuple(), Value.number(0)));
    io.github.packer2aib.core.diag.Diagnostic d =
        e.toDiagnostic("element", null, file.range(4, 18));
    assertEquals("HCLFN-E002", d.code());
    assertEquals("Error in function call", d.summary());
    assertEquals(
        "Call to function \"element\" failed: cannot use element function with an empty list.",
        d.detail());
    assertEquals("a.pkr.hcl:1:5", d.subject().orElseThrow().toString());
  }
}
