package io.github.packer2aib.core.parse.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.syntax.HclPrinter;
import io.github.packer2aib.core.hcl.syntax.HclTrees;
import io.github.packer2aib.core.hcl.syntax.SyntaxDump;
import io.github.packer2aib.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The hand-written {@link DescentParser} agrees with the ANTLR path (the generated parser, the
 * specification, and {@link HclTreeBuilder}) for every entry point: (a) when it gives a tree, the
 * ANTLR path gives no diagnostic and an equal tree (records' equality, source ranges included); (b)
 * when the ANTLR path gives no diagnostic, it gives a tree (it never gives up on valid input).
 * Checked on generated HCL text (mostly valid, with every construct of the grammar), on mutated and
 * deliberately invalid variants, on arbitrary text, and on every HCL file of the test data and the
 * shared corpus.
 *
 * <p>The generated properties assert that most of their inputs are valid (a coverage check), so
 * that (b) is exercised; run with {@code -DargLine=-Djqwik.reporting.onlyfailures=false} and
 * without the {@code StatisticsReport} annotations to see the share of each diagnostic.
 */
class DescentParserProperties {

  private static final HclParser ANTLR = HclParser.antlrOnly();

  /** The three entry points. */
  enum Entry {
    CONFIG_FILE,
    EXPRESSION,
    TEMPLATE
  }

  // ---- generated inputs -----------------------------------------------------------------------

  @Property(tries = 1500)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void agreesOnGeneratedConfigurations(@ForAll("configurations") String text) {
    agreeMostlyValid(text, Entry.CONFIG_FILE, "configuration");
  }

  @Property(tries = 1500)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void agreesOnGeneratedExpressions(@ForAll("expressions") String text) {
    agreeMostlyValid(text, Entry.EXPRESSION, "expression");
  }

  @Property(tries = 1000)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void agreesOnGeneratedTemplates(@ForAll("templates") String text) {
    agreeMostlyValid(text, Entry.TEMPLATE, "template");
  }

  /**
   * Every entry point agrees; and at least three quarters of what the generator wrote for {@code
   * entry} is valid there, so that (b) is exercised (the label's statistics count each diagnostic).
   */
  private static void agreeMostlyValid(String text, Entry entry, String label) {
    for (Entry each : Entry.values()) {
      agree(text, each);
    }
    Statistics.label(label).collect(verdict(text, entry));
    Statistics.label(label).coverage(checker -> checker.check("valid").percentage(p -> p >= 75));
  }

  /** Generated valid text with one or two small edits: mostly invalid, some still valid. */
  @Property(tries = 1500)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void agreesOnMutatedInput(@ForAll("mutated") String text) {
    int valid = 0;
    for (Entry entry : Entry.values()) {
      valid += agree(text, entry) ? 1 : 0;
    }
    Statistics.label("mutated").collect(valid > 0 ? "valid somewhere" : "invalid");
  }

  /** Trees printed by the syntax printer, another writer of valid HCL than the generator here. */
  @Property(tries = 300)
  void agreesOnPrintedTrees(@ForAll("printed") String text) {
    assertTrue(agree(text, Entry.CONFIG_FILE), () -> "printed body is invalid:\n" + text);
  }

  @Property(tries = 500)
  void agreesOnTokenSoup(@ForAll("hclSoup") String text) {
    for (Entry entry : Entry.values()) {
      agree(text, entry);
    }
  }

  @Property(tries = 300)
  void agreesOnArbitraryText(@ForAll("anyText") String text) {
    for (Entry entry : Entry.values()) {
      agree(text, entry);
    }
  }

  @Provide
  Arbitrary<String> configurations() {
    return Arbitraries.randomValue(random -> new HclText(random).configuration());
  }

  @Provide
  Arbitrary<String> expressions() {
    return Arbitraries.randomValue(random -> new HclText(random).standaloneExpression());
  }

  @Provide
  Arbitrary<String> templates() {
    return Arbitraries.randomValue(random -> new HclText(random).standaloneTemplate());
  }

  @Provide
  Arbitrary<String> mutated() {
    return Arbitraries.randomValue(
        random -> {
          HclText generator = new HclText(random);
          int kind = random.nextInt(3);
          String text =
              kind == 0
                  ? generator.configuration()
                  : kind == 1 ? generator.standaloneExpression() : generator.standaloneTemplate();
          return HclText.mutate(text, random);
        });
  }

  @Provide
  Arbitrary<String> printed() {
    return HclTrees.bodies().map(HclPrinter::print);
  }

  @Provide
  Arbitrary<String> hclSoup() {
    return new HclTokenizerProperties().hclSoup();
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(80);
  }

  // ---- cases named in the design, run every time ----------------------------------------------

  /** Valid input on which the descent parser must give a tree, and the ANTLR path's tree. */
  @Example
  void validConstructs() {
    List<String> configs =
        List.of(
            "",
            "\n\n",
            "a = 1",
            "a = 1\n",
            "a = -1 * 2 + 3 < 4 == !true && x || y ? z : w ? v : u\n",
            "a = 1 - 2 - 3\nb = 8 / 4 / 2\nc = a == b != c\nd = a < b >= c\n",
            "b \"x\" y {\n  c = 1\n\n  d \"e\" {}\n}\n",
            "b { c = 1 }\nd {}\n",
            "a = f(1, 2, xs...)\nb = p::q::f()\nc = g(1,)\nd = true(1)\n",
            "a = [for k, v in m : v if k != \"x\"]\nb = {for k, v in m : k => v... if v}\n",
            "a = x.*.y.0[1][*].z[\"k\"][i].w\nb = (x).y\nc = x[*]\n",
            "a = {\n  x = 1,\n\n  \"y\": 2\n  (z) = 3, }\nb = {}\nc = {\n}\n",
            "a = <<EOT\n  hi ${x}\n  %{ if c ~}\n  yes\n  %{~ else }no%{ endif }\nEOT\n",
            "a = <<-EOT\n    x\n  y ${z}\n  EOT\n",
            "a = \"\\n\\t\\\"\\\\\\u00e9\\U0001F600 $${x} %%{y} $ %\"\n",
            "a = \"${~ x ~}\"\nb = \"%{ for k, v in m }${k}%{ endfor }\"\n",
            "a = 1 # c\nb = 2 // d\n/* e */ c = 3\n",
            "a = [\n  1,\n  2\n]\nb = f(\n  1\n)\n",
            "é = \"\uD83D\uDE00\"\n");
    for (String text : configs) {
      assertTrue(agree(text, Entry.CONFIG_FILE), () -> "not valid: " + text);
    }
    for (String text : List.of("1", "\n a + b \n\n", "{\n a = 1\n}", "x ? y : z")) {
      assertTrue(agree(text, Entry.EXPRESSION), () -> "not valid: " + text);
    }
    for (String text : List.of("", "a ${b} c\n%{ if x }y%{ endif }", "$${x}\n", "%{for x in y}z")) {
      boolean valid = agree(text, Entry.TEMPLATE);
      assertEquals(!text.startsWith("%{for"), valid, text);
    }
  }

  /** Input the ANTLR path reports something for: the descent parser must give up on each. */
  @Example
  void givesUpWhereTheTreeBuilderReports() {
    List<String> configs =
        List.of(
            "a = 1\na = 2\n",
            "b \"${x}\" {}\n",
            "a = x.*.y.*\n",
            "a = x.0.1\n",
            "a = 1e99999999999\n",
            "a = [for]\n",
            "a = {for = 1}\n",
            "a = {\nfor = 1}\n",
            "a = \"\\q\"\n",
            "a = \"\\uD800\"\n",
            "a = \"%{ if x }\"\n",
            "a = \"%{ endfor }\"\n",
            "a = \"%{ for x in y }%{ else }%{ endfor }\"\n",
            "a = 1 +\n",
            "b { c = 1\n}\n",
            "b {\n  c = 1 }\n");
    for (String text : configs) {
      assertNull(descent(text, Entry.CONFIG_FILE), text);
      assertTrue(!antlr(text, Entry.CONFIG_FILE).diagnostics().isEmpty(), text);
    }
  }

  // ---- real files -----------------------------------------------------------------------------

  @Example
  void agreesOnEveryTestdataFile() {
    long valid =
        HclTestFiles.testdata().stream().filter(DescentParserProperties::agreeOnFile).count();
    assertTrue(valid > 50, "only " + valid + " valid test data files");
  }

  @Example
  void agreesOnEverySharedCorpusFile() {
    HclTestFiles.sharedCorpus().forEach(DescentParserProperties::agreeOnFile);
  }

  /** Every entry point; whether the file is valid as what its name says. */
  private static boolean agreeOnFile(Path file) {
    String text = HclTestFiles.read(file);
    boolean config = agree(text, Entry.CONFIG_FILE, file.toString());
    boolean expression = agree(text, Entry.EXPRESSION, file.toString());
    boolean template = agree(text, Entry.TEMPLATE, file.toString());
    String name = file.getFileName().toString();
    return name.endsWith(".hcl") ? config : name.endsWith(".expr") ? expression : template;
  }

  // ---- the comparison -------------------------------------------------------------------------

  /** "valid", or the code of the ANTLR path's first diagnostic: what the generator exercised. */
  private static String verdict(String text, Entry entry) {
    List<Diagnostic> diagnostics = antlr(text, entry).diagnostics();
    return diagnostics.isEmpty() ? "valid" : diagnostics.get(0).code();
  }

  private static boolean agree(String text, Entry entry) {
    return agree(text, entry, "in.hcl");
  }

  /**
   * Checks (a) and (b) for one input and entry point.
   *
   * @return whether the ANTLR path found the input valid
   */
  private static boolean agree(String text, Entry entry, String name) {
    Result expected = antlr(text, entry, name);
    Object actual = descent(text, entry, name);
    boolean valid = expected.diagnostics().isEmpty();
    if (actual != null) {
      if (!valid) {
        fail(
            "the descent parser gave a tree where the ANTLR path reports "
                + expected.diagnostics()
                + " ("
                + entry
                + ")\n  input: "
                + text.replace("\n", "\\n")
                + "\n  tree: "
                + SyntaxDump.dump(actual));
      }
      if (!expected.tree().equals(actual)) {
        assertEquals(
            SyntaxDump.dump(expected.tree()),
            SyntaxDump.dump(actual),
            "different trees (" + entry + ") for input: " + text.replace("\n", "\\n"));
        // Same shape, different ranges: the dump shows no ranges, the records do.
        assertEquals(expected.tree(), actual, "(" + entry + ") " + text.replace("\n", "\\n"));
      }
    } else if (valid) {
      fail(
          "the descent parser gave up on input the ANTLR path parses without a diagnostic ("
              + entry
              + "): "
              + text.replace("\n", "\\n"));
    }
    return valid;
  }

  record Result(Object tree, List<Diagnostic> diagnostics) {}

  private static Result antlr(String text, Entry entry) {
    return antlr(text, entry, "in.hcl");
  }

  private static Result antlr(String text, Entry entry, String name) {
    SourceFile file = new SourceFile(name, text);
    switch (entry) {
      case EXPRESSION:
        HclExpressionResult expression = ANTLR.parseExpression(file);
        return new Result(expression.expression(), expression.diagnostics());
      case TEMPLATE:
        HclTemplateResult template = ANTLR.parseTemplate(file);
        return new Result(template.template(), template.diagnostics());
      default:
        HclParseResult config = ANTLR.parse(file);
        return new Result(config.body(), config.diagnostics());
    }
  }

  private static Object descent(String text, Entry entry) {
    return descent(text, entry, "in.hcl");
  }

  /** The descent parser's tree, or null where it gives up (or where HclParser would not ask). */
  private static Object descent(String text, Entry entry, String name) {
    SourceFile file = new SourceFile(name, text);
    HclTokenizer.Start start = HclTokenizer.Start.valueOf(entry.name());
    Lexed tokens = HclTokenizer.scan(text, start);
    if (tokens.tooDeep() >= 0) {
      return null;
    }
    Locator locator = new Locator(file);
    switch (entry) {
      case EXPRESSION:
        return DescentParser.standaloneExpression(tokens, locator);
      case TEMPLATE:
        return DescentParser.standaloneTemplate(tokens, locator);
      default:
        return DescentParser.configFile(tokens, locator);
    }
  }

  // ---- the generator --------------------------------------------------------------------------

  /**
   * Writes random HCL text with every construct of the grammar, in varied layout (spaces, comments,
   * newlines where they are allowed). Mostly valid; now and then it writes one of the things the
   * tree builder reports (a duplicate attribute, a nested splat, an invalid escape, an unbalanced
   * directive, …), so that the descent parser's giving up is exercised too.
   */
  static final class HclText {
    private static final List<String> NAMES =
        List.of("a", "b", "x_1", "name", "var", "local", "é", "for_each", "in_x", "f-g");
    private static final List<String> KEYWORDS =
        List.of("for", "in", "if", "else", "endif", "endfor", "true", "false", "null");
    private static final List<String> VARIABLE_KEYWORDS =
        List.of("in", "if", "else", "endif", "endfor");
    private static final List<String> NUMBERS =
        List.of("0", "1", "42", "1.5", "1e3", "2.5E-2", "007", "1e+10");
    private static final List<String> BINARY =
        List.of("*", "/", "%", "+", "-", ">", ">=", "<", "<=", "==", "!=", "&&", "||");
    private static final List<String> TEXT =
        List.of(
            "x", "hello world", " ", "$", "%", "$$", "%%", "a}b", "é", "\uD83D\uDE00", "~", "\t");
    private static final List<String> ESCAPES =
        List.of("\\n", "\\r", "\\t", "\\\"", "\\\\", "\\u00e9", "\\U0001F600", "$${", "%%{");
    private static final List<String> MUTATIONS =
        List.of(
            "=", "{", "}", "[", "]", "(", ")", "\"", "${", "%{", "~}", ",", ".", "*", "...", "=>",
            "?", ":", "::", "\n", " ", "for ", " in ", "if ", "<<EOT\n", "EOT\n", "\\", "#", "/*",
            "1", "a", "-", "!", "&&");

    private final Random random;
    private int nameCounter;

    HclText(Random random) {
      this.random = random;
    }

    // ---- entry points ----

    String configuration() {
      StringBuilder out = new StringBuilder();
      if (chance(10)) {
        out.append(comment()).append('\n');
      }
      body(out, 0, "");
      if (chance(20) && out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
        // The last item may end at the end of the file instead of a newline.
        out.setLength(out.length() - 1);
      }
      return out.toString();
    }

    String standaloneExpression() {
      return newlines() + space() + expression(3) + space() + newlines();
    }

    String standaloneTemplate() {
      StringBuilder out = new StringBuilder();
      templateParts(out, 3, true, false);
      return out.toString();
    }

    /**
     * One or two edits: a deletion, an insertion of an HCL-ish fragment, a duplication, or the
     * deletion of a line break or a delimiter (where the grammar is most particular).
     */
    static String mutate(String text, Random random) {
      String result = text;
      int edits = 1 + random.nextInt(2);
      for (int i = 0; i < edits; i++) {
        int at = result.isEmpty() ? 0 : random.nextInt(result.length() + 1);
        int kind = random.nextInt(5);
        if (kind >= 3) {
          int target = randomOccurrence(result, kind == 3 ? "\n" : "{}[]()\"", random);
          if (target >= 0) {
            result = result.substring(0, target) + result.substring(target + 1);
            continue;
          }
        }
        switch (kind) {
          case 0:
            int end = Math.min(result.length(), at + 1 + random.nextInt(3));
            result = result.substring(0, at) + result.substring(end);
            break;
          case 1:
            result =
                result.substring(0, at)
                    + MUTATIONS.get(random.nextInt(MUTATIONS.size()))
                    + result.substring(at);
            break;
          default:
            int to = Math.min(result.length(), at + random.nextInt(8));
            result = result.substring(0, to) + result.substring(at, to) + result.substring(to);
        }
      }
      return result;
    }

    /** The index of a random one of the characters {@code of} in {@code text}, or -1. */
    private static int randomOccurrence(String text, String of, Random random) {
      int count = 0;
      for (int i = 0; i < text.length(); i++) {
        count += of.indexOf(text.charAt(i)) >= 0 ? 1 : 0;
      }
      if (count == 0) {
        return -1;
      }
      int pick = random.nextInt(count);
      for (int i = 0; ; i++) {
        if (of.indexOf(text.charAt(i)) >= 0 && pick-- == 0) {
          return i;
        }
      }
    }

    // ---- structure ----

    private void body(StringBuilder out, int depth, String indent) {
      int items = random.nextInt(depth == 0 ? 6 : 4);
      List<String> used = new java.util.ArrayList<>();
      for (int i = 0; i < items; i++) {
        if (chance(10)) {
          out.append(indent).append(chance(50) ? "" : comment()).append('\n');
        }
        if (depth < 2 && chance(35)) {
          block(out, depth, indent);
        } else {
          String name;
          if (!used.isEmpty() && chance(1)) {
            name = used.get(0); // a duplicate: reported by the tree builder
          } else {
            name = uniqueName();
            used.add(name);
          }
          out.append(indent).append(name).append(space()).append('=').append(space());
          if (chance(10)) {
            // A heredoc's end line ends the attribute too.
            out.append(heredoc(2));
            continue;
          }
          out.append(expression(3)).append(space());
          if (chance(10)) {
            out.append(chance(50) ? "# c" : "// c");
          }
          out.append('\n');
        }
      }
    }

    private void block(StringBuilder out, int depth, String indent) {
      out.append(indent).append(anyName());
      int labels = random.nextInt(3);
      for (int i = 0; i < labels; i++) {
        out.append(' ');
        if (chance(60)) {
          out.append('"');
          if (chance(1)) {
            out.append("${x}"); // an interpolation in a label: reported
          } else {
            quotedText(out);
          }
          out.append('"');
        } else {
          out.append(anyName());
        }
      }
      out.append(space()).append('{');
      int form = random.nextInt(10);
      if (form == 0) {
        out.append(space()).append('}');
      } else if (form == 1) {
        out.append(' ').append(anyName()).append(" = ").append(expression(2)).append(" }");
      } else {
        out.append('\n');
        body(out, depth + 1, indent + "  ");
        out.append(indent).append('}');
      }
      out.append('\n');
    }

    // ---- expressions ----

    String expression(int depth) {
      if (depth <= 0) {
        return term(0);
      }
      switch (random.nextInt(10)) {
        case 0:
          return (chance(50) ? "-" : "!") + space() + expression(depth - 1);
        case 1:
        case 2:
          StringBuilder chain = new StringBuilder(expression(depth - 1));
          int operators = 1 + random.nextInt(3);
          for (int i = 0; i < operators; i++) {
            String operator = BINARY.get(random.nextInt(BINARY.size()));
            // A name may hold dashes: `a-b` is one name, `a - b` a subtraction.
            chain
                .append(operator.equals("-") ? " " : space())
                .append(operator)
                .append(space())
                .append(expression(depth - 1));
          }
          return chain.toString();
        case 3:
          return expression(depth - 1)
              + space()
              + "?"
              + space()
              + expression(depth - 1)
              + space()
              + ":"
              + space()
              + expression(depth - 1);
        default:
          return term(depth - 1);
      }
    }

    private String term(int depth) {
      String primary = primary(depth);
      int postfix = chance(30) ? 1 + random.nextInt(4) : 0;
      if (postfix > 0 && Character.isDigit(primary.charAt(0))) {
        // `1` and `.0` would be one number, `1.5.0` the number 1.5 with a legacy index.
        primary = "(" + primary + ")";
      }
      StringBuilder out = new StringBuilder(primary);
      // `.*` steps then `.*` again is a nested splat, and `.0.1` one number: reported, so rare.
      boolean inAttributeSplat = false;
      boolean afterLegacyIndex = false;
      for (int i = 0; i < postfix; i++) {
        int pick = random.nextInt(7);
        if ((pick == 3 && inAttributeSplat || pick == 2 && afterLegacyIndex) && !chance(5)) {
          pick = 0;
        }
        inAttributeSplat = pick == 3 || inAttributeSplat && pick <= 2;
        afterLegacyIndex = pick == 2;
        switch (pick) {
          case 0:
          case 1:
            out.append('.').append(anyName());
            break;
          case 2:
            out.append('.').append(chance(1) ? "0.1" : String.valueOf(random.nextInt(3)));
            break;
          case 3:
            out.append(".*");
            break;
          case 4:
            out.append("[*]");
            break;
          default:
            out.append('[').append(space()).append(expression(depth)).append(space()).append(']');
        }
      }
      return out.toString();
    }

    private String primary(int depth) {
      int pick = depth <= 0 ? random.nextInt(4) : random.nextInt(14);
      switch (pick) {
        case 0:
          if (chance(1)) {
            return "1e99999999999"; // out of range: reported
          }
          return NUMBERS.get(random.nextInt(NUMBERS.size()));
        case 1:
          return List.of("true", "false", "null").get(random.nextInt(3));
        case 2:
          return chance(10)
              ? VARIABLE_KEYWORDS.get(random.nextInt(VARIABLE_KEYWORDS.size()))
              : NAMES.get(random.nextInt(NAMES.size()));
        case 3:
          StringBuilder quoted = new StringBuilder("\"");
          if (depth <= 0) {
            quotedText(quoted);
          } else {
            templateParts(quoted, depth, false, false);
          }
          return quoted.append('"').toString();
        case 4:
          // In parentheses, where the newline after its end line is not significant.
          return "(" + heredoc(depth) + ")";
        case 5:
        case 6:
          return call(depth);
        case 7:
          return tuple(depth);
        case 8:
        case 9:
          return object(depth);
        case 10:
          return "(" + space() + expression(depth) + space() + ")";
        case 11:
          return forTuple(depth);
        case 12:
          return forObject(depth);
        default:
          if (chance(10)) {
            return chance(50) ? "[for]" : "{for = 1}"; // a leading for: reported
          }
          return NAMES.get(random.nextInt(NAMES.size()));
      }
    }

    private String call(int depth) {
      StringBuilder out = new StringBuilder();
      if (chance(15)) {
        out.append(anyName()).append("::");
        if (chance(50)) {
          out.append(anyName()).append("::");
        }
      }
      out.append(chance(5) ? "true" : NAMES.get(random.nextInt(NAMES.size()))).append('(');
      int args = random.nextInt(4);
      for (int i = 0; i < args; i++) {
        if (i > 0) {
          out.append(',').append(chance(20) ? "\n" : space());
        }
        out.append(expression(depth - 1));
      }
      if (args > 0 && chance(20)) {
        out.append(chance(50) ? "," : "...");
      }
      return out.append(')').toString();
    }

    private String tuple(int depth) {
      StringBuilder out = new StringBuilder("[");
      int elements = random.nextInt(4);
      for (int i = 0; i < elements; i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(chance(20) ? "\n" : space()).append(expression(depth - 1));
      }
      if (elements > 0 && chance(20)) {
        out.append(',');
      }
      return out.append(chance(20) ? "\n" : space()).append(']').toString();
    }

    private String object(int depth) {
      StringBuilder out = new StringBuilder("{");
      int items = random.nextInt(4);
      if (chance(30)) {
        out.append('\n');
      }
      for (int i = 0; i < items; i++) {
        if (i > 0) {
          int separator = random.nextInt(4);
          out.append(
              separator == 0 ? "," : separator == 1 ? ",\n" : separator == 2 ? "\n" : "\n\n");
        }
        String key =
            chance(60)
                ? anyNameButFor()
                : chance(50)
                    ? "\"" + NAMES.get(random.nextInt(NAMES.size())) + "\""
                    : "(" + expression(depth - 1) + ")";
        out.append(space()).append(key).append(space()).append(chance(70) ? "=" : ":");
        out.append(space()).append(expression(depth - 1));
      }
      if (items > 0 && chance(30)) {
        out.append(chance(50) ? "," : "\n");
      }
      return out.append(space()).append('}').toString();
    }

    private String forTuple(int depth) {
      return "["
          + space()
          + forIntro(depth)
          + space()
          + expression(depth - 1)
          + forCondition(depth)
          + space()
          + "]";
    }

    private String forObject(int depth) {
      return "{"
          + space()
          + forIntro(depth)
          + space()
          + expression(depth - 1)
          + space()
          + "=>"
          + space()
          + expression(depth - 1)
          + (chance(30) ? "..." : "")
          + forCondition(depth)
          + space()
          + "}";
    }

    private String forIntro(int depth) {
      return "for "
          + anyName()
          + (chance(50) ? "," + space() + anyName() : "")
          + " in "
          + expression(depth - 1)
          + space()
          + ":";
    }

    private String forCondition(int depth) {
      return chance(30) ? " if " + expression(depth - 1) : "";
    }

    // ---- templates ----

    private String heredoc(int depth) {
      boolean indented = chance(50);
      String marker = chance(50) ? "EOT" : "END_X";
      String indent = indented ? " ".repeat(random.nextInt(4)) : "";
      StringBuilder out = new StringBuilder("<<").append(indented ? "-" : "").append(marker);
      out.append('\n');
      int lines = random.nextInt(4);
      for (int i = 0; i < lines; i++) {
        out.append(indent).append(chance(20) ? "  " : "");
        templateParts(out, depth, true, true);
        out.append('\n');
      }
      return out.append(indent).append(marker).append('\n').toString();
    }

    /**
     * Template parts: text, escapes, interpolations and balanced directives.
     *
     * @param lines whether line breaks may appear (standalone templates)
     * @param heredoc inside a heredoc (no line break in the parts; no quote escapes needed)
     */
    private void templateParts(StringBuilder out, int depth, boolean lines, boolean heredoc) {
      int parts = random.nextInt(5);
      for (int i = 0; i < parts; i++) {
        int pick = random.nextInt(depth <= 0 ? 2 : 8);
        switch (pick) {
          case 0:
            if (heredoc) {
              out.append(TEXT.get(random.nextInt(TEXT.size())).replace("\"", ""));
            } else {
              quotedText(out);
            }
            break;
          case 1:
            if (lines && !heredoc && chance(50)) {
              out.append('\n');
            } else {
              out.append(chance(1) ? "\\q" : ESCAPES.get(random.nextInt(ESCAPES.size())));
            }
            break;
          case 2:
          case 3:
          case 4:
            separate(out);
            out.append(chance(20) ? "${~" : "${").append(space()).append(expression(depth - 1));
            out.append(space()).append(chance(20) ? "~}" : "}");
            break;
          case 5:
          case 6:
            separate(out);
            out.append(open()).append("if ").append(expression(depth - 1)).append(close());
            templateParts(out, depth - 1, lines, heredoc);
            if (chance(40)) {
              separate(out);
              out.append(open()).append("else").append(close());
              templateParts(out, depth - 1, lines, heredoc);
            }
            if (!chance(1)) {
              separate(out);
              out.append(open()).append("endif").append(close());
            }
            break;
          default:
            separate(out);
            out.append(open()).append("for ").append(anyName());
            if (chance(50)) {
              out.append(", ").append(anyName());
            }
            out.append(" in ").append(expression(depth - 1)).append(close());
            templateParts(out, depth - 1, lines, heredoc);
            separate(out);
            out.append(open()).append(chance(1) ? "endif" : "endfor").append(close());
        }
      }
    }

    private String open() {
      return (chance(20) ? "%{~" : "%{") + space();
    }

    /** `$` or `%` before `${` or `%{` would make an escape (`$${`) of the sequence. */
    private static void separate(StringBuilder out) {
      int last = out.length() - 1;
      if (last >= 0 && (out.charAt(last) == '$' || out.charAt(last) == '%')) {
        out.append(' ');
      }
    }

    private String close() {
      return space() + (chance(20) ? "~}" : "}");
    }

    private void quotedText(StringBuilder out) {
      out.append(TEXT.get(random.nextInt(TEXT.size())));
    }

    // ---- small pieces ----

    private String uniqueName() {
      return NAMES.get(random.nextInt(NAMES.size())) + "_" + nameCounter++;
    }

    private String anyName() {
      return chance(15)
          ? KEYWORDS.get(random.nextInt(KEYWORDS.size()))
          : NAMES.get(random.nextInt(NAMES.size()));
    }

    /** An object key: `for` first in an object is reported, so only on purpose (rarely). */
    private String anyNameButFor() {
      String name = anyName();
      return name.equals("for") && !chance(10) ? "x" : name;
    }

    private String space() {
      int pick = random.nextInt(12);
      return pick < 6 ? "" : pick < 10 ? " " : pick == 10 ? "  " : " /* c */ ";
    }

    private String newlines() {
      return chance(30) ? "\n".repeat(1 + random.nextInt(2)) : "";
    }

    private String comment() {
      return chance(50) ? "# comment" : "/* block\n comment */";
    }

    private boolean chance(int percent) {
      return random.nextInt(100) < percent;
    }
  }
}
