package io.github.packer2aib.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.DefaultLocale;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonReaderTest {

  private static ParseResult read(String text) {
    return JsonReader.read(new SourceFile("f.json", text));
  }

  private static DocNode readOk(String text) {
    ParseResult result = read(text);
    assertEquals(List.of(), Diags.describe(result));
    assertEquals(1, result.documents().size());
    return result.documents().get(0);
  }

  // ---- halves of surrogate pairs ----------------------------------------------------------

  private static final String LONE_DETAIL =
      "This string escapes one half of a UTF-16 surrogate pair without the other (such as"
          + " \\ud800), which no UTF-8 file can hold: it was replaced by U+FFFD, as Packer's JSON"
          + " reader does. Escape both halves of the pair (\\ud83d\\ude00 for an emoji) or write"
          + " the character itself.";

  @Test
  void halvesOfSurrogatePairsAloneAreReplacedWithAWarningAndPairsKept() {
    String text =
        "{\"a\": \"x\\ud800y\", \"b\\udc00\": [\"\\ud83d\\ude00\", \"\\\\ud83d\\udc00\","
            + " \"\\ude00\\ud83d\"]}";
    ParseResult result = read(text);

    assertEquals(
        List.of(
            "JSON-W101 Half of a surrogate pair @1:7-1:17 [/a]: " + LONE_DETAIL,
            "JSON-W101 Half of a surrogate pair @1:19-1:28 [/b\uFFFD]: " + LONE_DETAIL,
            // An escaped backslash before "ud83d" is no escape: the low half is alone.
            "JSON-W101 Half of a surrogate pair @1:47-1:62 [/b\uFFFD/1]: " + LONE_DETAIL,
            // Low before high: neither has its other half.
            "JSON-W101 Half of a surrogate pair @1:64-1:78 [/b\uFFFD/2]: " + LONE_DETAIL),
        Diags.describe(result));
    DocObject root = (DocObject) result.documents().get(0);
    assertEquals("x\uFFFDy", DocScalar.stringValue(root.members().get(0).value()).orElseThrow());
    assertEquals("b\uFFFD", root.members().get(1).key());
    assertEquals(
        List.of("\ud83d\ude00", "\\ud83d\uFFFD", "\uFFFD\uFFFD"),
        ((DocArray) root.members().get(1).value())
            .items().stream().map(n -> DocScalar.stringValue(n).orElseThrow()).toList());
  }

  @Test
  void aPairOfEscapesIsOneCharacterAndNoWarning() {
    DocObject root = (DocObject) readOk("{\"e\": \"\\ud83d\\ude00 \\u00e9\"}");
    assertEquals(
        "\ud83d\ude00 \u00e9", DocScalar.stringValue(root.members().get(0).value()).orElseThrow());
  }

  // ---- trees ---------------------------------------------------------------------------------

  @Test
  void readsNestedValuesKeepingNumberLiteralsAndDecodingStrings() {
    DocNode doc =
        readOk(
            "{\"s\": \"a\\\"b\\\\c\\n"
                + "\\u00e9\\ud83d\\ude00\", \"n\": [1.10, -0, 1E+5, 12345678901234567890], \"t\":"
                + " true, \"f\": false, \"z\": null, \"e\": {}, \"l\": []}");
    assertEquals(
        "{\"s\":\"a\\\"b\\\\c\\né😀\",\"n\":[1.10,-0,1E+5,12345678901234567890],\"t\":true,"
            + "\"f\":false,\"z\":null,\"e\":{},\"l\":[]}",
        DocText.render(doc));
    DocArray numbers = (DocArray) ((DocObject) doc).get("n").orElseThrow();
    assertEquals(
        List.of("1.10", "-0", "1E+5", "12345678901234567890"),
        numbers.items().stream().map(n -> ((DocScalar) n).text()).toList());
    assertTrue(
        numbers.items().stream().allMatch(n -> ((DocScalar) n).type() == DocScalar.Type.NUMBER));
    assertFalse(((DocScalar) numbers.items().get(0)).untyped());
  }

  @Test
  void rangesCoverBracketsQuotesAndLiterals() {
    SourceFile file =
        new SourceFile("f.json", "{\n  \"key\" : [ \"v\", 12, null ],\n  \"o\": {}\n}\n");
    DocObject root = (DocObject) JsonReader.read(file).documents().get(0);
    assertEquals("1:1-4:2", Diags.span(root.range()));
    DocMember key = root.members().get(0);
    assertEquals("\"key\"", Diags.text(file, key.keyRange()));
    assertEquals("2:3-2:8", Diags.span(key.keyRange()));
    DocArray array = (DocArray) key.value();
    assertEquals("[ \"v\", 12, null ]", Diags.text(file, array.range()));
    assertEquals(
        List.of("\"v\"", "12", "null"),
        array.items().stream().map(n -> Diags.text(file, n.range())).toList());
    assertEquals("{}", Diags.text(file, root.members().get(1).value().range()));
  }

  @Test
  void allowsLineAndBlockComments() {
    DocNode doc =
        readOk(
            "// leading\n{\n  /* block\n  comment */ \"a\": /* inline */ 1, // trailing\n"
                + "  \"b\": \"// not a comment\"\n}\n/* after */\n");
    assertEquals("{\"a\":1,\"b\":\"// not a comment\"}", DocText.render(doc));
    assertEquals("2:1-6:2", Diags.span(doc.range()));
  }

  @Test
  void toleratesByteOrderMarkAndCountsItAsAColumn() {
    SourceFile file = new SourceFile("f.json", "\uFEFF{\"a\": \"b\"}");
    DocObject doc = (DocObject) JsonReader.read(file).documents().get(0);
    assertEquals("{\"a\":\"b\"}", DocText.render(doc));
    // The mark is a character of the text, so the brace is at column 2.
    assertEquals("1:2-1:12", Diags.span(doc.range()));
    assertEquals("\"a\"", Diags.text(file, doc.members().get(0).keyRange()));
  }

  @Test
  void columnsCountCodePointsNotUtf16Units() {
    SourceFile file = new SourceFile("f.json", "{\"😀😀\": \"é\", \"x\": 1}");
    DocObject doc = (DocObject) JsonReader.read(file).documents().get(0);
    DocMember x = doc.members().get(1);
    // Two emoji are four UTF-16 units but two columns.
    assertEquals("1:13-1:16", Diags.span(x.keyRange()));
    assertEquals(14, x.keyRange().start().offset());
    assertEquals("1:2-1:6", Diags.span(doc.members().get(0).keyRange()));
  }

  @Test
  void crlfLineEndsCountAsOneLineBreak() {
    SourceFile file =
        new SourceFile("f.json", "{\r\n  \"a\": 1,\r\n  \"b\": [\r\n    2\r\n  ]\r\n}\r\n");
    DocObject doc = (DocObject) JsonReader.read(file).documents().get(0);
    assertEquals("{\"a\":1,\"b\":[2]}", DocText.render(doc));
    assertEquals("3:3-3:6", Diags.span(doc.members().get(1).keyRange()));
    assertEquals("3:8-5:4", Diags.span(doc.members().get(1).value().range()));
    assertEquals("1:1-6:2", Diags.span(doc.range()));
  }

  @Test
  void scalarRootIsADocument() {
    assertEquals("\"str\"", DocText.render(readOk("  \"str\"  ")));
    assertEquals("-1.5e3", DocText.render(readOk("-1.5e3")));
  }

  @Test
  void duplicateKeyKeepsTheFirstDefinition() {
    ParseResult result = read("{\"a\": 1, \"a\": 2}");
    assertTrue(result.hasErrors());
    assertEquals("{\"a\":1}", DocText.render(result.documents().get(0)));
  }

  @Test
  void deepNestingIsAnErrorNotACrash() {
    String text = "[".repeat(1500) + "]".repeat(1500);
    ParseResult result = read(text);
    assertEquals(
        List.of(
            "JSON-E021 Document too deeply nested @1:1001-1:1002: Objects and arrays are nested"
                + " more than 1000 levels deep here, more than any template needs. Check whether"
                + " the file was generated correctly."),
        Diags.describe(result));
    assertEquals(List.of(), result.documents());
  }

  // ---- errors --------------------------------------------------------------------------------

  private static Arguments error(String input, String... expected) {
    return Arguments.of(input, Arrays.asList(expected));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        error(
            "{\n  \"a\": 1\n  \"b\": 2\n}",
            "JSON-E002 Missing comma @3:3-3:6: Missing comma between object members: add a comma"
                + " after the previous member, before this one."),
        error(
            "[1 2]",
            "JSON-E002 Missing comma @1:4-1:5: Missing comma between array elements: add a comma"
                + " after the previous element, before this one."),
        error(
            "{\"a\": 1,}",
            "JSON-E003 Trailing comma @1:8-1:9: JSON does not allow a comma after the last member"
                + " of an object. Remove this comma."),
        error(
            "[1, 2,]",
            "JSON-E003 Trailing comma @1:6-1:7: JSON does not allow a comma after the last"
                + " element of an array. Remove this comma."),
        error(
            "{'a': 1}",
            "JSON-E007 Single quotes are not JSON @1:2-1:5: Single quotes are not JSON: use double"
                + " quotes around keys and strings (\"name\", not 'name')."),
        error(
            "{\"a\": 'x y'}",
            "JSON-E007 Single quotes are not JSON @1:7-1:12: Single quotes are not JSON: use"
                + " double quotes around keys and strings (\"name\", not 'name')."),
        error(
            "{\n  \"a\": {\n    \"b\": 1\n  }",
            "JSON-E004 Unclosed object @4:4-4:4: The object opened at f.json:1:1 has no closing"
                + " brace. Add \"}\" after its last member. {object opened here @1:1-1:2}"),
        error(
            "[1, 2",
            "JSON-E005 Unclosed array @1:6-1:6: The array opened at f.json:1:1 has no closing"
                + " bracket. Add \"]\" after its last element. {array opened here @1:1-1:2}"),
        error(
            "{\"a\": \"abc",
            "JSON-E006 Unclosed string @1:7-1:11: The string that starts here has no closing"
                + " quote before the end of the input. Add the missing \"."),
        error(
            "{\"a\": \"abc\n}",
            "JSON-E006 Unclosed string @1:7-1:11: The string that starts here is not closed on"
                + " its line. Add the missing \"; a line break inside a string must be written as"
                + " \\n."),
        error(
            "{\"a\" 1}",
            "JSON-E009 Missing colon @1:6-1:7: Expected a colon between the key \"a\" and its"
                + " value. Write the member as \"key\": value."),
        error(
            "{a: 1}",
            "JSON-E008 Unquoted key @1:2-1:3: Keys must be strings in double quotes: write \"a\""
                + " instead of a."),
        error(
            "{\"a\": tru}",
            "JSON-E010 Invalid value @1:7-1:10: tru is not a JSON value. Values are strings in"
                + " double quotes, numbers, objects, arrays, true, false and null. If it is text,"
                + " put it in double quotes: \"tru\"."),
        error(
            "{\"a\": True}",
            "JSON-E010 Invalid value @1:7-1:11: True is not a JSON value. Values are strings in"
                + " double quotes, numbers, objects, arrays, true, false and null. Did you mean"
                + " true? JSON literals are lower case."),
        error(
            "{\"a\": 1]",
            "JSON-E012 Mismatched bracket @1:8-1:9: Expected \"}\" to close the object opened at"
                + " f.json:1:1, but found \"]\". Check that every bracket is closed by its"
                + " partner. {object opened here @1:1-1:2}"),
        error(
            "[1}",
            "JSON-E012 Mismatched bracket @1:3-1:4: Expected \"]\" to close the array opened at"
                + " f.json:1:1, but found \"}\". Check that every bracket is closed by its"
                + " partner. {array opened here @1:1-1:2}"),
        error(
            "}",
            "JSON-E013 Unexpected character @1:1-1:2: There is no open object or array for this"
                + " \"}\" to close. Remove it."),
        error(
            "{} {}",
            "JSON-E014 Extra content after the document @1:4-1:5: The JSON value that starts at"
                + " f.json:1:1 is complete, but more text follows. A JSON file holds exactly one"
                + " value: remove the extra text, or put all values in one array."),
        error(
            "{\"a\": 1} x",
            "JSON-E014 Extra content after the document @1:10-1:11: The JSON value that starts"
                + " at f.json:1:1 is complete, but more text follows. A JSON file holds exactly"
                + " one value: remove the extra text, or put all values in one array."),
        error(
            "{\"a\": 01}",
            "JSON-E015 Invalid number @1:7-1:9: JSON numbers cannot start with 0 followed by more"
                + " digits. Remove the leading zeros, or put the value in double quotes if the"
                + " zeros matter."),
        error(
            "{\"a\": NaN}",
            "JSON-E015 Invalid number @1:7-1:10: NaN is not a JSON number: JSON has no"
                + " not-a-number or infinite values. Write null or a string instead."),
        error(
            "{\"a\": 1.}",
            "JSON-E015 Invalid number @1:7-1:9: A decimal point must be followed by digits: write"
                + " 1.0, not 1."),
        error(
            "{\"a\": 1e}",
            "JSON-E015 Invalid number @1:7-1:9: An exponent must have digits: write 1e5, not"
                + " 1e."),
        error(
            "{\"a\": +1}",
            "JSON-E015 Invalid number @1:7-1:9: JSON numbers cannot start with a plus sign."
                + " Remove the \"+\"."),
        error(
            "{\"a\": -}",
            "JSON-E015 Invalid number @1:7-1:8: A minus sign must be followed by digits."),
        error(
            "1x",
            "JSON-E015 Invalid number @1:1-1:3: \"1x\" is not a valid JSON number. If it is text,"
                + " put it in double quotes."),
        error(
            "{\"a\": 1.2.3}",
            "JSON-E015 Invalid number @1:7-1:12: \"1.2.3\" is not a valid JSON number (JSON numbers"
                + " are decimal, like 12, -3.5 or 1e6). If it is text, put it in double quotes."),
        error(
            "[0x1F]",
            "JSON-E015 Invalid number @1:2-1:6: \"0x1F\" is not a valid JSON number (JSON numbers"
                + " are decimal, like 12, -3.5 or 1e6). If it is text, put it in double quotes."),
        error(
            "[1, 2/3]",
            "JSON-E013 Unexpected character @1:6-1:7: A single \"/\" cannot stand here: comments"
                + " start with // or /*. Remove the slash or complete the comment."),
        error(
            "? x",
            "JSON-E013 Unexpected character @1:1-1:2: Found \"?\". Expected a value here: a string"
                + " in double quotes, a number, an object, an array, true, false or null."),
        error(
            "/* never closed",
            "JSON-E018 Unclosed comment @1:1-1:3: The comment that starts here with /* has no"
                + " closing */ before the end of the input. Add */ where the comment should end."),
        error(
            "# comment\n{}",
            "JSON-E019 Comments with # are not JSON @1:1-1:10: JSON comments start with // (to"
                + " the end of the line) or are enclosed in /* */. Replace # with //."),
        error(
            "{\"a\": \"x\ty\"}",
            "JSON-E017 Control character in string @1:9-1:10: A string cannot contain a tab"
                + " character (U+0009) as it is: write it as \\t."),
        error(
            "{\"path\": \"C:\\Windows\"}",
            "JSON-E016 Invalid escape sequence @1:13-1:15: \\W is not an escape sequence of JSON."
                + " The escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a"
                + " backslash as \\\\ (for example \"C:\\\\Windows\")."),
        error(
            "{\"a\": \"\\u12\"}",
            "JSON-E016 Invalid escape sequence @1:8-1:13: A \\u escape needs exactly four"
                + " hexadecimal digits, as in \\u00e9."),
        error(
            "{\"a\": }",
            "JSON-E020 Missing value @1:7-1:8: The key \"a\" has no value after its colon. Write"
                + " a value such as \"\", 0, null, {} or []."),
        error(
            "[,1]",
            "JSON-E020 Missing value @1:2-1:3: An array element is missing before this comma."
                + " Remove the extra comma or add the element."),
        error(
            "{\"a\": 1,,}",
            "JSON-E013 Unexpected character @1:9-1:10: Expected a key in double quotes, but found"
                + " a comma. Remove the extra comma."),
        error(
            "{\"a\": @}",
            "JSON-E013 Unexpected character @1:7-1:8: Found \"@\". Expected a value here: a"
                + " string in double quotes, a number, an object, an array, true, false or null."),
        error(
            "{\"a\": \u0001}",
            "JSON-E013 Unexpected character @1:7-1:8: Found the control character U+0001."
                + " This character is not allowed between JSON tokens. Remove it."),
        error(
            "{\"a\":",
            "JSON-E011 Unexpected end of input @1:6-1:6: The input ends after the colon at"
                + " f.json:1:5, where a value was expected. Add the value and close the object"
                + " opened at f.json:1:1."),
        error(
            "{\"a\": 1,",
            "JSON-E011 Unexpected end of input @1:9-1:9: The input ends after the comma at"
                + " f.json:1:8, where another member was expected. Remove the comma and close the"
                + " object opened at f.json:1:1."),
        error(
            "{\"a\"",
            "JSON-E011 Unexpected end of input @1:5-1:5: The input ends after the key \"a\", where"
                + " a colon and a value were expected. Complete the member and close the object"
                + " opened at f.json:1:1."),
        error(
            "",
            "JSON-E001 Empty document @1:1-1:1: The file holds no JSON value, only whitespace or"
                + " comments. A template is a JSON object: start it with \"{\"."),
        error(
            "  // only a comment\n",
            "JSON-E001 Empty document @1:1-1:1: The file holds no JSON value, only whitespace or"
                + " comments. A template is a JSON object: start it with \"{\"."),
        error(
            "{\"a\": 1, \"a\": 2, \"b\": {\"c\": 1, \"c\": 2}, \"a\": 3}",
            "JSON-E101 Duplicate key @1:10-1:13 [/a]: The key \"a\" was already defined at"
                + " f.json:1:2. Each key may appear only once in an object: remove one of them or"
                + " rename it. {first defined here @1:2-1:5}",
            "JSON-E101 Duplicate key @1:32-1:35 [/b/c]: The key \"c\" was already defined at"
                + " f.json:1:24. Each key may appear only once in an object: remove one of them or"
                + " rename it. {first defined here @1:24-1:27}",
            "JSON-E101 Duplicate key @1:41-1:44 [/a]: The key \"a\" was already defined at"
                + " f.json:1:2. Each key may appear only once in an object: remove one of them or"
                + " rename it. {first defined here @1:2-1:5}"),
        error(
            "{\"a\": 1, \"a\": 2, \"b\": [1, 2",
            "JSON-E101 Duplicate key @1:10-1:13 [/a]: The key \"a\" was already defined at"
                + " f.json:1:2. Each key may appear only once in an object: remove one of them or"
                + " rename it. {first defined here @1:2-1:5}",
            "JSON-E005 Unclosed array @1:28-1:28: The array opened at f.json:1:23 has no closing"
                + " bracket. Add \"]\" after its last element. {array opened here @1:23-1:24}"),
        error(
            // Inside an array the pointer names the element's index; "/" in a key is escaped.
            "{\"x\": [{\"a\": 1}, {\"a/b\": 1, \"a/b\": 2}]}",
            "JSON-E101 Duplicate key @1:29-1:34 [/x/1/a~1b]: The key \"a/b\" was already defined"
                + " at f.json:1:19. Each key may appear only once in an object: remove one of them"
                + " or rename it. {first defined here @1:19-1:24}"),
        error(
            "{\"é\": 1, \"😀\": 2, \"é\": 3}",
            "JSON-E101 Duplicate key @1:18-1:21 [/é]: The key \"é\" was already defined at"
                + " f.json:1:2. Each key may appear only once in an object: remove one of them or"
                + " rename it. {first defined here @1:2-1:5}"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void reportsErrorsInOurWordsAtTheExactPlace(String input, List<String> expected) {
    ParseResult result = read(input);
    assertEquals(expected, Diags.describe(result));
    assertTrue(result.hasErrors());
  }

  @Test
  void syntaxErrorDropsTheDocument() {
    assertEquals(List.of(), read("{\"a\": [1, 2}").documents());
  }

  @Test
  void numbersLongerThanJacksonsDefaultAreReadAndAnAbsurdOneIsShownWhereItIs() {
    // Jackson refuses more than 1,000 digits by default, in its own words and at the end of the
    // file; Go's reader (Packer's) takes them.
    String digits = "1".repeat(1001);
    assertEquals(
        digits,
        ((DocScalar)
                ((DocObject) readOk("{\"x\": " + digits + ", \"y\": 2}\n")).get("x").orElseThrow())
            .text());

    String absurd = "9".repeat(JsonReader.MAX_NUMBER_LENGTH + 1);
    ParseResult r = read("{\"a\": \"b\", \"x\": " + absurd + ", \"y\": 2}\n");
    assertEquals(
        List.of(
            "JSON-E022 Value too large @1:17-1:20018: This number is 20,001 characters long, more"
                + " than the 20,000 this tool reads; no template needs such a number. If it is"
                + " meant as text, put it in quotes."),
        Diags.describe(r));
  }

  @Test
  void theLengthOfAnAbsurdNumberIsWrittenTheSameUnderAnyLocale() throws Exception {
    // Under ar-EG the message said "٢٠٬٠٠١ characters long", under de-DE "20.001".
    String absurd = "9".repeat(JsonReader.MAX_NUMBER_LENGTH + 1);
    for (Locale locale : List.of(DefaultLocale.ARABIC_DIGITS, DefaultLocale.GERMAN)) {
      ParseResult r = DefaultLocale.with(locale, () -> read("{\"x\": " + absurd + "}\n"));
      assertEquals(
          List.of(
              "JSON-E022 Value too large @1:7-1:20008: This number is 20,001 characters long, more"
                  + " than the 20,000 this tool reads; no template needs such a number. If it is"
                  + " meant as text, put it in quotes."),
          Diags.describe(r),
          locale.toString());
    }
  }
}
