package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.DocScalar.Type;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.source.LoneSurrogates;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.reader.ReaderException;

/** Builds the documents of one YAML stream from SnakeYAML's events; see {@link YamlReader}. */
final class YamlTreeBuilder {
  private static final String TAG_PREFIX = "tag:yaml.org,2002:";
  private static final String STR = TAG_PREFIX + "str";
  private static final String INT = TAG_PREFIX + "int";
  private static final String FLOAT = TAG_PREFIX + "float";
  private static final String BOOL = TAG_PREFIX + "bool";
  private static final String NULL = TAG_PREFIX + "null";
  private static final String MAP = TAG_PREFIX + "map";
  private static final String SEQ = TAG_PREFIX + "seq";
  private static final String MERGE = TAG_PREFIX + "merge";

  private final SourceFile file;
  private final String text;
  private final CodePointOffsets offsets;
  private final List<DocNode> documents = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private final Deque<Frame> stack = new ArrayDeque<>();
  private final Map<String, Built> anchors = new HashMap<>();
  private final Map<String, Range> anchorsInProgress = new HashMap<>();

  /** Anchors on scalars that no alias has used yet, in this document: where each stands. */
  private final Map<String, Diagnostic> unusedScalarAnchors = new LinkedHashMap<>();

  private Built documentRoot;
  private boolean sawDocument;
  private long events;
  private long nodes;

  /** The characters aliases have repeated so far in the stream ({@link Built#chars}). */
  private long aliasChars;

  private boolean stopped;

  YamlTreeBuilder(SourceFile file) {
    this.file = file;
    this.text = file.text();
    this.offsets = new CodePointOffsets(text);
  }

  /**
   * A node with its size and height as if every alias in it were expanded.
   *
   * @param size the nodes it holds
   * @param chars the characters of its scalars (keys included)
   */
  private record Built(DocNode node, long size, long chars, int height) {}

  ParseResult read() {
    versionDirectives();
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(YamlReader.CODE_POINT_LIMIT);
    Parser parser =
        YamlParsers.parser(
            new SurrogateSafeReader(YamlTabs.separationAsSpaces(yaml12Text())), options);
    YamlSyntaxErrors errors = new YamlSyntaxErrors(file, offsets);
    try {
      while (!stopped) {
        Event event = parser.getEvent();
        events++;
        if (event instanceof StreamEndEvent) {
          break;
        }
        handle(event);
      }
    } catch (MarkedYAMLException e) {
      diagnostics.add(errors.translate(e, openFlow()));
    } catch (ReaderException e) {
      diagnostics.add(errors.translate(e));
    } catch (YAMLException e) {
      diagnostics.add(errors.translate(e));
    } catch (NumberFormatException e) {
      diagnostics.add(errors.translateNumberFormat());
    }
    if (!sawDocument && diagnostics.stream().noneMatch(Diagnostic::isError)) {
      diagnostics.add(
          Diagnostic.of(
              SyntaxCode.YAML_EMPTY,
              file.start(),
              "The file holds no YAML document, only whitespace or comments. Write the template"
                  + " as a mapping of keys to values."));
    }
    return new ParseResult(documents, diagnostics);
  }

  /**
   * YAML 1.2 reads U+0085, U+2028 and U+2029 as ordinary characters, YAML 1.1 (SnakeYAML) as line
   * breaks: {@code - echo a\u2028b} was a "missing colon" on a line of its own, and every line
   * number after it was one off. They stand in for them, one for one (positions are kept), while
   * SnakeYAML reads the text, and are turned back in every value and key: characters of the private
   * use area no template holds (when one does, the text is read as it is).
   */
  private static final char[][] STAND_INS = {
    {'\u0085', '\uE085'}, {'\u2028', '\uE028'}, {'\u2029', '\uE029'}
  };

  /** Whether the text SnakeYAML reads has stand-ins for 1.1's extra line breaks. */
  private boolean stoodIn;

  private String yaml12Text() {
    boolean any = false;
    for (char[] pair : STAND_INS) {
      if (text.indexOf(pair[1]) >= 0) {
        return text;
      }
      any |= text.indexOf(pair[0]) >= 0;
    }
    if (!any) {
      return text;
    }
    stoodIn = true;
    String t = text;
    for (char[] pair : STAND_INS) {
      t = t.replace(pair[0], pair[1]);
    }
    return t;
  }

  private static String restored(String value) {
    String v = value;
    for (char[] pair : STAND_INS) {
      if (v.indexOf(pair[1]) >= 0) {
        v = v.replace(pair[1], pair[0]);
      }
    }
    return v;
  }

  /**
   * A {@code %YAML} directive of another version than 1.2: the file is read as YAML 1.2 whatever it
   * says (the core schema: {@code yes} and {@code on} are text), so a file written for YAML 1.1,
   * where they are booleans, is told so (YAML 1.2 asks a processor to warn of a version it does not
   * follow). Directives stand at a line's start, before a document; a cheap search finds them.
   */
  private void versionDirectives() {
    if (text.indexOf("%YAML") < 0) {
      return;
    }
    Matcher m = VERSION_DIRECTIVE.matcher(text);
    while (m.find()) {
      String version = m.group(1);
      // Another major version is an error of the parser's (YAML-E015).
      if (version.startsWith("1.") && !version.equals("1.2")) {
        diagnostics.add(
            Diagnostic.of(
                SyntaxCode.YAML_OTHER_VERSION,
                file.range(m.start(1), m.end(1)),
                "This document says %YAML "
                    + ControlCharacters.escape(version)
                    + ", but it is read as YAML 1.2: plain yes, no, on and off are text (write"
                    + " true or false for a boolean), and numbers such as 010 are decimal. Write"
                    + " %YAML 1.2, or remove the directive."));
      }
    }
  }

  private static final Pattern VERSION_DIRECTIVE =
      Pattern.compile("(?m)^%YAML[ \\t]+([^ \\t\\r\\n#]+)");

  private YamlSyntaxErrors.OpenFlow openFlow() {
    for (Frame frame : stack) {
      if (frame.flow) {
        return new YamlSyntaxErrors.OpenFlow(frame.start, frame instanceof SequenceFrame);
      }
    }
    return null;
  }

  private void handle(Event event) {
    if (event instanceof DocumentStartEvent) {
      sawDocument = true;
      anchors.clear();
      anchorsInProgress.clear();
      unusedScalarAnchors.clear();
      documentRoot = null;
    } else if (event instanceof DocumentEndEvent) {
      diagnostics.addAll(unusedScalarAnchors.values());
      unusedScalarAnchors.clear();
      if (documentRoot != null) {
        documents.add(documentRoot.node());
      }
      documentRoot = null;
    } else if (event instanceof ScalarEvent scalar) {
      String path = childPath();
      DocScalar read = scalar(scalar, path);
      Built built = new Built(read, 1, read.text().length(), 1);
      nodes++;
      register(scalar.getAnchor(), built);
      if (scalar.getAnchor() != null) {
        Range r = built.node().range();
        Diagnostic previous =
            unusedScalarAnchors.put(
                scalar.getAnchor(),
                unusedAnchor(
                    scalar.getAnchor(),
                    file.range(r.startOffset(), r.startOffset() + 1 + scalar.getAnchor().length()),
                    path));
        if (previous != null) {
          diagnostics.add(previous); // redefined before any alias used it
        }
      }
      deliver(built, isMergeKey(scalar));
    } else if (event instanceof AliasEvent alias) {
      alias(alias);
    } else if (event instanceof SequenceStartEvent || event instanceof MappingStartEvent) {
      start((CollectionStartEvent) event);
    } else if (event instanceof SequenceEndEvent || event instanceof MappingEndEvent) {
      end(event);
    }
  }

  // ---- collections -------------------------------------------------------------------------

  /** A sequence or mapping whose end event has not come yet. */
  private abstract static class Frame {
    final String path;
    final int start;
    final boolean flow;
    final String anchor;
    String tag;
    int lastEnd;
    long size = 1;
    long chars;
    int height = 1;

    Frame(String path, int start, boolean flow, String anchor) {
      this.path = path;
      this.start = start;
      this.flow = flow;
      this.anchor = anchor;
      this.lastEnd = start;
    }

    void account(Built child) {
      size += child.size();
      chars += child.chars();
      height = Math.max(height, child.height() + 1);
      Range r = child.node().range();
      lastEnd = Math.max(lastEnd, r.endOffset());
    }
  }

  private static final class SequenceFrame extends Frame {
    final List<DocNode> items = new ArrayList<>();

    SequenceFrame(String path, int start, boolean flow, String anchor) {
      super(path, start, flow, anchor);
    }
  }

  private static final class MappingFrame extends Frame {
    /** Members and merge entries in source order. */
    final List<Entry> entries = new ArrayList<>();

    final Map<String, Range> explicitKeys = new HashMap<>();
    Range mergeKey;
    Key pending;

    MappingFrame(String path, int start, boolean flow, String anchor) {
      super(path, start, flow, anchor);
    }
  }

  /**
   * A key waiting for its value; {@code text} null means the entry is dropped (already reported).
   */
  private record Key(String text, Range range, boolean merge) {}

  /** One {@code key: value} entry, or a merge entry ({@code key} null) listing merged mappings. */
  private record Entry(String key, Range keyRange, DocNode value) {}

  private void start(CollectionStartEvent event) {
    int start = offset(event.getStartMark());
    if (stack.size() >= YamlReader.MAX_DEPTH) {
      tooDeep(file.range(start, start + 1));
      return;
    }
    String path = childPath();
    boolean mapping = event instanceof MappingStartEvent;
    String anchor = event.getAnchor();
    if (anchor != null) {
      anchorsInProgress.put(anchor, file.range(start, start + 1));
    }
    nodes++;
    Frame frame =
        mapping
            ? new MappingFrame(path, start, event.isFlow(), anchor)
            : new SequenceFrame(path, start, event.isFlow(), anchor);
    frame.tag = event.getTag();
    stack.push(frame);
  }

  private void end(Event event) {
    Frame frame = stack.pop();
    // A flow collection ends after its bracket; a block one after its last entry (its end event
    // stands where the next line starts).
    int end =
        frame.flow || frame.lastEnd <= frame.start ? offset(event.getEndMark()) : frame.lastEnd;
    Range range = file.range(frame.start, end);
    DocNode node;
    if (frame.flow
        && frame instanceof SequenceFrame
        && UnquotedArmExpression.startsAt(text, frame.start)) {
      // name: [parameters('n')] is a list of one string to YAML; the author meant the expression.
      // It is read as that text, so that the error below is the only one about it.
      Frame parent = stack.peek();
      boolean key = parent instanceof MappingFrame m && m.pending == null;
      diagnostics.add(
          UnquotedArmExpression.diagnostic(file, frame.start, end, key).withPath(frame.path));
      node = DocScalar.string(text.substring(frame.start, end), range);
    } else if (frame instanceof SequenceFrame s) {
      node = new DocArray(s.items, range);
    } else {
      node = new DocObject(members((MappingFrame) frame), range);
    }
    if (frame.anchor != null) {
      anchorsInProgress.remove(frame.anchor);
    }
    checkCollectionTag(frame.tag, frame instanceof MappingFrame, range, frame.path);
    Built built = new Built(node, frame.size, frame.chars, frame.height);
    register(frame.anchor, built);
    deliver(built, false);
  }

  /** The members of a closed mapping, with merge entries replaced by the merged members. */
  private List<DocMember> members(MappingFrame m) {
    List<DocMember> members = new ArrayList<>();
    Set<String> present = new HashSet<>(m.explicitKeys.keySet());
    for (Entry entry : m.entries) {
      if (entry.key() != null) {
        members.add(new DocMember(entry.key(), entry.keyRange(), entry.value()));
        continue;
      }
      for (DocObject source : mergeSources(entry.value(), m.path)) {
        for (DocMember member : source.members()) {
          if (present.add(member.key())) {
            members.add(member);
          }
        }
      }
    }
    return members;
  }

  private List<DocObject> mergeSources(DocNode value, String path) {
    if (value instanceof DocObject o) {
      return List.of(o);
    }
    if (value instanceof DocArray a && a.items().stream().allMatch(DocObject.class::isInstance)) {
      List<DocObject> sources = new ArrayList<>();
      for (DocNode item : a.items()) {
        sources.add((DocObject) item);
      }
      return sources;
    }
    diagnostics.add(
        Diagnostic.of(
                SyntaxCode.YAML_INVALID_MERGE,
                value.range(),
                "The value of a merge key (<<) must be a mapping, an alias of a mapping, or a"
                    + " sequence of those, but here it is "
                    + kindOf(value)
                    + ". Fix the value, or quote the key (\"<<\") if it is an ordinary key.")
            .withPath(JsonPointer.append(path, "<<")));
    return List.of();
  }

  /**
   * Whether {@code m} is a flow mapping written {@code {{…}}}, taken for its first key being a
   * mapping: a Go template action (a legacy Packer template's {@code {{user `x`}}}) left unquoted.
   */
  private boolean unquotedAction(MappingFrame m) {
    return m.flow && m.entries.isEmpty() && text.startsWith("{{", m.start);
  }

  private static String kindOf(DocNode node) {
    if (node instanceof DocArray) {
      return "a sequence with items that are not mappings";
    }
    return node instanceof DocScalar s && s.type() == Type.NULL ? "empty" : node.kindName();
  }

  // ---- delivering nodes to their parent ----------------------------------------------------

  private void deliver(Built built, boolean mergeKey) {
    if (stopped) {
      return;
    }
    Frame top = stack.peek();
    if (top == null) {
      documentRoot = built;
      return;
    }
    top.account(built);
    if (top instanceof SequenceFrame s) {
      s.items.add(built.node());
      return;
    }
    MappingFrame m = (MappingFrame) top;
    if (m.pending == null) {
      m.pending = key(m, built, mergeKey);
      return;
    }
    Key key = m.pending;
    m.pending = null;
    if (key.text() == null) {
      return;
    }
    m.entries.add(new Entry(key.merge() ? null : key.text(), key.range(), built.node()));
  }

  /** Takes the node just read as the key of the next entry of {@code m}, or reports why not. */
  private Key key(MappingFrame m, Built built, boolean mergeKey) {
    DocNode node = built.node();
    Range range = node.range();
    if (node instanceof DocObject && unquotedAction(m)) {
      // A value written {{user `x`}} without quotes is a flow mapping whose first key is a
      // mapping; "a key must be a plain value" sent readers of legacy templates looking for a key.
      diagnostics.add(
          Diagnostic.of(
                  SyntaxCode.YAML_UNQUOTED_ACTION,
                  file.range(m.start, range.endOffset()),
                  "This value starts with \"{{\", which YAML reads as a mapping (in its flow"
                      + " style, {key: value}), not as text, so the template action is lost. Put"
                      + " the whole value in quotes, as in \"{{user `name`}}-img\".")
              .withPath(m.path));
      return new Key(null, range, false);
    }
    if (!(node instanceof DocScalar scalar)) {
      diagnostics.add(
          Diagnostic.of(
                  SyntaxCode.YAML_COMPLEX_KEY,
                  range,
                  "A key must be a plain value such as a name, but this key is "
                      + (node instanceof DocObject ? "a mapping" : "a sequence")
                      + ". Write a string key instead.")
              .withPath(m.path));
      return new Key(null, range, false);
    }
    if (mergeKey) {
      if (m.mergeKey != null) {
        diagnostics.add(
            Words.duplicateKey(
                SyntaxCode.YAML_DUPLICATE_KEY,
                "a mapping",
                "<<",
                range,
                m.mergeKey,
                JsonPointer.append(m.path, "<<")));
        return new Key(null, range, true);
      }
      m.mergeKey = range;
      return new Key("<<", range, true);
    }
    String text = scalar.text();
    Range first = m.explicitKeys.get(text);
    if (first != null) {
      diagnostics.add(
          Words.duplicateKey(
              SyntaxCode.YAML_DUPLICATE_KEY,
              "a mapping",
              text,
              range,
              first,
              JsonPointer.append(m.path, text)));
      return new Key(null, range, false);
    }
    m.explicitKeys.put(text, range);
    return new Key(text, range, false);
  }

  private String childPath() {
    Frame top = stack.peek();
    if (top == null) {
      return JsonPointer.ROOT;
    }
    if (top instanceof SequenceFrame s) {
      return JsonPointer.append(top.path, s.items.size());
    }
    Key pending = ((MappingFrame) top).pending;
    return pending == null || pending.text() == null
        ? top.path
        : JsonPointer.append(top.path, pending.text());
  }

  // ---- anchors and aliases -----------------------------------------------------------------

  private void register(String anchor, Built built) {
    if (anchor != null) {
      anchors.put(anchor, built);
    }
  }

  /**
   * An anchor on a scalar that no alias uses: in a list of commands, {@code - &>> /var/log/x} or
   * {@code - && make} start with an anchor (YAML reads {@code &} there so), and the text of the
   * anchor silently leaves the value.
   */
  private static Diagnostic unusedAnchor(String name, Range at, String path) {
    return Diagnostic.of(
            SyntaxCode.YAML_UNUSED_ANCHOR,
            at,
            "This value starts with the anchor &"
                + name
                + ", which no alias (*"
                + name
                + ") uses. YAML reads \"&"
                + name
                + "\" at the start of a value as an anchor, not as text, so it is not part of the"
                + " value. If it belongs to the text (a shell redirection such as &>>, or &&), put"
                + " the whole value in quotes; else remove the anchor.")
        .withPath(path);
  }

  private void alias(AliasEvent event) {
    String name = event.getAnchor();
    unusedScalarAnchors.remove(name);
    Range range = file.range(offset(event.getStartMark()), offset(event.getEndMark()));
    String path = childPath();
    Built target = anchors.get(name);
    if (target == null) {
      Range open = anchorsInProgress.get(name);
      Diagnostic d =
          open != null
              ? Diagnostic.of(
                      SyntaxCode.YAML_RECURSIVE_ALIAS,
                      range,
                      "The alias *"
                          + name
                          + " stands inside the node it refers to (anchored at "
                          + open
                          + "), which would make the document infinite. Remove the alias.")
                  .withRelated(new Related(open, "anchor &" + name + " defined here"))
              : Diagnostic.of(
                  SyntaxCode.YAML_UNKNOWN_ALIAS,
                  range,
                  "No anchor &"
                      + name
                      + " is defined before this alias in this document. Define the anchor"
                      + " first (anchors do not carry over between documents), or fix the name.");
      diagnostics.add(d.withPath(path));
      nodes++;
      deliver(new Built(DocScalar.nullValue(range), 1, 0, 1), false);
      return;
    }
    nodes += target.size();
    long limit = Math.max(YamlReader.MIN_NODE_LIMIT, YamlReader.NODES_PER_EVENT * events);
    if (nodes > limit) {
      diagnostics.add(
          Diagnostic.of(
                  SyntaxCode.YAML_EXPANSION_LIMIT,
                  range,
                  "Expanding the alias *"
                      + name
                      + " makes the file hold more than "
                      + limit
                      + " values, far more than it spells out. Aliases that repeat aliases grow"
                      + " exponentially (a \"billion laughs\" input); write the content out"
                      + " or use fewer nested aliases. Reading stopped here.")
              .withPath(path));
      stopped = true;
      return;
    }
    // A few aliases of one long string hold little in nodes but much in text: 200 aliases of a
    // 4 MiB string made an 843 MB output, and 2,000 of a 1 MiB one ran the JVM out of memory.
    aliasChars += target.chars();
    long charLimit = YamlReader.aliasCharLimit(text.length());
    if (aliasChars > charLimit) {
      diagnostics.add(
          Diagnostic.of(
                  SyntaxCode.YAML_EXPANSION_LIMIT,
                  range,
                  String.format(
                      Locale.ROOT,
                      "Expanding the alias *%s makes the values that aliases repeat hold more than"
                          + " %,d characters together, more than the file may repeat (four times"
                          + " its own length, at least 1 MiB and at most 64 MiB). Aliases of a"
                          + " long value, or aliases that repeat aliases, multiply the document;"
                          + " repeat long values fewer times or write them out. Reading stopped"
                          + " here.",
                      name,
                      charLimit))
              .withPath(path));
      stopped = true;
      return;
    }
    if (stack.size() + target.height() > YamlReader.MAX_DEPTH) {
      tooDeep(range);
      return;
    }
    deliver(
        new Built(relocate(target.node(), range), target.size(), target.chars(), target.height()),
        false);
  }

  /** The aliased node placed where the alias stands; its contents keep their anchor ranges. */
  private static DocNode relocate(DocNode node, Range range) {
    if (node instanceof DocObject o) {
      return new DocObject(o.members(), range);
    }
    if (node instanceof DocArray a) {
      return new DocArray(a.items(), range);
    }
    DocScalar s = (DocScalar) node;
    return new DocScalar(s.type(), s.text(), s.untyped(), range, s.tag());
  }

  private void tooDeep(Range range) {
    diagnostics.add(
        Diagnostic.of(
                SyntaxCode.YAML_TOO_DEEP,
                range,
                "Mappings and sequences are nested more than "
                    + YamlReader.MAX_DEPTH
                    + " levels deep here (counting aliased content), more than any template needs."
                    + " Check whether the file was generated correctly. Reading stopped here.")
            .withPath(childPath()));
    stopped = true;
  }

  // ---- scalars and tags --------------------------------------------------------------------

  private static boolean isMergeKey(ScalarEvent e) {
    return "<<".equals(e.getValue())
        && (e.getTag() == null ? e.isPlain() : MERGE.equals(e.getTag()));
  }

  private DocScalar scalar(ScalarEvent e, String path) {
    Range range = scalarRange(e);
    String read = stoodIn ? restored(e.getValue()) : e.getValue();
    String value = LoneSurrogates.replaced(read);
    if (value != read) {
      diagnostics.add(Words.loneSurrogate(SyntaxCode.YAML_LONE_SURROGATE, range, path));
    }
    String tag = e.getTag();
    boolean plain = e.isPlain();
    if (tag == null) {
      return plain ? plain(value, range) : DocScalar.string(value, range);
    }
    String written = shortTag(tag);
    switch (tag) {
      case "!":
      case STR:
        return new DocScalar(Type.STRING, value, false, range, written);
      case INT:
        return tagged(value, CoreSchema.isInt(value), Type.NUMBER, tag, range, path);
      case FLOAT:
        return tagged(
            value,
            CoreSchema.isInt(value) || CoreSchema.isFloat(value),
            Type.NUMBER,
            tag,
            range,
            path);
      case BOOL:
        return tagged(value, CoreSchema.isBool(value), Type.BOOLEAN, tag, range, path);
      case NULL:
        return tagged(value, CoreSchema.isNull(value), Type.NULL, tag, range, path);
      case MERGE:
        return DocScalar.string(value, range);
      default:
        unsupportedTag(tag, "value", range, path);
        // Read as if untagged, but the tag is kept: "- !important" is an empty value, and the
        // hint about it names the tag that took the text.
        return new DocScalar(
            plain ? CoreSchema.resolvePlain(value) : Type.STRING, value, plain, range, written);
    }
  }

  private static DocScalar plain(String value, Range range) {
    return new DocScalar(CoreSchema.resolvePlain(value), value, true, range);
  }

  private DocScalar tagged(
      String value, boolean valid, Type type, String tag, Range range, String path) {
    if (valid) {
      return new DocScalar(type, value, false, range, shortTag(tag));
    }
    diagnostics.add(
        Diagnostic.of(
                SyntaxCode.YAML_INVALID_TAGGED_VALUE,
                range,
                Words.quote(value)
                    + " is not a valid "
                    + shortTag(tag)
                    + " value under the YAML 1.2 core schema"
                    + validForms(tag)
                    + ". Fix the value or remove the tag; it is read as a string.")
            .withPath(path));
    return DocScalar.string(value, range);
  }

  private static String validForms(String tag) {
    switch (tag) {
      case INT:
        return " (write digits, 0o17 or 0x1F)";
      case FLOAT:
        return " (write a number such as 1.5, 1e3, .inf or .nan)";
      case BOOL:
        return " (write true or false)";
      default:
        return " (write null, ~ or nothing)";
    }
  }

  private void checkCollectionTag(String tag, boolean mapping, Range range, String path) {
    if (tag == null || tag.equals("!") || tag.equals(mapping ? MAP : SEQ)) {
      return;
    }
    unsupportedTag(tag, mapping ? "mapping" : "sequence", range, path);
  }

  private void unsupportedTag(String tag, String what, Range range, String path) {
    diagnostics.add(
        Diagnostic.of(
                SyntaxCode.YAML_UNSUPPORTED_TAG,
                range,
                "The tag "
                    + shortTag(tag)
                    + " is not supported here and is ignored: the "
                    + what
                    + " is read as if it had no tag."
                    + (what.equals("value") && !shortTag(tag).startsWith("!!")
                        ? " The tag is not part of the value (YAML reads \"!\" at the start of a"
                            + " value as a tag); if it belongs to the text (!sudo, !important), put"
                            + " the whole value in quotes."
                        : "")
                    + " Supported tags are !!str, !!int, !!float, !!bool and !!null on values,"
                    + " !!map on mappings and !!seq on sequences.")
            .withPath(path));
  }

  private static String shortTag(String tag) {
    return tag.startsWith(TAG_PREFIX) ? "!!" + tag.substring(TAG_PREFIX.length()) : tag;
  }

  private Range scalarRange(ScalarEvent e) {
    int start = offset(e.getStartMark());
    int end = Math.max(start, offset(e.getEndMark()));
    ScalarStyle style = e.getScalarStyle();
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      // A block scalar's end mark stands after its trailing line breaks; end the range on the
      // last line that has content instead.
      while (end > start + 1 && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
    }
    return file.range(start, end);
  }

  private int offset(Mark mark) {
    return mark == null ? text.length() : offsets.offset(mark.getIndex());
  }
}
