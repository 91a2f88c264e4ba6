package io.github.packer2aib.core.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.source.LoneSurrogates;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into a located {@link DocNode} tree: plain valid JSON with {@link
 * JsonDescentReader}, everything else (comments, errors) with Jackson's streaming parser.
 *
 * <p>Accepts {@code //} and {@code /* *\/} comments (ARM tooling allows them) and a leading byte
 * order mark. Numbers keep their literal text, strings are decoded. Duplicate keys are errors (the
 * first definition is kept). Jackson stops at the first syntax error; that error is reported in our
 * own words at its exact place, together with every duplicate key found before it.
 */
public final class JsonReader {
  private JsonReader() {}

  /** As long as the YAML reader's limit, so both syntaxes accept the same sizes. */
  private static final int MAX_STRING_LENGTH = YamlReader.CODE_POINT_LIMIT;

  /**
   * The most characters a number may have. Jackson's default of 1,000 refused longer ones in its
   * own words, at the end of the file; Go's reader (Packer's) takes any length, but the binder and
   * validator read a number into a BigDecimal, which takes time quadratic in its digits (300,000
   * took seconds), and no number a template holds comes near this.
   */
  static final int MAX_NUMBER_LENGTH = 20_000;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .build())
          .build();

  public static ParseResult read(SourceFile file) {
    // Plain valid JSON by hand; anything else (errors included) by Jackson, which reports it.
    DocNode root = JsonDescentReader.read(file);
    if (root != null) {
      return new ParseResult(List.of(root), List.of());
    }
    return new Run(file, false).read();
  }

  /**
   * {@link #read} for HCL's JSON syntax ({@code .pkr.json}), where a key may stand twice in an
   * object: each property named like a block type (or a label) is a block of its own, in order. The
   * objects keep every member; whoever reads them reports duplicates where they are not allowed
   * ({@link #duplicateKey}).
   */
  public static ParseResult readKeepingDuplicateKeys(SourceFile file) {
    DocNode root = JsonDescentReader.read(file); // gives up on a duplicate key
    if (root != null) {
      return new ParseResult(List.of(root), List.of());
    }
    return new Run(file, true).read();
  }

  /** The error for a key that stands twice where it may not (JSON-E101). */
  public static Diagnostic duplicateKey(String key, Range duplicate, Range first) {
    return Words.duplicateKey(
        SyntaxCode.JSON_DUPLICATE_KEY, "an object", key, duplicate, first, null);
  }

  /** {@link #read} through Jackson always: the reference the hand-written reader is tested on. */
  static ParseResult jacksonOnly(SourceFile file) {
    return new Run(file, false).read();
  }

  /** One read of one file: the stack of open containers and what has been found so far. */
  private static final class Run {
    private final SourceFile file;
    private final String text;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private DocNode root;

    /** Where the last token Jackson returned ends; errors without a location start here. */
    private int lastTokenEnd;

    /** Whether a key may stand twice in an object (HCL's JSON syntax). */
    private final boolean keepDuplicates;

    Run(SourceFile file, boolean keepDuplicates) {
      this.file = file;
      this.text = file.text();
      this.keepDuplicates = keepDuplicates;
    }

    ParseResult read() {
      // Jackson does not skip a byte order mark in character input; a space of the same length
      // keeps every offset equal to the offset in the file.
      String input = text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
      try (JsonParser parser = FACTORY.createParser(input)) {
        readTokens(parser);
      } catch (JsonProcessingException e) {
        diagnostics.add(
            new JsonSyntaxErrors(file, stack, root)
                .translate(e.getOriginalMessage(), errorOffset(e.getLocation()), lastTokenEnd, e));
      } catch (IOException e) {
        // A String input does no I/O; anything else Jackson throws is a JsonProcessingException.
        throw new IllegalStateException("unexpected I/O error reading a string", e);
      }
      if (root == null && diagnostics.stream().noneMatch(Diagnostic::isError)) {
        diagnostics.add(
            Diagnostic.of(
                SyntaxCode.JSON_EMPTY,
                file.start(),
                "The file holds no JSON value, only whitespace or comments. A template is a JSON"
                    + " object: start it with \"{\"."));
      }
      return new ParseResult(root == null ? List.of() : List.of(root), diagnostics);
    }

    /** The error offset Jackson gives, or -1 when it gives none (its limit errors). */
    private int errorOffset(JsonLocation location) {
      long offset = location == null ? -1 : location.getCharOffset();
      return offset < 0 ? -1 : (int) Math.min(offset, text.length());
    }

    private void readTokens(JsonParser parser) throws IOException {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        int start = tokenStart(parser, token);
        if (root != null) {
          diagnostics.add(new JsonSyntaxErrors(file, stack, root).extraContent(start));
          return;
        }
        switch (token) {
          case START_OBJECT:
            stack.push(new Frame(true, start));
            lastTokenEnd = start + 1;
            break;
          case START_ARRAY:
            stack.push(new Frame(false, start));
            lastTokenEnd = start + 1;
            break;
          case END_OBJECT:
          case END_ARRAY:
            Frame done = stack.pop();
            lastTokenEnd = start + 1;
            Range range = file.range(done.start, start + 1);
            deliver(
                done.isObject
                    ? new DocObject(done.members, range)
                    : new DocArray(done.items, range));
            break;
          case FIELD_NAME:
            Frame object = stack.peek();
            String name = parser.currentName();
            object.pendingKeyRange = file.range(start, stringEnd(start, name));
            object.pendingKey = whole(name, object.pendingKeyRange, true);
            lastTokenEnd = object.pendingKeyRange.endOffset();
            break;
          case VALUE_STRING:
            String value = parser.getText();
            Range quoted = file.range(start, stringEnd(start, value));
            deliver(DocScalar.string(whole(value, quoted, false), quoted));
            break;
          case VALUE_NUMBER_INT:
          case VALUE_NUMBER_FLOAT:
            String literal = parser.getText();
            deliver(DocScalar.number(literal, file.range(start, start + literal.length())));
            break;
          case VALUE_TRUE:
            deliver(DocScalar.bool(true, file.range(start, start + 4)));
            break;
          case VALUE_FALSE:
            deliver(DocScalar.bool(false, file.range(start, start + 5)));
            break;
          case VALUE_NULL:
            deliver(DocScalar.nullValue(file.range(start, start + 4)));
            break;
          default:
            // NOT_AVAILABLE and VALUE_EMBEDDED_OBJECT do not occur for text input.
            break;
        }
      }
    }

    /**
     * {@code s} with the halves of surrogate pairs it escapes alone replaced by U+FFFD, with a
     * warning ({@link LoneSurrogates}); {@code isKey}: {@code s} is the key of the open object.
     */
    private String whole(String s, Range range, boolean isKey) {
      String replaced = LoneSurrogates.replaced(s);
      if (replaced != s) {
        String path = openPath();
        if (isKey) {
          path = JsonPointer.append(path, replaced);
        } else if (!stack.isEmpty()) {
          Frame top = stack.peek();
          path =
              top.isObject
                  ? JsonPointer.append(path, top.pendingKey)
                  : JsonPointer.append(path, top.items.size());
        }
        diagnostics.add(Words.loneSurrogate(SyntaxCode.JSON_LONE_SURROGATE, range, path));
      }
      return replaced;
    }

    /**
     * The offset of the current token's first character. Jackson's own count (taken one character
     * into the token) spares the {@code JsonLocation} object per token; a name's start is counted
     * apart in Jackson, so names still ask for their location.
     */
    private static int tokenStart(JsonParser parser, JsonToken token) {
      if (token == JsonToken.FIELD_NAME) {
        return (int) parser.currentTokenLocation().getCharOffset();
      }
      return (int) ((ParserBase) parser).getTokenCharacterOffset() - 1;
    }

    /**
     * The end (exclusive) of the string literal whose opening quote is at {@code open} and whose
     * decoded value is {@code value}. A string without escapes (most) is its value between quotes:
     * one region compare instead of a scan character by character.
     */
    private int stringEnd(int open, String value) {
      int close = open + 1 + value.length();
      if (close < text.length()
          && text.charAt(close) == '"'
          && text.regionMatches(open + 1, value, 0, value.length())) {
        return close + 1;
      }
      return stringEnd(open);
    }

    /** The end (exclusive) of the string literal whose opening quote is at {@code open}. */
    private int stringEnd(int open) {
      int i = open + 1;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '"') {
          return i + 1;
        }
        i += c == '\\' ? 2 : 1;
      }
      return text.length();
    }

    /**
     * The JSON pointer of the innermost open container, from the open frames: each parent is at the
     * key or index of its open child. Built only for a diagnostic, not for every container.
     */
    private String openPath() {
      String path = JsonPointer.ROOT;
      Frame parent = null;
      for (Iterator<Frame> it = stack.descendingIterator(); it.hasNext(); ) {
        Frame frame = it.next();
        if (parent != null) {
          path =
              parent.isObject
                  ? JsonPointer.append(path, parent.pendingKey)
                  : JsonPointer.append(path, parent.items.size());
        }
        parent = frame;
      }
      return path;
    }

    private void deliver(DocNode node) {
      lastTokenEnd = node.range().endOffset();
      Frame top = stack.peek();
      if (top == null) {
        root = node;
      } else if (!top.isObject) {
        top.items.add(node);
      } else {
        String key = top.pendingKey;
        Range keyRange = top.pendingKeyRange;
        top.pendingKey = null;
        top.pendingKeyRange = null;
        Range first = top.keys.get(key);
        if (first != null && keepDuplicates) {
          top.members.add(new DocMember(key, keyRange, node));
        } else if (first != null) {
          diagnostics.add(
              Words.duplicateKey(
                  SyntaxCode.JSON_DUPLICATE_KEY,
                  "an object",
                  key,
                  keyRange,
                  first,
                  JsonPointer.append(openPath(), key)));
        } else {
          top.keys.put(key, keyRange);
          top.members.add(new DocMember(key, keyRange, node));
        }
      }
    }
  }

  /** An object or array whose closing bracket has not been read yet. */
  static final class Frame {
    final boolean isObject;
    final int start;

    /** An object's members and the range of each key (for duplicates); null for an array. */
    final List<DocMember> members;

    final Map<String, Range> keys;

    /** An array's items; null for an object. */
    final List<DocNode> items;

    String pendingKey;
    Range pendingKeyRange;

    Frame(boolean isObject, int start) {
      this.isObject = isObject;
      this.start = start;
      this.members = isObject ? new ArrayList<>() : null;
      this.keys = isObject ? new HashMap<>() : null;
      this.items = isObject ? null : new ArrayList<>();
    }
  }
}
