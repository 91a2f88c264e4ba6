package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.diag.ValueMask;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.NumberValue;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.legacy.template.Action;
import io.github.packer2aib.core.legacy.template.BuildCalls;
import io.github.packer2aib.core.legacy.template.Evaluation;
import io.github.packer2aib.core.legacy.template.Operand;
import io.github.packer2aib.core.legacy.template.ParsedTemplate;
import io.github.packer2aib.core.legacy.template.Scope;
import io.github.packer2aib.core.legacy.template.TemplateEvaluator;
import io.github.packer2aib.core.legacy.template.TemplateParser;
import io.github.packer2aib.core.legacy.template.TemplateProblem;
import io.github.packer2aib.core.legacy.template.UserVariables;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.Credentials;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns document nodes into evaluated values, as Packer renders a builder's or provisioner's
 * configuration: every string (nested ones and nested object keys included) is a template; numbers,
 * booleans and null stay what they are; arrays become tuples and objects become objects (legacy
 * JSON has no blocks). Template problems are reported at their column in the file.
 */
final class ValueEvaluator {
  private final SourceFile file;
  private final boolean yaml;
  private final TemplateEvaluator evaluator;
  private final Reporter reporter;
  private UserVariables variables = UserVariables.none();

  /** Where the values of credential settings are written ({@link #credentialRanges}). */
  private final List<Range> credentialRanges = new ArrayList<>();

  ValueEvaluator(SourceFile file, boolean yaml, TemplateEvaluator evaluator, Reporter reporter) {
    this.file = file;
    this.yaml = yaml;
    this.evaluator = evaluator;
    this.reporter = reporter;
  }

  void useVariables(UserVariables resolved) {
    this.variables = resolved;
  }

  /** Evaluates a template string written at {@code site}, reporting its problems there. */
  Value string(StringSite site, Scope scope) {
    return string(evaluator, reporter, site, scope, variables);
  }

  static Value string(
      TemplateEvaluator evaluator,
      Reporter reporter,
      StringSite site,
      Scope scope,
      UserVariables variables) {
    return string(evaluator, reporter, site, scope, variables, false, null);
  }

  /**
   * As {@link #string(TemplateEvaluator, Reporter, StringSite, Scope, UserVariables)}, for a
   * variable's value.
   *
   * @param secretText whether the text is a secret's, masked where it is quoted: the messages about
   *     it then have every part of it they quote masked ({@link ValueMask#scrubSecretText}), as the
   *     masked line does not cover what a message says (the unknown function it names, the {@code
   *     --var NAME=VALUE} it suggests)
   * @param related where else the value is given (a settings file names it), or null
   */
  static Value string(
      TemplateEvaluator evaluator,
      Reporter reporter,
      StringSite site,
      Scope scope,
      UserVariables variables,
      boolean secretText,
      Related related) {
    Evaluation e = evaluator.evaluate(site.value(), scope, variables);
    for (TemplateProblem p : e.problems()) {
      String detail = secretText ? ValueMask.scrubSecretText(p.detail(), site.value()) : p.detail();
      // A secret's problem is located at the whole value: a place inside it (--var pw:1:12, and
      // the caret's width) told where its {{ stands and how long a token of it is.
      Range at = secretText ? site.range() : site.rangeOf(p.span());
      if (related == null) {
        reporter.add(p.code(), at, site.pointer(), detail);
      } else {
        reporter.add(p.code(), at, site.pointer(), detail, related);
      }
    }
    return e.value();
  }

  /** A string scalar of this file as a template. */
  Value scalarString(DocScalar s, String text, String pointer, Scope scope) {
    return scalarString(s, text, Place.of(pointer), scope);
  }

  /**
   * A string scalar as a template (most strings hold no action: the evaluator gives their text
   * without a parse). The site (and the pointer) is built only when there is a problem to report.
   */
  Value scalarString(DocScalar s, String text, Place place, Scope scope) {
    Evaluation e = evaluator.evaluateRecurring(text, scope, variables);
    if (!e.problems().isEmpty()) {
      StringSite site = new StringSite(file, s.range(), text, yaml, false, place.pointer());
      for (TemplateProblem p : e.problems()) {
        reporter.add(p.code(), site.rangeOf(p.span()), site.pointer(), p.detail());
      }
    }
    return e.value();
  }

  /** Any node as a value. */
  Value value(DocNode node, String pointer, Scope scope) {
    return value(node, Place.of(pointer), scope);
  }

  private Value value(DocNode node, Place place, Scope scope) {
    if (node instanceof DocScalar s) {
      return scalar(s, place, scope);
    }
    if (node instanceof DocArray a) {
      List<DocNode> nodes = a.items();
      List<Value> items = new ArrayList<>(nodes.size());
      for (int i = 0; i < nodes.size(); i++) {
        items.add(value(nodes.get(i), place.item(i), scope));
      }
      return Value.tuple(items);
    }
    DocObject o = (DocObject) node;
    Map<String, Value> attributes = new LinkedHashMap<>();
    boolean sensitiveKey = false;
    List<DocMember> members = o.members();
    // Indexed loops here and in config: C1 (bulk runs) allocates an iterator per for-each.
    for (int i = 0; i < members.size(); i++) {
      DocMember m = members.get(i);
      Place memberPlace = place.member(m.key());
      Value v = value(m.value(), memberPlace, scope);
      String key = m.key();
      if (key.contains("{{")) {
        // Packer renders nested keys too. A key that cannot be known now keeps its text; a key
        // built from a secret makes its value and the whole object secret (as HCL marks an
        // object by its keys), so the key is never shown either.
        Value k =
            string(
                new StringSite(file, m.keyRange(), key, yaml, false, memberPlace.pointer()), scope);
        Value uk = k.unmarked();
        if (uk.isKnown()) {
          key = uk.asString();
        }
        if (k.isSensitive()) {
          v = v.mark(Mark.SENSITIVE);
          sensitiveKey = true;
        }
      }
      attributes.put(key, v);
    }
    Value object = Value.object(attributes);
    return sensitiveKey ? object.mark(Mark.SENSITIVE) : object;
  }

  private Value scalar(DocScalar s, Place place, Scope scope) {
    switch (s.type()) {
      case STRING:
        return scalarString(s, s.text(), place, scope);
      case BOOLEAN:
        return Value.bool(s.asBoolean().orElse(false));
      case NULL:
        return Value.nullOf(Type.DYNAMIC);
      default:
        Optional<BigFloat> n = number(s, place);
        if (n.isEmpty()) {
          return Value.unknown(Type.NUMBER);
        }
        NumberValue number = Value.number(n.get());
        // YAML's plain 20.10 is a number to YAML and the string "20.10" to a person; Packer never
        // reads YAML, so where a string is expected the text is kept (NumberValue#text).
        return yaml && s.untyped() ? new NumberValue(number.value(), s.text()) : number;
    }
  }

  /**
   * A number scalar as Packer reads it ({@link PackerNumbers}), or empty after reporting why Packer
   * cannot read it at all.
   */
  Optional<BigFloat> number(DocScalar s, Place place) {
    Optional<BigFloat> n = PackerNumbers.decode(s);
    if (n.isEmpty()) {
      reporter.add(LegacyCode.INVALID_NUMBER, s.range(), place.pointer(), PackerNumbers.refusal(s));
    }
    return n;
  }

  /**
   * The members of an object as settings, except the given keys and comments ({@code _…}).
   *
   * @param object the builder, provisioner or post-processor object
   */
  Config config(DocObject object, String pointer, Set<String> excluded, Scope scope) {
    return config(object, Place.of(pointer), excluded, scope);
  }

  /** As above, at a place whose pointer is spelled out only for a report. */
  Config config(DocObject object, Place root, Set<String> excluded, Scope scope) {
    List<DocMember> members = object.members();
    List<Setting> settings = new ArrayList<>(members.size());
    for (int i = 0; i < members.size(); i++) {
      DocMember m = members.get(i);
      if (excluded.contains(m.key()) || m.key().startsWith("_")) {
        continue;
      }
      Value v = credential(m, value(m.value(), root.member(m.key()), scope));
      settings.add(setting(m, v));
    }
    return new Config(settings, List.of(), object.range());
  }

  /**
   * A member as a setting; an object or array value keeps where its parts are written, and an
   * unknown one the {@code build} calls that may have made it so ({@link BuildCalls}), and the
   * secret readers ({@code {{ vault … }}}) of the variables it reads.
   */
  private Setting setting(DocMember m, Value v) {
    List<String> unknownFrom = List.of();
    if (!v.isWhollyKnown()) {
      unknownFrom = unknownFrom(m.value());
    }
    return new Setting(
        m.key(),
        v,
        m.keyRange(),
        m.value().range(),
        unknownFrom,
        DocValueLayout.ofParts(m.value()),
        readsVariable(m.value()));
  }

  /**
   * The variable a value reads and nothing else ({@code "{{user `x`}}"}), or null: what a message
   * about a secret value names ({@link Setting#reads}).
   */
  private static String readsVariable(DocNode value) {
    String text = DocScalar.stringValue(value).orElse(null);
    // Only one action that names user: the cheap checks spare every other templated string a
    // second parse (TemplateParser's memo of recent strings does not hold them all in a bulk run).
    if (text == null
        || !text.startsWith("{{")
        || !text.endsWith("}}")
        || text.indexOf("{{", 2) >= 0
        || !text.contains("user")) {
      return null;
    }
    ParsedTemplate parsed = TemplateParser.parse(text);
    if (parsed.error().isPresent()
        || parsed.nodes().size() != 1
        || !(parsed.nodes().get(0) instanceof Action a)
        || a.pipeline().commands().size() != 1) {
      return null;
    }
    List<Operand> operands = a.pipeline().commands().get(0).operands();
    return operands.size() == 2
            && operands.get(0) instanceof Operand.Identifier f
            && f.name().equals("user")
            && operands.get(1) instanceof Operand.StringLiteral name
        ? name.value()
        : null;
  }

  /**
   * What leaves a setting unknown, from the text of its strings: the {@code build} calls written in
   * them, then the secret readers ({@code {{ vault … }}}) of the variables they read (a variable's
   * default may call one), each once.
   */
  private List<String> unknownFrom(DocNode node) {
    List<String> out = new ArrayList<>();
    forEachString(node, text -> addNew(out, BuildCalls.in(text)));
    forEachString(
        node,
        text -> {
          if (text.contains("user")) {
            for (String name : VariableResolver.userNames(text)) {
              for (String function : variables.secretReaders(name)) {
                addNew(out, List.of("{{ " + function + " … }}"));
              }
            }
          }
        });
    return out;
  }

  private static void addNew(List<String> out, List<String> items) {
    for (String item : items) {
      if (!out.contains(item)) {
        out.add(item);
      }
    }
  }

  /** Calls {@code action} with the text of every string scalar of {@code node}, in order. */
  private static void forEachString(DocNode node, Consumer<String> action) {
    if (node instanceof DocScalar s) {
      if (s.type() == DocScalar.Type.STRING) {
        action.accept(s.text());
      }
    } else if (node instanceof DocArray a) {
      for (DocNode item : a.items()) {
        forEachString(item, action);
      }
    } else if (node instanceof DocObject o) {
      for (DocMember member : o.members()) {
        forEachString(member.value(), action);
      }
    }
  }

  /**
   * The given members of an object as settings, all of them: the caller chose them (a provisioner
   * finds its settings in the one pass that finds its other keys).
   */
  Config config(DocObject object, List<DocMember> members, Place root, Scope scope) {
    List<Setting> settings = new ArrayList<>(members.size());
    for (int i = 0; i < members.size(); i++) {
      DocMember m = members.get(i);
      Value v = credential(m, value(m.value(), root.member(m.key()), scope));
      settings.add(setting(m, v));
    }
    return new Config(settings, List.of(), object.range());
  }

  /**
   * The value of the setting {@code m}, marked sensitive when its name says it holds a credential
   * ({@link Credentials}): "client_secret": "…" written out is as secret as a sensitive variable.
   */
  private Value credential(DocMember m, Value v) {
    if (!Credentials.holdsSecret(m.key())) {
      return v;
    }
    // A lone {{ user `x` }} (nearly every template) shows nothing to mask, and a file without
    // ranges is quoted without working out what to mask.
    String text = DocScalar.stringValue(m.value()).orElse(null);
    if ((text == null || !isOneAction(text.strip())) && !DocScalar.holdsNoText(m.value())) {
      credentialRanges.add(m.value().range());
    }
    return v.mark(Mark.SENSITIVE);
  }

  private static boolean isOneAction(String text) {
    return text.startsWith("{{") && text.endsWith("}}") && text.indexOf("{{", 2) < 0;
  }

  /**
   * Where the settings evaluated so far write the values of credentials: a renderer masks them when
   * it quotes those lines, as it masks the default of a sensitive variable.
   */
  List<Range> credentialRanges() {
    return credentialRanges;
  }
}
