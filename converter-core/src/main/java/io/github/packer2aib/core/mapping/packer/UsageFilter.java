package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.TupleValue;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.SourceUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Packer's {@code only}/{@code except} and {@code override}, per source usage. In the model both
 * front ends give {@code only}/{@code except} as usage references, {@code type.name} ({@link
 * io.github.packer2aib.core.packer.Provisioner}): HCL2 templates write them so (the build-level
 * {@code name} if set, else the source's), and the legacy loader turns the builder names a legacy
 * template writes (a builder's {@code name}, which defaults to its type) into them, refusing names
 * of no builder. {@code override} is keyed by the bare name in both.
 */
final class UsageFilter {
  private UsageFilter() {}

  /**
   * How provisioners of this template name a usage in {@code only}/{@code except}: its reference,
   * whatever the syntax (matching a legacy builder by its bare name dropped every provisioner with
   * {@code "only": ["azure-arm"]}, as the loader hands over {@code azure-arm.azure-arm}).
   */
  static String key(SourceUsage usage) {
    return usage.reference();
  }

  static boolean isLegacy(PackerTemplate.Syntax syntax) {
    return syntax == PackerTemplate.Syntax.LEGACY_JSON
        || syntax == PackerTemplate.Syntax.LEGACY_YAML;
  }

  /** Whether a provisioner or post-processor with these lists runs for the usage. */
  static boolean applies(List<String> only, List<String> except, String key) {
    if (!only.isEmpty() && !only.contains(key)) {
      return false;
    }
    return !except.contains(key);
  }

  /**
   * The body with the usage's {@code override} entry merged in: its fields replace the body's, but
   * a list replaces only as many elements as it has ({@link #overlay}).
   */
  static Config merged(Config body, Map<String, Config> override, SourceUsage usage) {
    Config o = override.get(usage.name());
    if (o == null) {
      return body;
    }
    Map<String, Setting> settings = new LinkedHashMap<>();
    for (Setting s : body.settings()) {
      settings.put(s.name(), s);
    }
    for (Setting s : o.settings()) {
      Setting given = settings.get(s.name());
      settings.put(s.name(), given == null ? s : s.withValue(overlay(given.value(), s.value())));
    }
    List<Config.NestedBlock> blocks = new ArrayList<>();
    List<String> replaced = o.blocks().stream().map(Config.NestedBlock::type).toList();
    for (Config.NestedBlock b : body.blocks()) {
      if (!replaced.contains(b.type())) {
        blocks.add(b);
      }
    }
    blocks.addAll(o.blocks());
    return new Config(new ArrayList<>(settings.values()), blocks, body.range());
  }

  /**
   * The names of the body's list settings that the override gives a shorter list, whose further
   * elements therefore stay ({@link #overlay}); empty when the usage has no override.
   */
  static List<String> overlaidLists(Config body, Map<String, Config> override, SourceUsage usage) {
    Config o = override.get(usage.name());
    if (o == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Setting s : o.settings()) {
      Optional<Setting> b = body.setting(s.name());
      if (b.isPresent() && overlays(b.get().value(), s.value())) {
        out.add(s.name());
      }
    }
    return out;
  }

  /**
   * An override's value laid over the body's as Packer lays it: its plugins decode the body and
   * then the override into one struct (mapstructure), which writes a list element by element, so a
   * shorter list replaces the first elements and the others stay ({@code inline = ["a", "b", "c"]}
   * overridden with {@code ["x"]} runs x, b and c, and environment_vars {@code ["A=1", "B=2"]} with
   * {@code ["C=3"]} sets C and B; Packer 1.6.6, legacy and HCL2). A map is written key by key into
   * the map decoded before (mapstructure makes a new one only when there is none), so {@code env =
   * {A = "1", B = "2"}} overridden with {@code {C = "3"}} sets all three. Anything else is the
   * override's value.
   */
  static Value overlay(Value body, Value override) {
    SortedMap<String, Value> keys = entries(body.unmarked());
    SortedMap<String, Value> more = entries(override.unmarked());
    if (keys != null && more != null && !keys.isEmpty()) {
      Map<String, Value> merged = new LinkedHashMap<>(keys);
      merged.putAll(more);
      return Value.object(merged).withMarks(marksOf(body, override));
    }
    if (!overlays(body, override)) {
      return override;
    }
    List<Value> under = elements(body.unmarked());
    List<Value> over = elements(override.unmarked());
    List<Value> all = new ArrayList<>(under.size());
    all.addAll(over);
    all.addAll(under.subList(over.size(), under.size()));
    return Value.tuple(all).withMarks(marksOf(body, override));
  }

  private static Set<Mark> marksOf(Value body, Value override) {
    Set<Mark> marks = new HashSet<>(body.marks());
    marks.addAll(override.marks());
    return marks;
  }

  /** The entries of a known map or object value, else null. */
  private static SortedMap<String, Value> entries(Value v) {
    if (v instanceof ObjectValue o) {
      return o.attributes();
    }
    return v instanceof MapValue m ? m.entries() : null;
  }

  /** Whether {@code override} is a known list shorter than the known list {@code body}. */
  private static boolean overlays(Value body, Value override) {
    List<Value> under = elements(body.unmarked());
    List<Value> over = elements(override.unmarked());
    return under != null && over != null && over.size() < under.size();
  }

  /** The number of elements of a list value (as {@link #overlaidLists} names them). */
  static int length(Value v) {
    return elements(v.unmarked()).size();
  }

  private static List<Value> elements(Value v) {
    if (v instanceof TupleValue t) {
      return t.elements();
    }
    return v instanceof ListValue l ? l.elements() : null;
  }

  /**
   * Packer's {@code -only}/{@code -except} globs: {@code *} matches any run of characters; a
   * pattern is matched against the build's name for the usage ({@code <build>.<type>.<name>}, or
   * {@code <type>.<name>} in an unnamed build) and, for convenience, against the usage's own forms.
   */
  static boolean globMatches(String pattern, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      if (globMatch(pattern, names.get(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code text} matches the glob {@code pattern} as Packer's -only/-except compile it
   * (gobwas/glob, without separators): {@code *} any run, {@code ?} any one character, {@code
   * [abc]} one of a set, {@code [a-z]} one of a range, {@code [!…]} one outside it, and {@code \}
   * before a character that character itself (Packer 1.6.6 selected bb.null.a with [b]b.null.a,
   * bb.null.[!r] and bb.null.\a). A pattern Packer cannot compile (an unclosed {@code [}, a
   * trailing {@code \}) matches nothing. By a walk that goes back only to the last star: a regular
   * expression made of the pattern for every name (made anew per usage) took time in the square of
   * a long pattern's length to build, and one of 8,000 stars overflowed the stack when compiled (an
   * internal error).
   */
  static boolean globMatch(String pattern, String text) {
    List<GlobToken> tokens = GlobToken.compile(pattern, null);
    if (tokens == null) {
      return false;
    }
    int p = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < text.length()) {
      GlobToken g = p < tokens.size() ? tokens.get(p) : null; // null: the pattern is used up
      if (g != null && g.any()) {
        star = p++;
        resume = t;
      } else if (g != null && g.matches(text.charAt(t))) {
        p++;
        t++;
      } else if (star >= 0) {
        p = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (p < tokens.size() && tokens.get(p).any()) {
      p++;
    }
    return p == tokens.size();
  }

  /**
   * Why Packer cannot compile {@code pattern} as an -only/-except glob (a sentence that names the
   * character at fault), or empty when it can. Such a pattern matches nothing, which a message
   * saying only "matches no usage" left unexplained: {@code azure-arm.[u} beside a usage named
   * {@code azure-arm.u}.
   */
  static Optional<String> globProblem(String pattern) {
    StringBuilder why = new StringBuilder();
    return GlobToken.compile(pattern, why) == null ? Optional.of(why.toString()) : Optional.empty();
  }

  /**
   * One step of a glob with classes or escapes: {@code *}, or one character that must be in {@code
   * set} (or between {@code lo} and {@code hi}), or outside it when {@code negated}; {@code set}
   * null and {@code lo} 0 for {@code ?}.
   */
  private record GlobToken(boolean any, String set, char lo, char hi, boolean negated) {
    private static final GlobToken ANY = new GlobToken(true, null, (char) 0, (char) 0, false);
    private static final GlobToken ONE = new GlobToken(false, null, (char) 0, (char) 0, false);

    boolean matches(char c) {
      if (set == null && lo == 0 && hi == 0) {
        return true; // ?
      }
      boolean in = set != null ? set.indexOf(c) >= 0 : c >= lo && c <= hi;
      return in != negated;
    }

    /**
     * The steps of {@code p}, as gobwas/glob reads them; null when it cannot compile it, and then
     * the reason in {@code why} when it is given.
     */
    static List<GlobToken> compile(String p, StringBuilder why) {
      List<GlobToken> out = new ArrayList<>();
      int i = 0;
      while (i < p.length()) {
        char c = p.charAt(i);
        if (c == '*') {
          out.add(ANY); // ** too: without separators it is the same
          i++;
        } else if (c == '?') {
          out.add(ONE);
          i++;
        } else if (c == '\\') {
          if (i + 1 >= p.length()) {
            if (why != null) {
              why.append(
                  "it ends with a \\ that escapes nothing (write \\\\ for a backslash meant as"
                      + " such)");
            }
            return null;
          }
          out.add(literal(p.charAt(i + 1)));
          i += 2;
        } else if (c == '[') {
          int open = i;
          i = klass(p, i + 1, out);
          if (i < 0) {
            if (why != null) {
              why.append(classProblem(p, open));
            }
            return null;
          }
        } else {
          out.add(literal(c));
          i++;
        }
      }
      return out;
    }

    /** Why the class opened at {@code open} cannot be read ({@link #klass} returned -1). */
    private static String classProblem(String p, int open) {
      int i = open + 1;
      if (i < p.length() && p.charAt(i) == '!') {
        i++;
      }
      String at = "the [ at character " + (open + 1);
      if (i + 1 < p.length() && p.charAt(i + 1) == '-') {
        return at
            + " starts a range that is not written as [a-z] (one character, -, one"
            + " character, ])";
      }
      if (i < p.length() && p.charAt(i) == ']') {
        return at + " opens an empty class, [] (write \\[ for a bracket meant as such)";
      }
      return at
          + " opens a class that is never closed with ] (close it, as in [ab], or write \\[ for"
          + " a bracket meant as such)";
    }

    private static GlobToken literal(char c) {
      return new GlobToken(false, String.valueOf(c), (char) 0, (char) 0, false);
    }

    /**
     * Reads a class from just after its {@code [}: {@code !} first negates it; {@code x-y} is a
     * range (its ends taken as written); else a set, in which {@code \} escapes, up to the {@code
     * ]}. Returns the index after the {@code ]}, or -1 when the class is malformed or empty.
     */
    private static int klass(String p, int i, List<GlobToken> out) {
      boolean negated = i < p.length() && p.charAt(i) == '!';
      if (negated) {
        i++;
      }
      if (i + 1 < p.length() && p.charAt(i + 1) == '-') {
        if (i + 3 >= p.length() || p.charAt(i + 3) != ']') {
          return -1;
        }
        out.add(new GlobToken(false, null, p.charAt(i), p.charAt(i + 2), negated));
        return i + 4;
      }
      StringBuilder set = new StringBuilder();
      while (i < p.length() && p.charAt(i) != ']') {
        if (p.charAt(i) == '\\') {
          i++;
          if (i >= p.length()) {
            return -1;
          }
        }
        set.append(p.charAt(i++));
      }
      if (i >= p.length() || set.isEmpty()) {
        return -1;
      }
      out.add(new GlobToken(false, set.toString(), (char) 0, (char) 0, negated));
      return i + 1;
    }
  }
}
