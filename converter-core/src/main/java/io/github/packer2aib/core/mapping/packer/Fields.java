package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.hcl.value.BoolValue;
import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.MarkedValue;
import io.github.packer2aib.core.hcl.value.NullValue;
import io.github.packer2aib.core.hcl.value.NumberValue;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.SetValue;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.TupleValue;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.ValueLayout;
import io.github.packer2aib.core.source.Range;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments and nested blocks of one body, read by name with the conversions Packer applies
 * (numbers and bools given as strings, a single string where a list is expected), remembering what
 * was read so that everything left over can be reported. Nested structures are HCL blocks or, in
 * legacy JSON, object values; both read the same way.
 *
 * <p>A value that is unknown (a data source, {@code build.*}) or that is sensitive and would be
 * copied into the template is reported here, and reads as absent.
 */
final class Fields {
  /**
   * One argument and/or its blocks, and whether it was read. The mark sits on the entry rather than
   * in a set of read keys: every read of every field marks, and a set add (hash, node) per read was
   * a visible cost in the C1 code of bulk runs. Reads of absent keys need no mark: only present
   * keys can be left over.
   */
  private static final class Entry {
    private final String key;

    /** The key's hash as {@link Fields#hash} spreads it. */
    private final int hash;

    private final Field field;

    /**
     * Whether the field is set ({@link #isSet} of its value), found once: values do not change, and
     * every read and every presence check of every field asked it again.
     */
    private final boolean fieldSet;

    private final List<Config.NestedBlock> blocks;
    private boolean used;

    /** Whether blocks of this argument's name were reported as refused ({@link #field}). */
    private boolean blocksRefused;

    Entry(String key, Field field, List<Config.NestedBlock> blocks) {
      this.key = key;
      this.hash = hash(key);
      this.field = field;
      this.fieldSet = field != null && isSet(field.value());
      this.blocks = blocks;
    }

    String key() {
      return key;
    }

    Field field() {
      return field;
    }

    List<Config.NestedBlock> blocks() {
      return blocks;
    }
  }

  private final String prefix;
  private final Range range;

  /**
   * The entries in source order ({@code count} of them), found by key through {@code slots}: an
   * open-addressing table of entry index + 1 (0: empty), at least twice as long as the entries.
   * Every provisioner of every template makes a Fields, and a LinkedHashMap (a node per key, links
   * kept in order, a table allocated on first put) was a visible share of mapping in C1 code.
   */
  private final Entry[] entries;

  private int count;
  private final int[] slots;
  private final Report report;

  /** Fields already reported as frozen, so each is reported once; made on the first report. */
  private Set<String> frozenSaid;

  private final Secrets secrets;

  /** How Packer types the values of this body ({@link Typing}); set by {@link #typed}. */
  private Typing typing = Typing.WEAK;

  /** Top-level keys whose values Packer decodes weakly whatever {@link #typing} says. */
  private Set<String> weakKeys = Set.of();

  /**
   * How Packer decodes a body's values into its plugin's configuration. Legacy templates go through
   * mapstructure's weak decoding, which takes a single value for a list of one and an object for a
   * block. HCL2 templates go through the plugin's HCL2 spec: each value is converted to the field's
   * type, and a single string where a list is wanted is refused ("Inappropriate value for
   * attribute: list of string required", Packer 1.6.6 and later); in native syntax a block written
   * as an argument ({@code shared_image_gallery_destination = { … }}) is refused too, where the
   * JSON syntax cannot tell the two apart and takes the object as the block. (An HCL2 template's
   * files may mix the two syntaxes: that difference is told by each field's file.)
   */
  enum Typing {
    WEAK,
    /**
     * A legacy template written in YAML: as {@link #WEAK}, except that a boolean where a string is
     * expected is its text, not Packer's "1"/"0" (Packer never reads YAML; a YAML number there
     * keeps its text too, NumberValue#text).
     */
    WEAK_YAML,
    HCL_JSON,
    HCL_NATIVE
  }

  private Fields(String prefix, Range range, int capacity, Report report, Secrets secrets) {
    this.prefix = prefix;
    this.range = range;
    this.entries = new Entry[capacity];
    int tableSize = 8;
    while (tableSize < 2 * capacity) {
      tableSize <<= 1;
    }
    this.slots = new int[tableSize];
    this.report = report;
    this.secrets = secrets;
  }

  /** A key's hash with the high bits folded in, as HashMap spreads it. */
  private static int hash(String key) {
    int h = key.hashCode();
    return h ^ (h >>> 16);
  }

  /** The entry of a key, or null. */
  private Entry find(String key) {
    int h = hash(key);
    int mask = slots.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int slot = slots[i];
      if (slot == 0) {
        return null;
      }
      Entry e = entries[slot - 1];
      if (e.hash == h && (e.key == key || e.key.equals(key))) {
        return e;
      }
    }
  }

  /**
   * Adds an entry, or replaces the entry of its key where it stands (as a LinkedHashMap's put keeps
   * a key's first place).
   */
  private void put(Entry e) {
    int mask = slots.length - 1;
    for (int i = e.hash & mask; ; i = (i + 1) & mask) {
      int slot = slots[i];
      if (slot == 0) {
        entries[count++] = e;
        slots[i] = count;
        return;
      }
      Entry old = entries[slot - 1];
      if (old.hash == e.hash && old.key.equals(e.key)) {
        entries[slot - 1] = e;
        return;
      }
    }
  }

  /** The fields of an HCL body or legacy object. */
  /**
   * This body's values typed as Packer types them ({@link Typing}), except the top-level keys in
   * {@code weak}: a provisioner's {@code override} reaches the plugin as a second raw
   * configuration, decoded weakly even in an HCL2 template.
   */
  Fields typed(Typing how, Set<String> weak) {
    this.typing = how;
    this.weakKeys = weak;
    return this;
  }

  static Fields of(Config config, String prefix, Report report, Secrets secrets) {
    // Every provisioner of every template comes here: sized once, no list for an argument
    // without blocks, no copy of a name without a prefix.
    // Loops by index: in C1 code a for-each over these lists allocates an iterator.
    List<Setting> settings = config.settings();
    List<Config.NestedBlock> blocks = config.blocks();
    Fields fields =
        new Fields(prefix, config.range(), settings.size() + blocks.size(), report, secrets);
    for (int i = 0; i < settings.size(); i++) {
      Setting s = settings.get(i);
      String name = prefix.isEmpty() ? s.name() : prefix + s.name();
      fields.put(
          new Entry(
              s.name(),
              new Field(
                  name,
                  s.value(),
                  s.nameRange(),
                  s.valueRange(),
                  s.unknownFrom(),
                  s.layout(),
                  s.reads()),
              List.of()));
    }
    for (int i = 0; i < blocks.size(); i++) {
      Config.NestedBlock b = blocks.get(i);
      Entry e = fields.find(b.type());
      if (e == null || e.blocks().isEmpty()) {
        e = new Entry(b.type(), e == null ? null : e.field(), new ArrayList<>());
        fields.put(e);
      }
      e.blocks().add(b);
    }
    return fields;
  }

  /**
   * The fields of an object value (a legacy JSON object, an HCL object expression), each located
   * where {@code layout} has its key and value; one that the layout lacks (the value came from a
   * variable, say) at the whole value. {@code jsonBody}: the object is a block body in HCL's JSON
   * syntax, where a {@code "//"} key is a comment (HCL skips it in every body, not in a map-typed
   * argument such as {@code azure_tags}).
   */
  static Fields ofObject(
      Value object,
      ValueLayout layout,
      String prefix,
      Report report,
      Secrets secrets,
      boolean jsonBody) {
    Value.Unmarked u = object.unmark();
    Map<String, Value> members = Map.of();
    if (u.value() instanceof ObjectValue o) {
      members = o.attributes();
    } else if (u.value() instanceof MapValue m) {
      members = m.entries();
    }
    Range at = layout.range();
    Fields fields = new Fields(prefix, at, members.size(), report, secrets);
    // A block body of HCL's JSON syntax takes its keys as argument names, as written: a key
    // written as a template ("${var.k}") is not evaluated there, so it names no argument and
    // Packer refuses it ("No argument or block type is named"). The object value was evaluated
    // as any object is, so its members from such keys are left out and each key is reported.
    List<ValueLayout.ComputedKey> computed = jsonBody ? layout.computedKeys() : List.of();
    for (ValueLayout.ComputedKey k : computed) {
      String block = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
      report.add(
          PackerMapCode.FIELD_PACKER_REFUSES,
          k.keyRange(),
          block
              + " has no argument named "
              + k.written()
              + ", so Packer refuses the template (\"No argument or block type is named\"): in"
              + " HCL's JSON syntax the properties of a block are named by their keys as written,"
              + " and a template in a key is not evaluated. Write the argument's name itself as"
              + " the key.");
    }
    for (Map.Entry<String, Value> m : members.entrySet()) {
      if (jsonBody && m.getKey().equals("//")) {
        continue;
      }
      Optional<ValueLayout.Member> written = layout.member(m.getKey());
      if (written.isEmpty() && !computed.isEmpty()) {
        continue; // from a computed key, reported above
      }
      Value v = m.getValue().withMarks(u.marks());
      Field field =
          written.isPresent()
              ? new Field(
                  prefix + m.getKey(),
                  v,
                  written.get().keyRange(),
                  written.get().value().range(),
                  List.of(),
                  written.get().value(),
                  null)
              : new Field(prefix + m.getKey(), v, at, at);
      fields.put(new Entry(m.getKey(), field, List.of()));
    }
    return fields;
  }

  Range range() {
    return range;
  }

  String prefix() {
    return prefix;
  }

  /** The qualified name of a key, for messages. */
  String name(String key) {
    return prefix.isEmpty() ? key : prefix + key; // no copy of a name without a prefix
  }

  /** Whether the key is set to something other than null (does not count as reading it). */
  boolean has(String key) {
    Entry e = find(key);
    return e != null && isPresent(e);
  }

  /**
   * Whether {@code key} is written, set or not: {@code managed_image_resource_group_name = var.rg}
   * with {@code rg} empty is written but not {@link #has set}.
   */
  boolean written(String key) {
    return find(key) != null;
  }

  /**
   * Of {@code ways} (each a set of fields that go together, such as a Marketplace image's
   * publisher, offer and sku), the fields that are written, though the caller found them not set:
   * written but empty, as a variable without a value makes them. A message about something missing
   * points at the first of them rather than at the block, and {@code partners} names, for each way
   * written in part, what else it needs (" image_sku also needs image_offer.").
   */
  WrittenButEmpty writtenButEmpty(List<List<String>> ways) {
    List<String> empty = new ArrayList<>();
    StringBuilder partners = new StringBuilder();
    for (List<String> way : ways) {
      List<String> written = new ArrayList<>();
      List<String> absent = new ArrayList<>();
      for (String k : way) {
        (written(k) ? written : absent).add(k);
      }
      if (!written.isEmpty()) {
        empty.addAll(written);
        if (!absent.isEmpty()) {
          partners
              .append(' ')
              .append(Words.and(written))
              .append(written.size() > 1 ? " also need " : " also needs ")
              .append(Words.and(absent))
              .append('.');
        }
      }
    }
    return new WrittenButEmpty(List.copyOf(empty), partners.toString());
  }

  /**
   * What {@link #writtenButEmpty} found: the fields in order, and the sentences on their partners.
   */
  record WrittenButEmpty(List<String> fields, String partners) {}

  /**
   * The variable that the value of {@code key} is written as reading and nothing else ({@code
   * var.os}, {@code {{user `os`}}}: {@link Field#reads}), or null: what a message about a field
   * written but empty names as what makes it so.
   */
  String reads(String key) {
    Entry e = find(key);
    return e == null || e.field() == null ? null : e.field().reads();
  }

  /** Whether an entry is set to something other than null. */
  private static boolean isPresent(Entry e) {
    return e.fieldSet || !e.blocks().isEmpty();
  }

  /**
   * Packer decodes fields into Go values, where null, {@code ""} and an empty list are all the zero
   * value, which means "not set" (an unset variable defaulting to {@code ""} in a legacy template
   * leaves {@code subscription_id} unset, not empty).
   */
  static boolean isSet(Value v) {
    // By type tests on the records rather than Value's default methods: every field of every body
    // comes here, and C1 code makes each of those interface calls a dispatch through a stub.
    Value u = Values.unmarked(v);
    if (u instanceof StringValue s) {
      return !s.value().isEmpty();
    }
    if (u instanceof NullValue) {
      return false;
    }
    if (u instanceof TupleValue t) {
      return !t.elements().isEmpty();
    }
    if (u instanceof ListValue l) {
      return !l.elements().isEmpty();
    }
    if (u instanceof SetValue st) {
      return !st.elements().isEmpty();
    }
    return true; // unknown values, numbers, bools, maps, objects
  }

  /** Where a key is written, or the body when it is absent. */
  Range nameRange(String key) {
    Entry e = find(key);
    return e == null ? range : nameRange(e);
  }

  /**
   * Where the key {@code member} of the object value of {@code key} is written, when the value is
   * written out as an object ({@code azure_tags = { owner = "sre" }}, a legacy JSON object); else
   * where {@code key} is.
   */
  Range memberRange(String key, String member) {
    Entry e = find(key);
    if (e != null && e.field() != null) {
      Optional<Range> at = e.field().memberKeyRange(member);
      if (at.isPresent()) {
        return at.get();
      }
    }
    return nameRange(key);
  }

  /** Where an entry's key is written. */
  private Range nameRange(Entry e) {
    if (e.field() != null) {
      return e.field().nameRange();
    }
    return e.blocks().isEmpty() ? range : e.blocks().get(0).range();
  }

  /** Marks a key as read without reading it. */
  void consume(String key) {
    markUsed(key);
  }

  /** Marks a present key as read, and gives its entry (null when absent). */
  private Entry markUsed(String key) {
    Entry e = find(key);
    if (e != null) {
      e.used = true;
    }
    return e;
  }

  /**
   * Where the value of a key that was read as set is written: {@code take(key).get().valueRange()}
   * without the Optional.
   */
  Range valueRange(String key) {
    return field(key).valueRange();
  }

  /** Reads an argument; null reads as absent. */
  Optional<Field> take(String key) {
    return Optional.ofNullable(field(key));
  }

  /**
   * {@link #take} without the Optional: the typed readers below run for every field of every
   * template, and in the C1 code of bulk runs each {@code take(key).flatMap(f -> ...)} allocated an
   * Optional and a capturing lambda.
   */
  private Field field(String key) {
    return field(key, "…");
  }

  /**
   * {@link #field}, saying how the argument is written ({@code shape}, such as {@code { … }} for a
   * map) if it was written as a block.
   */
  private Field field(String key, String shape) {
    Entry e = markUsed(key);
    if (e == null) {
      return null;
    }
    if (!e.blocks().isEmpty() && !e.blocksRefused) {
      argumentAsBlock(e, shape);
    }
    return e.fieldSet ? e.field() : null;
  }

  /**
   * Reports blocks written with the name of an argument ({@code azure_tags { team = "x" }}): HCL
   * keeps blocks and arguments apart, Packer's decoder refuses the template ("Unsupported block
   * type: Blocks of type "azure_tags" are not expected here."), and a block has no value to read,
   * so without this the setting would vanish without a word.
   */
  private void argumentAsBlock(Entry e, String shape) {
    e.blocksRefused = true;
    Config.NestedBlock first = e.blocks().get(0);
    report.add(
        PackerMapCode.ARGUMENT_AS_BLOCK,
        first.range(),
        Words.concat(
            "Packer refuses ",
            name(e.key()),
            " written as a block (\"Unsupported block type: Blocks of type \"",
            e.key(),
            "\" are not expected here\"): it is an argument, so it needs an equals sign. It was"
                + " not converted; write ",
            e.key(),
            " = ",
            shape,
            " instead."));
  }

  /**
   * The value of a set argument without reading it, for a look at a leftover; empty when the key is
   * absent, unset or written only as a block.
   */
  Optional<Value> peekValue(String key) {
    Entry e = find(key);
    return e != null && e.fieldSet ? Optional.of(e.field().value()) : Optional.empty();
  }

  /**
   * A string argument that is copied to {@code destination} of the template (sensitive values are
   * refused there); {@code destination} null: the value is only inspected, never copied.
   */
  Optional<String> string(String key, String destination) {
    Field f = field(key, "\"…\"");
    return f == null ? Optional.empty() : text(f, destination);
  }

  /**
   * How a message shows a field's text: quoted, or "a sensitive value" when the value is sensitive
   * (messages go to logs, where a secret must never appear).
   */
  String shown(String key, String text) {
    Optional<Field> f = take(key);
    if (f.isPresent() && f.get().value().containsSensitive()) {
      return "a sensitive value";
    }
    return "\"" + text + "\"";
  }

  /**
   * The text of a plain string field without reading it (it stays a leftover for whoever reports
   * it): empty when it is not set, not a known string, or marked (sensitive, frozen).
   */
  Optional<String> peekPlainString(String key) {
    Entry e = find(key);
    return e != null && e.fieldSet && e.field().value() instanceof StringValue s
        ? Optional.of(s.asString())
        : Optional.empty();
  }

  /** A string argument that is inspected, not copied. */
  Optional<String> inspect(String key) {
    return string(key, null);
  }

  Optional<Long> integer(String key, String destination) {
    Field f = field(key, "…");
    return f == null ? Optional.empty() : integer(f, destination);
  }

  Optional<Boolean> bool(String key) {
    Field f = field(key, "…");
    return f == null ? Optional.empty() : bool(f);
  }

  /** A list of strings; a single string reads as a list of one (as Packer's decoder allows). */
  Optional<List<String>> strings(String key, String destination) {
    Field f = field(key, "[ … ]");
    return f == null ? Optional.empty() : strings(f, destination);
  }

  /** A map or object of strings, in key order. */
  Optional<Map<String, String>> stringMap(String key, String destination) {
    Field f = field(key, "{ … }");
    return f == null ? Optional.empty() : stringMap(f, destination);
  }

  /** A nested structure: the first block of that type, or an object value. */
  Optional<Fields> nested(String key) {
    List<Fields> all = nestedList(key);
    if (all.size() > 1) {
      Entry e = find(key);
      boolean blocks = e.blocks().size() > 1;
      report.add(
          PackerMapCode.CONFLICTING_FIELDS,
          blocks ? e.blocks().get(1).range() : nameRange(key),
          "The block "
              + name(key)
              + " may appear only once, but it appears "
              + all.size()
              + " times. Keep one.",
          blocks ? e.blocks().get(0).range() : null,
          "first defined");
      return Optional.of(all.get(0));
    }
    return all.stream().findFirst();
  }

  /**
   * Repeatable nested structures: every block of that type, or a list of objects, or one object.
   */
  List<Fields> nestedList(String key) {
    Entry e = markUsed(key);
    List<Fields> out = new ArrayList<>();
    if (e == null) {
      return out;
    }
    for (Config.NestedBlock b : e.blocks()) {
      out.add(Fields.of(b.body(), name(key) + ".", report, secrets).typed(typing, Set.of()));
    }
    if (e.field() != null && !e.field().value().isNull()) {
      Field f = e.field();
      if (!known(f)) {
        return out;
      }
      if (hcl2() && !inJsonFile(f) && !weakKeys.contains(key)) {
        report.add(
            PackerMapCode.PACKER_REFUSES_TYPE,
            f.nameRange(),
            "Packer refuses "
                + f.name()
                + " written as an argument (with an equals sign) in an HCL2 template: it is a"
                + " block. It was converted as the block; write "
                + key
                + " { … } without the equals sign, so that Packer accepts the template too.");
      }
      Value.Unmarked u = f.value().unmark();
      Value v = u.value();
      boolean blocksOrList =
          v instanceof ObjectValue
              || v instanceof MapValue
              || v instanceof TupleValue
              || v instanceof ListValue
              || v instanceof SetValue;
      if (jsonBodies(f, key) && blocksOrList && f.writtenWhole()) {
        // HCL's JSON syntax takes an object (or an array of objects) for a block, never a string:
        // Packer refuses "${local.sig}" there ("Incorrect JSON value type"), though it evaluates
        // to an object. (A number or bool is refused below, as a value that is not a block.)
        report.add(
            PackerMapCode.PACKER_REFUSES_TYPE,
            f.valueRange(),
            "Packer refuses a string for "
                + f.name()
                + " in HCL's JSON syntax: it is a block, written in JSON as an object (or an"
                + " array of objects, one per block), never as a string. It was converted as the"
                + " block; write \""
                + key
                + "\": { … } with its arguments as the object's properties (to make blocks from a"
                + " variable's list, a \"dynamic\" block), so that Packer accepts the template"
                + " too.");
      }
      if (v instanceof ObjectValue || v instanceof MapValue) {
        out.add(
            ofObject(f.value(), f.layout(), name(key) + ".", report, secrets, jsonBodies(f, key))
                .typed(typing, Set.of()));
      } else if (v instanceof TupleValue || v instanceof ListValue || v instanceof SetValue) {
        List<Value> items = v.elements();
        for (int i = 0; i < items.size(); i++) {
          Value marked = items.get(i).withMarks(u.marks());
          if (marked.unmarked() instanceof ObjectValue || marked.unmarked() instanceof MapValue) {
            // A set's elements are in its own order, not as written.
            Optional<ValueLayout> written =
                v instanceof SetValue ? Optional.empty() : f.layout().element(i);
            ValueLayout at = written.orElseGet(() -> ValueLayout.of(f.valueRange()));
            if (jsonBodies(f, key)
                && written.isPresent()
                && written.get() instanceof ValueLayout.Whole) {
              // An element of an array written out, as a string: each element is a block body,
              // which must be a JSON object (Packer 1.6.6 refuses the string).
              report.add(
                  PackerMapCode.PACKER_REFUSES_TYPE,
                  at.range(),
                  "Packer refuses a string as an element of "
                      + f.name()
                      + " in HCL's JSON syntax: each element is a block, written in JSON as an"
                      + " object, never as a string. It was converted as the block; write the"
                      + " element as an object, { … }, with the block's arguments as its"
                      + " properties, so that Packer accepts the template too.");
            }
            out.add(
                ofObject(marked, at, name(key) + ".", report, secrets, jsonBodies(f, key))
                    .typed(typing, Set.of()));
          } else {
            invalid(f, "a block or an object", items.get(i));
          }
        }
      } else {
        invalid(f, "a block or an object", v);
      }
    }
    return out;
  }

  /**
   * Whether the object values of {@code f} ({@code key}) that are read as blocks are bodies in
   * HCL's JSON syntax; not in an override, which reaches the plugin as a raw configuration.
   */
  private boolean jsonBodies(Field f, String key) {
    return hcl2() && inJsonFile(f) && !weakKeys.contains(key);
  }

  /** Whether this body is an HCL2 template's, of either syntax. */
  private boolean hcl2() {
    return typing == Typing.HCL_NATIVE || typing == Typing.HCL_JSON;
  }

  /**
   * Whether {@code f} is written in a file of HCL's JSON syntax. An HCL2 template may mix the two
   * syntaxes file by file (a source in a .pkr.json beside variables in a .pkr.hcl), and Packer
   * reads each body by its own file's syntax, so the template's syntax ({@link Typing#HCL_JSON}
   * only when every file is JSON) does not tell.
   */
  private static boolean inJsonFile(Field f) {
    return f.nameRange().file().endsWith(".json");
  }

  /** Every argument and block that was not read, in source order (nulls excluded). */
  List<Leftover> leftovers() {
    List<Leftover> out = null; // made for the first leftover: most bodies have none

    // From the entries themselves: every field of every template comes here, and looking each
    // key up again (twice) was a visible part of reporting leftovers.
    for (int i = 0; i < count; i++) {
      Entry e = entries[i];
      if (e.used || !isPresent(e)) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>();
      }
      out.add(new Leftover(e.key(), name(e.key()), nameRange(e), e.field() == null));
    }
    return out == null ? List.of() : out;
  }

  /**
   * A field nobody read.
   *
   * @param block whether it is written as blocks only (HCL2: Packer calls an unknown one an
   *     "Unsupported block type", not an "Unsupported argument")
   */
  record Leftover(String key, String name, Range range, boolean block) {}

  /**
   * Whether Packer decodes the top-level {@code key} weakly whatever the syntax (an override's).
   */
  boolean decodedWeakly(String key) {
    return weakKeys.contains(key);
  }

  /** Whether this body is read as a legacy template's, with mapstructure's weak decoding. */
  boolean legacy() {
    return typing == Typing.WEAK || typing == Typing.WEAK_YAML;
  }

  /** Every key present (set, not null), in source order. */
  List<String> keys() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Entry e = entries[i];
      if (isPresent(e)) {
        out.add(e.key());
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ conversions

  boolean known(Field f) {
    if (f.value().isWhollyKnown()) {
      return true;
    }
    report.add(PackerMapCode.VALUE_NOT_KNOWN, unknownPart(f), UnknownValues.detail(f, legacy()));
    return false;
  }

  /**
   * Where the unknown part of {@code f}'s value is written: its first unknown element when it is a
   * list written out element by element (the second inline command), else the whole value.
   */
  private static Range unknownPart(Field f) {
    Value v = Values.unmarked(f.value());
    List<Value> elements =
        v instanceof TupleValue t ? t.elements() : v instanceof ListValue l ? l.elements() : null;
    if (elements != null) {
      for (int i = 0; i < elements.size(); i++) {
        if (!elements.get(i).isWhollyKnown()) {
          return TemplateFields.element(f, i, elements.size());
        }
      }
    }
    return f.valueRange();
  }

  /** Reports {@code f} when its value is sensitive and is about to be copied; true when clean. */
  boolean clean(Field f, Value v, String destination) {
    if (destination != null && v.deepMarks().contains(Mark.FROZEN) && firstFrozen(f.name())) {
      // At the first element or member that holds the frozen value (one command of 30), unless
      // the list or object as a whole came from such a function.
      FieldPart part =
          v.marks().contains(Mark.FROZEN)
              ? FieldPart.whole(f)
              : FieldPart.first(f, x -> x.deepMarks().contains(Mark.FROZEN));
      report.add(
          PackerMapCode.FROZEN_VALUE,
          part.at(),
          Words.concat(
              part.subject(),
              " comes from timestamp(), uuidv4(), isotime or a similar function, which Packer"
                  + " evaluates on every build; the converter evaluated it once, so the image"
                  + " template holds that one value for every build. Set it explicitly when you"
                  + " re-convert, or, for gallery image versions, use --gallery-versioning"
                  + " latest."));
    }
    if (destination == null || !v.containsSensitive()) {
      return true;
    }
    // At the element or member that holds the secret where it is written out (one command of
    // 30); when several do (two credentials in one environment_vars list), one message at each,
    // naming that part and what it comes from, where one at the first named them all.
    List<FieldPart.Holding> parts = FieldPart.each(f, Value::containsSensitive);
    if (parts.size() < 2) {
      Range at = parts.isEmpty() ? f.valueRange() : parts.get(0).part().at();
      secrets.refuse(report, v, f.reads(), f.name(), at, destination);
      return false;
    }
    for (FieldPart.Holding h : parts) {
      secrets.refuse(report, h.value(), null, h.part().subject(), h.part().at(), destination);
    }
    return false;
  }

  /** Whether a field is reported as frozen for the first time. */
  private boolean firstFrozen(String name) {
    if (frozenSaid == null) {
      frozenSaid = new java.util.HashSet<>();
    }
    return frozenSaid.add(name);
  }

  Optional<String> text(Field f, String destination) {
    if (f.value() instanceof StringValue plain) {
      return Optional.of(plain.asString()); // Plain: known, unmarked, already a string.
    }
    if (Values.unmarked(f.value()) instanceof StringValue marked) {
      // Known and a string already; only the marks need looking at.
      return clean(f, f.value(), destination) ? Optional.of(marked.asString()) : Optional.empty();
    }
    return textConverted(f, destination);
  }

  /** {@link #text} for any value: converted, checked for unknowns and marks. */
  Optional<String> textConverted(Field f, String destination) {
    if (!known(f)) {
      return Optional.empty();
    }
    Convert.Result r = Convert.to(weakBools(f), Type.STRING);
    if (!r.isOk()) {
      invalid(f, "a string", f.value());
      return Optional.empty();
    }
    if (!clean(f, f.value(), destination)) {
      return Optional.empty();
    }
    return Optional.of(r.value().unmarkDeep().value().asString());
  }

  Optional<Long> integer(Field f, String destination) {
    if (!known(f)) {
      return Optional.empty();
    }
    Convert.Result r = Convert.to(f.value(), Type.NUMBER);
    if (!r.isOk()) {
      invalid(f, "a whole number", f.value(), shownValue(f.value()));
      return Optional.empty();
    }
    var n = r.value().unmarkDeep().value().asNumber();
    Optional<BigInteger> i = n.isInteger() ? n.toBigInteger() : Optional.empty();
    if (i.isEmpty()) {
      // "but it is a number" said nothing: the number is shown (64.5), unless it is a secret.
      invalid(f, "a whole number", f.value(), shownValue(f.value()));
      return Optional.empty();
    }
    if (i.get().bitLength() > 31) {
      // The plugin's fields are 32-bit integers: a larger number is refused there too.
      report.add(
          PackerMapCode.INVALID_VALUE,
          f.valueRange(),
          "The value of "
              + f.name()
              + " must be a whole number from -2147483648 to 2147483647, but it is "
              + (sensitive(f.value()) ? "outside that range" : i.get().toString())
              + ". Fix the value in the template.");
      return Optional.empty();
    }
    if (!clean(f, f.value(), destination)) {
      return Optional.empty();
    }
    return Optional.of(i.get().longValue());
  }

  Optional<Boolean> bool(Field f) {
    if (f.value() instanceof BoolValue plain) {
      return Optional.of(plain.asBoolean());
    }
    return boolConverted(f);
  }

  /** {@link #bool} for any value. */
  Optional<Boolean> boolConverted(Field f) {
    if (!known(f)) {
      return Optional.empty();
    }
    if (Values.unmarked(f.value()) instanceof StringValue text) {
      Optional<Boolean> b = stringBool(text.value(), legacy());
      if (b.isPresent()) {
        return b;
      }
    }
    Convert.Result r = Convert.to(f.value(), Type.BOOL);
    if (!r.isOk()) {
      // A string is a bool to Packer when it is one of a few; "but it is a string" said
      // otherwise, so the value is shown with the strings that are.
      invalid(
          f,
          legacy()
              ? "true or false (or a string Packer reads as one: \"true\", \"false\", \"1\", \"0\","
                  + " \"t\", \"f\", \"T\", \"F\", \"TRUE\", \"FALSE\", \"True\" or \"False\")"
              : "true or false (or the string \"true\", \"false\", \"1\" or \"0\")",
          f.value(),
          shownValue(f.value()));
      return Optional.empty();
    }
    return Optional.of(r.value().unmarkDeep().value().asBoolean());
  }

  /**
   * The bool Packer reads from the string {@code s}: HCL2 converts "true", "false", "1" and "0"
   * (cty); a legacy template's weak decoding takes what Go's strconv.ParseBool takes ({@code
   * weak}). Empty for any other string.
   */
  static Optional<Boolean> stringBool(String s, boolean weak) {
    switch (s) {
      case "true", "1":
        return Optional.of(true);
      case "false", "0":
        return Optional.of(false);
      default:
        break;
    }
    if (weak) {
      switch (s) {
        case "t", "T", "TRUE", "True":
          return Optional.of(true);
        case "f", "F", "FALSE", "False":
          return Optional.of(false);
        default:
          break;
      }
    }
    return Optional.empty();
  }

  Optional<List<String>> strings(Field f, String destination) {
    Value v = f.value();
    if (v instanceof StringValue plain) {
      singleForList(f);
      return Optional.of(List.of(plain.asString()));
    }
    List<String> plain = plainStrings(v, typing == Typing.WEAK);
    if (plain != null && typing == Typing.WEAK && hasBool(Values.unmarked(v))) {
      digitsSaid(f);
    }
    if (plain != null) {
      return marksFree(v) || clean(f, v, destination) ? Optional.of(plain) : Optional.empty();
    }
    return stringsConverted(f, destination);
  }

  /** {@link #strings} for any value. */
  Optional<List<String>> stringsConverted(Field f, String destination) {
    if (!known(f)) {
      return Optional.empty();
    }
    Value v = weakBools(f);
    Convert.Result single = isPrimitive(v) ? Convert.toSafe(v, Type.STRING) : null;
    if (single != null && single.isOk()) {
      if (!clean(f, v, destination)) {
        return Optional.empty();
      }
      singleForList(f);
      return Optional.of(List.of(single.value().unmarkDeep().value().asString()));
    }
    Convert.Result r = Convert.to(v, Type.list(Type.STRING));
    if (!r.isOk()) {
      invalid(f, "a list of strings", v);
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (Value item : r.value().unmarkDeep().value().elements()) {
      if (item.isNull()) {
        invalid(f, "a list of strings without nulls", v);
        return Optional.empty();
      }
      out.add(item.asString());
    }
    if (!clean(f, v, destination)) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  /** Says that an HCL2 template's Packer refuses a single value where a list is wanted. */
  private void singleForList(Field f) {
    if (typing == Typing.WEAK || typing == Typing.WEAK_YAML || weakKeys.contains(f.name())) {
      return;
    }
    report.add(
        PackerMapCode.PACKER_REFUSES_TYPE,
        f.valueRange(),
        "Packer reads "
            + f.name()
            + " as a list, and in an HCL2 template it refuses a single value there. It was"
            + " converted as a list of one; write the value in brackets, [ … ], so that Packer"
            + " accepts the template too.");
  }

  /**
   * The strings of a tuple or list whose elements are all strings, numbers or bools (numbers and
   * bools as the conversion to string writes them), marks set aside, else null. Most fields are
   * such values; for them the general path (a conversion to a list) gives exactly these strings,
   * and only the marks remain to be looked at ({@link #clean}); it was a visible part of mapping.
   */
  private static List<String> plainStrings(Value v, boolean boolsAsDigits) {
    Value bare = Values.unmarked(v);
    if (!(bare instanceof TupleValue) && !(bare instanceof ListValue)) {
      return null;
    }
    List<Value> items = bare.elements();
    List<String> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) { // by index: no iterator (C1 code)
      Value item = Values.unmarked(items.get(i));
      if (item instanceof StringValue s) {
        out.add(s.asString());
      } else if (item instanceof NumberValue n) {
        out.add(n.asText());
      } else if (item instanceof BoolValue b) {
        out.add(boolsAsDigits ? digit(b) : b.asBoolean() ? "true" : "false");
      } else {
        return null;
      }
    }
    return out;
  }

  /**
   * {@code v} with its booleans (its own, its elements', its members') as the strings "1" and "0"
   * in a legacy JSON template, where a string is expected: Packer's weak decoding (mapstructure's
   * WeaklyTypedInput) turns a JSON {@code true} into "1" there, so {@code "inline": [true]} runs
   * the command {@code 1} and {@code "azure_tags": {"on": true}} tags {@code on=1} (Packer 1.6.6).
   */
  private Value weakBools(Field f) {
    Value v = f.value();
    if (typing != Typing.WEAK) {
      return v;
    }
    Value digits = boolsAsDigits(v);
    if (digits != v) {
      digitsSaid(f);
    }
    return digits;
  }

  /** Whether a list's elements hold a boolean (a plain list of {@link #plainStrings}). */
  private static boolean hasBool(Value list) {
    for (Value item : list.elements()) {
      if (Values.unmarked(item) instanceof BoolValue) {
        return true;
      }
    }
    return false;
  }

  /**
   * Says that a boolean became "1" or "0": {@code "inline": ["echo", true]} running the command
   * {@code 1} is what Packer does, but hardly what was meant.
   */
  private void digitsSaid(Field f) {
    // At the first element or member that holds a boolean, which the text names as well.
    FieldPart part = FieldPart.first(f, Fields::holdsBool);
    report.add(
        PackerMapCode.FIELD_REWRITTEN,
        part.at(),
        part.subject()
            + " holds a JSON true or false where Packer expects text; Packer reads true as \"1\""
            + " and false as \"0\", and so does the converter. If the words were meant, quote"
            + " them: \"true\".");
  }

  /** Whether {@code v} is or holds a boolean (as {@link #boolsAsDigits} rewrites it). */
  private static boolean holdsBool(Value v) {
    Value bare = Values.unmarked(v);
    if (bare instanceof BoolValue) {
      return true;
    }
    if (bare instanceof TupleValue || bare instanceof ObjectValue) {
      for (Value part : Values.children(bare)) {
        if (holdsBool(part)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Value boolsAsDigits(Value v) {
    Value.Unmarked u = v.unmark();
    Value bare = u.value();
    if (bare instanceof BoolValue b) {
      return u.remark(Value.string(digit(b)));
    }
    if (bare instanceof TupleValue t) {
      List<Value> items = new ArrayList<>(t.elements().size());
      boolean changed = false;
      for (Value item : t.elements()) {
        Value d = boolsAsDigits(item);
        changed |= d != item;
        items.add(d);
      }
      return changed ? u.remark(Value.tuple(items)) : v;
    }
    if (bare instanceof ObjectValue o) {
      Map<String, Value> members = new LinkedHashMap<>();
      boolean changed = false;
      for (Map.Entry<String, Value> e : o.attributes().entrySet()) {
        Value d = boolsAsDigits(e.getValue());
        changed |= d != e.getValue();
        members.put(e.getKey(), d);
      }
      return changed ? u.remark(Value.object(members)) : v;
    }
    return v;
  }

  /** A boolean as Go's weak decoding writes it into a string. */
  private static String digit(BoolValue b) {
    return b.asBoolean() ? "1" : "0";
  }

  /** Whether a value is a string, number or bool, without computing a collection's whole type. */
  private static boolean isPrimitive(Value v) {
    Value bare = Values.unmarked(v);
    if (bare instanceof TupleValue
        || bare instanceof ListValue
        || bare instanceof SetValue
        || bare instanceof ObjectValue
        || bare instanceof MapValue) {
      return false;
    }
    return bare.type().isPrimitive();
  }

  Optional<Map<String, String>> stringMap(Field f, String destination) {
    Value v = f.value();
    Map<String, String> plain = plainStringMap(v);
    if (plain != null) {
      return marksFree(v) || clean(f, v, destination) ? Optional.of(plain) : Optional.empty();
    }
    return stringMapConverted(f, destination);
  }

  /** {@link #stringMap} for any value. */
  Optional<Map<String, String>> stringMapConverted(Field f, String destination) {
    if (!known(f)) {
      return Optional.empty();
    }
    Convert.Result r = Convert.to(weakBools(f), Type.map(Type.STRING));
    if (!r.isOk()) {
      invalid(f, "a map of strings", f.value());
      return Optional.empty();
    }
    Map<String, String> out = new LinkedHashMap<>();
    Value m = r.value().unmarkDeep().value();
    if (m instanceof MapValue mv) {
      for (Map.Entry<String, Value> e : mv.entries().entrySet()) {
        out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asString());
      }
    }
    if (!clean(f, f.value(), destination)) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  /**
   * The entries of an object or map whose values are all strings, marks set aside, in key order
   * (the order both keep their members in, as the conversion to a map does), else null; as {@link
   * #plainStrings}.
   */
  private static Map<String, String> plainStringMap(Value v) {
    Value bare = Values.unmarked(v);
    Map<String, Value> members;
    if (bare instanceof ObjectValue o) {
      members = o.attributes();
    } else if (bare instanceof MapValue m) {
      members = m.entries();
    } else {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Value> e : members.entrySet()) {
      if (!(Values.unmarked(e.getValue()) instanceof StringValue s)) {
        return null;
      }
      out.put(e.getKey(), s.asString());
    }
    return out;
  }

  /**
   * Whether a value that {@link #plainStrings} or {@link #plainStringMap} read has no mark, on
   * itself or an element: then {@link #clean} has nothing to say.
   */
  private static boolean marksFree(Value v) {
    // A value is marked exactly when it is a MarkedValue (whose marks are never empty): a type
    // test instead of isMarked's two interface calls per element in C1 code.
    if (v instanceof MarkedValue) {
      return false;
    }
    List<Value> children = Values.children(v);
    for (int i = 0; i < children.size(); i++) { // by index: no iterator (C1 code)
      if (children.get(i) instanceof MarkedValue) {
        return false;
      }
    }
    return true;
  }

  void invalid(Field f, String expected, Value got) {
    invalid(f, expected, got, describe(got));
  }

  /** {@link #invalid} with the value described as {@code shown}. */
  private void invalid(Field f, String expected, Value got, String shown) {
    report.add(
        PackerMapCode.INVALID_VALUE,
        f.valueRange(),
        "The value of "
            + f.name()
            + " must be "
            + expected
            + ", but it is "
            + shown
            + ". Fix the value in the template.");
  }

  /**
   * A number or string as written ({@code 64.5}, {@code "T"}, cut when long); the kind of anything
   * else, and of a sensitive value, whose content no message may show.
   */
  static String shownValue(Value v) {
    if (sensitive(v)) {
      return describe(v);
    }
    Value u = Values.unmarked(v);
    if (u instanceof NumberValue n) {
      return Excerpts.cut(n.asText(), 40);
    }
    if (u instanceof StringValue s) {
      return Words.quote(Excerpts.cut(s.value(), 40));
    }
    return describe(v);
  }

  /** The kind of a value for messages; never its content (it may be sensitive). */
  static String describe(Value v) {
    Value u = v.unmarked();
    if (u.isNull()) {
      return "null";
    }
    String name = u.type().friendlyName();
    boolean vowel = !name.isEmpty() && "aeiou".indexOf(name.charAt(0)) >= 0;
    return (vowel ? "an " : "a ") + name;
  }

  /** Whether a value carries the sensitive mark anywhere. */
  static boolean sensitive(Value v) {
    return v.deepMarks().contains(Mark.SENSITIVE);
  }
}
