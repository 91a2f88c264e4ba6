package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.hcl.eval.Evaluator;
import io.github.packer2aib.core.hcl.eval.TypeConstraintResult;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.BodyItem;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.GetAttr;
import io.github.packer2aib.core.hcl.syntax.HclPrinter;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateInterpolation;
import io.github.packer2aib.core.hcl.syntax.TemplateLiteral;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.ListType;
import io.github.packer2aib.core.hcl.value.MapType;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.ObjectType;
import io.github.packer2aib.core.hcl.value.SetType;
import io.github.packer2aib.core.hcl.value.TupleType;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.TypeConstraint;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Credentials;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.packer.Variable.ValueSource;
import io.github.packer2aib.core.parse.hcl.HclExpressionResult;
import io.github.packer2aib.core.parse.hcl.HclParser;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Input variables: their declarations ({@code variable} blocks and legacy {@code variables}
 * blocks), the values given for them, and the final value of each, after Packer's precedence (the
 * order of {@code collectInputVariableValues}; the last value set wins): the default, then {@code
 * PKR_VAR_<name>}, then var files (the HCL ones before the JSON ones, each group the automatic
 * files of the folder first, then {@code --var-file} in order), then {@code --var}. Every value is
 * converted to the variable's type, reported where it was written; the final value is checked by
 * the variable's {@code validation} blocks.
 */
final class InputVariables {

  /** A declared variable and everything learnt about it. */
  private static final class Declared {
    final String name;
    final Range declaration;
    Optional<String> typeText = Optional.empty();

    /** The type values are converted to; {@code any} when neither written nor implied. */
    TypeConstraint type = TypeConstraint.ANY;

    /** Whether the type was written ({@code type = …}) rather than implied by the default. */
    boolean typeWritten;

    /** {@code sensitive = true}, as declared (what the model says). */
    boolean sensitive;

    /**
     * Declared sensitive, or named as a credential is ({@link Credentials}: {@code admin_password},
     * {@code client_secret}): its value is kept as secret either way, as a credential setting's.
     */
    boolean secret() {
      return sensitive || feedsCredential || Credentials.holdsSecret(name);
    }

    /** Whose value a credential setting holds: secret too ({@link PackerHclLoader#load}). */
    boolean feedsCredential;

    Optional<String> description = Optional.empty();
    final List<Validation> validations = new ArrayList<>();
    final List<Assignment> assignments = new ArrayList<>();

    /** The declaration itself had errors: do not also report the variable as unset. */
    boolean broken;

    /** Where the default is written, if it is. */
    Optional<Range> defaultRange = Optional.empty();

    /** The default is only {@code env("NAME")}: its text names a variable and holds no value. */
    boolean defaultReadsEnvironmentOnly;

    /**
     * The default's text holds no value, only names ({@link ValueFreeSyntax}): {@code env("NAME")},
     * or a reference that is an error there.
     */
    boolean defaultShowsNoValue;

    /** Where the arguments the schema rejected are written: {@code defualt = "…"}. */
    List<Range> rejectedValues = List.of();

    /**
     * Declared in a {@code variables { name = default }} block, which has no place for a type: the
     * advice to declare one says to use a {@code variable} block instead.
     */
    boolean inVariablesBlock;

    Declared(String name, Range declaration) {
      this.name = name;
      this.declaration = declaration;
    }
  }

  /** A value given for a variable, and where. */
  private record Assignment(ValueSource from, Value value, Optional<Range> range, String origin) {}

  /** A {@code validation} block; {@code errorMessage} is null when the block itself is invalid. */
  private record Validation(Expression condition, String errorMessage, Range range) {}

  private final Map<String, Declared> declared = new LinkedHashMap<>();
  private final Declarations declarations;
  private final Expressions expressions;
  private final Attributes attributes;
  private final VariableDefaults defaults;
  private final List<Diagnostic> out;
  private final List<SourceFile> syntheticSources = new ArrayList<>();

  /** The values written in a second declaration of a secret variable (which is not read). */
  private final List<Range> duplicateSecrets = new ArrayList<>();

  /**
   * A var file could not be read (missing, unknown extension, syntax errors): it may have given the
   * variables that look unset, so they are not reported as unset ({@link #varFileNotRead}).
   */
  private boolean varFileNotRead;

  /** The variables whose values credential settings hold, secret whatever they declare. */
  private final Set<String> credentialFed;

  /** Whether a variable without a value is unknown with a note, not an error (inspect). */
  private final boolean unsetAllowed;

  InputVariables(
      Declarations declarations,
      Expressions expressions,
      Map<String, String> environment,
      Set<String> credentialFed,
      boolean unsetAllowed,
      List<Diagnostic> out) {
    this.credentialFed = credentialFed;
    this.unsetAllowed = unsetAllowed;
    this.declarations = declarations;
    this.expressions = expressions;
    this.attributes = new Attributes(expressions, out);
    this.defaults = new VariableDefaults(environment);
    this.out = out;
  }

  // ---- declarations ------------------------------------------------------------------------

  /** Registers a name; false (after reporting) when it is declared already. */
  private boolean register(String name, Range at, Range declaration) {
    Declared first = declared.get(name);
    if (first != null) {
      out.add(
          Diagnostic.of(
                  PackerCode.DUPLICATE_DECLARATION,
                  at,
                  "The variable \""
                      + name
                      + "\" was already declared at "
                      + first.declaration
                      + ". Each variable may be declared only once; remove or rename one of"
                      + " them.")
              .withRelated(new Related(first.declaration, "first declared here")));
      return false;
    }
    Declared d = new Declared(name, declaration);
    d.feedsCredential = credentialFed.contains(name);
    declared.put(name, d);
    declarations.variables.add(name);
    return true;
  }

  /** A {@code variable "name" { … }} block. */
  void declareBlock(Block block) {
    String name = block.labels().get(0).value();
    Range header = BodyContent.headerRange(block);
    if (!Names.isIdentifier(name)) {
      out.add(
          Diagnostic.of(
              PackerCode.INVALID_NAME,
              block.labels().get(0).range(),
              "\""
                  + name
                  + "\" is not a valid variable name. A name must start with a letter or"
                  + " underscore and may contain only letters, digits, underscores and dashes."));
    }
    if (!register(name, header, header)) {
      duplicate(declared.get(name), block);
      return;
    }
    Declared d = declared.get(name);
    BodyContent content =
        BodyContent.of(block.body(), PackerSchema.VARIABLE, "a variable block", header, out);
    // Null checks, not ifPresent: C1 allocates each capturing lambda (every variable).
    Attribute description = content.get("description");
    if (description != null) {
      d.description = attributes.string(description, Scope.constants());
    }
    Attribute sensitive = content.get("sensitive");
    if (sensitive != null) {
      d.sensitive = attributes.bool(sensitive, Scope.constants()).orElse(false);
    }
    d.rejectedValues = content.rejectedValues();
    Attribute type = content.get("type");
    if (type != null) {
      type(d, type);
    }
    Attribute defaultAttribute = content.get("default");
    if (defaultAttribute != null) {
      defaultValue(d, defaultAttribute, false);
    }
    if (!content.blocks().isEmpty()) {
      for (Block v : content.blocks("validation")) {
        validation(d, v);
      }
    }
  }

  /**
   * A second declaration of {@code first}'s name is reported, not read; its values are secret when
   * the first declaration's are, or when it says {@code sensitive} itself (anything but {@code
   * false}, as for a broken file: {@link LooseSecrets}).
   */
  private void duplicate(Declared first, Block block) {
    boolean secret = first.secret();
    for (BodyItem item : block.body().items()) {
      if (item instanceof Attribute a
          && a.name().equals("sensitive")
          && !(a.expression() instanceof LiteralValue l && l.text().equals("false"))) {
        secret = true;
      }
    }
    if (secret) {
      for (BodyItem item : block.body().items()) {
        duplicateSecrets.add(
            item instanceof Attribute a ? a.expression().range() : ((Block) item).body().range());
      }
    }
  }

  /** One argument of a legacy {@code variables { name = default }} block. */
  void declareAttribute(Attribute a) {
    if (!register(a.name(), a.nameRange(), a.range())) {
      return;
    }
    defaultValue(declared.get(a.name()), a, true);
  }

  private void type(Declared d, Attribute a) {
    TypeConstraintResult r = Evaluator.typeConstraint(a.expression());
    out.addAll(r.diagnostics());
    d.typeText = Optional.of(typeText(a.expression()));
    if (r.constraint().isEmpty()) {
      d.broken = true;
      return;
    }
    d.type = r.constraint().get();
    d.typeWritten = true;
  }

  /**
   * A type expression on one line, in canonical form without comments: {@code object({ size =
   * number, sku = optional(string) })}; it names the type in messages and in the model.
   */
  static String typeText(Expression type) {
    // Most types are a keyword or one line (list(string)): nothing to join.
    String printed =
        type instanceof ScopeTraversal t && t.isBareName() ? t.root() : HclPrinter.print(type);
    if (printed.indexOf('\n') < 0) {
      return printed.strip();
    }
    StringBuilder out = new StringBuilder();
    String previous = null;
    for (String line : printed.split("\n")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      if (previous != null) {
        boolean open = previous.endsWith("{") || previous.endsWith("(") || previous.endsWith("[");
        boolean close = l.startsWith("}") || l.startsWith(")") || l.startsWith("]");
        out.append(open || close || previous.endsWith(",") ? " " : ", ");
      }
      out.append(l);
      previous = l;
    }
    return out.toString();
  }

  /**
   * @param legacyBlock whether the default is written in a {@code variables { name = default }}
   *     block, whose values always give the variable their type
   */
  private void defaultValue(Declared d, Attribute a, boolean legacyBlock) {
    d.inVariablesBlock = legacyBlock;
    d.defaultRange = Optional.of(a.expression().range());
    d.defaultReadsEnvironmentOnly = readsEnvironmentOnly(a.expression());
    d.defaultShowsNoValue = ValueFreeSyntax.showsNoValue(a.expression());
    Expressions.Outcome o = defaults.evaluate(a.expression(), out);
    if (!o.ok()) {
      d.broken = true;
      return;
    }
    Value value = o.value();
    if (d.typeWritten) {
      Convert.Result r = d.type.apply(value);
      if (!r.isOk()) {
        out.add(
            Diagnostic.of(
                PackerCode.INVALID_DEFAULT,
                a.expression().range(),
                "This default value is not compatible with the variable's type constraint "
                    + d.typeText.orElse(d.type.toString())
                    + ": "
                    + conversionError(d, r)
                    + ". Change the default or the type."));
        d.broken = true;
        return;
      }
      value = r.value();
    } else if (legacyBlock
        || !value.type().equals(ObjectType.EMPTY)
            && !(value.type() instanceof TupleType t && t.elements().isEmpty())) {
      // Without a written type, the default's type becomes the variable's (Packer does this).
      // Current Packer leaves a variable block's empty tuple or object default untyped
      // (decodeVariableBlock), so that --var 'x=[]' is text; its decodeVariable, which reads a
      // variables block, has no such exception: there `x = []` is the empty tuple's type, as in
      // Packer 1.6.6, and --var 'x=[]' is an empty tuple.
      d.type = TypeConstraint.of(value.type());
    }
    if (d.defaultReadsEnvironmentOnly && readsCredential(a.expression())) {
      // env("ARM_CLIENT_SECRET"), env("SAS_TOKEN"): the environment variable's name says it holds
      // a credential, which Packer reads at build time and never stores; the converted template
      // would hold it, so the default is as secret as a credential-named variable's value (a value
      // given with --var or a var file is not).
      value = value.mark(Mark.SENSITIVE);
    }
    d.assignments.add(
        new Assignment(
            ValueSource.DEFAULT, value, Optional.of(a.expression().range()), "its default"));
  }

  /**
   * Whether a default that is only {@code env("NAME")} ({@link #readsEnvironmentOnly}) reads an
   * environment variable whose name, in lower case, says it holds a credential ({@link
   * Credentials}).
   */
  private static boolean readsCredential(Expression e) {
    Expression inner = e;
    if (inner instanceof TemplateExpr t && t.parts().get(0) instanceof TemplateInterpolation i) {
      inner = i.expression();
    }
    if (!(inner instanceof FunctionCall c) || !(c.arguments().get(0) instanceof TemplateExpr n)) {
      return false;
    }
    StringBuilder name = new StringBuilder();
    for (int k = 0; k < n.parts().size(); k++) {
      name.append(((TemplateLiteral) n.parts().get(k)).text());
    }
    return Credentials.environmentHoldsSecret(name.toString());
  }

  private void validation(Declared d, Block block) {
    Range header = BodyContent.headerRange(block);
    BodyContent content =
        BodyContent.of(block.body(), PackerSchema.VALIDATION, "a validation block", header, out);
    Optional<Attribute> condition = content.attribute("condition");
    Optional<Attribute> message = content.attribute("error_message");
    boolean valid = condition.isPresent() && message.isPresent();
    if (condition.isPresent()) {
      valid &= conditionReferences(d.name, condition.get());
    }
    String text = null;
    if (message.isPresent()) {
      Optional<String> m = attributes.string(message.get(), Scope.constants());
      if (m.isEmpty()) {
        valid = false;
      } else if (m.get().isEmpty()) {
        out.add(
            Diagnostic.of(
                PackerCode.INVALID_VALIDATION_MESSAGE,
                message.get().expression().range(),
                "An empty string is not a useful error message. Say what a valid value looks"
                    + " like."));
        valid = false;
      } else if (!looksLikeSentences(m.get())) {
        out.add(
            Diagnostic.of(
                PackerCode.INVALID_VALIDATION_MESSAGE,
                message.get().expression().range(),
                "The error message must be at least one full sentence: starting with an"
                    + " uppercase letter (if the alphabet has them) and ending with a period or a"
                    + " question mark."));
        valid = false;
      } else {
        text = m.get();
      }
    }
    if (valid) {
      d.validations.add(new Validation(condition.get().expression(), text, header));
    }
  }

  /** The condition must refer to this variable and to nothing else. */
  private boolean conditionReferences(String name, Attribute condition) {
    boolean ok = true;
    int good = 0;
    for (ScopeTraversal t : Evaluator.references(condition.expression())) {
      if (t.root().equals("var")
          && !t.traversers().isEmpty()
          && t.traversers().get(0) instanceof GetAttr attr
          && attr.name().equals(name)) {
        good++;
        continue;
      }
      out.add(
          Diagnostic.of(
              PackerCode.INVALID_VALIDATION_REFERENCE,
              t.range(),
              "The condition for variable \""
                  + name
                  + "\" can only refer to the variable itself, using var."
                  + name
                  + "."));
      ok = false;
    }
    if (good == 0) {
      out.add(
          Diagnostic.of(
              PackerCode.INVALID_VALIDATION_CONDITION,
              condition.expression().range(),
              "The condition for variable \""
                  + name
                  + "\" must refer to var."
                  + name
                  + " in order to test the values given for it."));
      ok = false;
    }
    return ok;
  }

  /**
   * Packer's heuristic: a capital first letter and a final period, question or exclamation mark.
   */
  static boolean looksLikeSentences(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return false;
    }
    int first = t.codePointAt(0);
    int last = t.codePointBefore(t.length());
    if (Character.isLetter(first) && !Character.isUpperCase(first)) {
      return false;
    }
    return last == '.' || last == '?' || last == '!';
  }

  // ---- values ------------------------------------------------------------------------------

  /** {@code PKR_VAR_<name>} values of declared variables (others are ignored, as in Packer). */
  void environment(Map<String, String> environment) {
    environment.forEach(
        (key, value) -> {
          if (!key.startsWith("PKR_VAR_")) {
            return;
          }
          String name = key.substring("PKR_VAR_".length());
          Declared d = declared.get(name);
          if (d != null) {
            fromText(
                d,
                value,
                "<value for var." + name + " from " + key + ">",
                ValueSource.ENVIRONMENT,
                "the environment variable " + key);
          }
        });
  }

  /**
   * The assignments of a var file.
   *
   * @param automatic whether the file was found in the template's folder ({@code .auto.pkrvars})
   * @param json whether the file is written in HCL's JSON syntax ({@code .pkrvars.json})
   */
  void varFile(
      io.github.packer2aib.core.hcl.syntax.Body body,
      String fileName,
      boolean automatic,
      boolean json) {
    for (Block b : body.blocks()) {
      if (b.type().equals("variable")) {
        declarationInVarFile(
            b.labels().isEmpty() ? "<name>" : b.labels().get(0).value(), b.typeRange(), false);
      }
    }
    BodyContent content =
        BodyContent.of(
            new io.github.packer2aib.core.hcl.syntax.Body(
                body.items().stream()
                    .filter(i -> !(i instanceof Block b && b.type().equals("variable")))
                    .toList(),
                body.range()),
            PackerSchema.ATTRIBUTES,
            "a var file",
            body.range(),
            out);
    for (Attribute a : content.restAttributes()) {
      if (json && a.name().equals("variable") && declaresVariables(a.expression())) {
        continue;
      }
      Declared d = declared.get(a.name());
      if (d == null) {
        out.add(
            Diagnostic.of(
                PackerCode.UNDECLARED_VARIABLE_SET,
                a.nameRange(),
                "The var file "
                    + fileName
                    + " sets \""
                    + a.name()
                    + "\", which the template does not declare, so the value is ignored."
                    + Names.didYouMean(a.name(), declared.keySet())
                    + " To use it, declare it with a variable \""
                    + a.name()
                    + "\" { … } block."));
        continue;
      }
      Expressions.Outcome o = expressions.evaluate(a.expression(), Scope.constants());
      if (!o.ok()) {
        d.broken = true;
        continue;
      }
      assign(
          d,
          o.value(),
          a.expression().range(),
          automatic ? ValueSource.AUTO_VAR_FILE : ValueSource.VAR_FILE,
          "the var file " + fileName);
    }
  }

  /**
   * A var file was given (or found) but could not be read, which was reported: a variable without a
   * value is then not reported as unset, as the file may have set it (Packer, too, stops at the
   * file's errors; telling the user to give a value the file gives misled).
   */
  void varFileNotRead() {
    varFileNotRead = true;
  }

  /**
   * Whether the value of a {@code "variable"} property of a JSON var file holds variable blocks, as
   * HCL's JSON syntax reads them ({@code "variable": {"q": {…}}}, also in an array): Packer probes
   * every var file for {@code variable} blocks before reading its values, and each block it finds
   * is an error (its message "Variable declaration in a .pkrvar file"). Each is reported here; any
   * other value is an assignment to a variable named {@code variable}, as in Packer.
   */
  private boolean declaresVariables(Expression value) {
    List<ObjectCons> labelLevels = new ArrayList<>();
    if (value instanceof ObjectCons o) {
      labelLevels.add(o);
    } else if (value instanceof Tuple t) {
      for (Expression e : t.elements()) {
        if (e instanceof ObjectCons o) {
          labelLevels.add(o);
        }
      }
    }
    boolean any = false;
    for (ObjectCons level : labelLevels) {
      for (ObjectItem item : level.items()) {
        // A label whose value is no object (or array of objects) has no block body: not a block.
        boolean body =
            item.value() instanceof ObjectCons
                || item.value() instanceof Tuple t
                    && t.elements().stream().anyMatch(ObjectCons.class::isInstance);
        if (!body) {
          continue;
        }
        String name =
            item.key() instanceof TemplateExpr k
                    && k.parts().size() == 1
                    && k.parts().get(0) instanceof TemplateLiteral l
                ? l.text()
                : "<name>";
        declarationInVarFile(name, item.key().range(), true);
        any = true;
      }
    }
    return any;
  }

  private void declarationInVarFile(String name, Range at, boolean json) {
    out.add(
        Diagnostic.of(
            PackerCode.DECLARATION_IN_VAR_FILE,
            at,
            "A var file assigns values to variables declared in the template; it cannot"
                + " declare variables. Move "
                + (json ? "this declaration" : "this block")
                + " into one of the template's .pkr.hcl files (such as variables.pkr.hcl), or,"
                + " to set the variable's value here, write: "
                + (json ? "\"" + name + "\": <value>" : name + " = <value>")));
  }

  /** A {@code --var NAME=VALUE} argument. */
  void commandLine(String argument) {
    int eq = argument.indexOf('=');
    if (eq <= 0) {
      out.add(
          Diagnostic.of(
              PackerCode.MALFORMED_VAR_ARGUMENT,
              null,
              "A --var argument is written NAME=VALUE, as in --var location=westeurope; \""
                  + (eq == 0 ? "=…" : "the argument given")
                  + "\" has no variable name."));
      return;
    }
    String name = argument.substring(0, eq);
    String value = argument.substring(eq + 1);
    Declared d = declared.get(name);
    if (d == null) {
      out.add(
          Diagnostic.of(
              PackerCode.UNDEFINED_VAR_ARGUMENT,
              null,
              "A value was given for the variable \""
                  + name
                  + "\" with --var, but the template declares no such variable."
                  + Names.didYouMean(name, declared.keySet())
                  + " Declare it with a variable \""
                  + name
                  + "\" { … } block, or fix the name."));
      return;
    }
    fromText(
        d,
        value,
        "<value for var." + name + " from --var>",
        ValueSource.COMMAND_LINE,
        "--var " + name);
  }

  /**
   * A value from a settings file: as a {@code --var} value, but one for a variable the template
   * does not declare is a warning at its name in the file (the value is not used), or only a note
   * when the file's defaults give it to every template (a repository's templates declare different
   * variables).
   */
  void settingsFile(PackerOptions.SettingVar v) {
    Declared d = declared.get(v.name());
    if (d == null) {
      out.add(
          Diagnostic.of(
                  v.everyTemplate()
                      ? PackerCode.SETTINGS_VARIABLE_NOT_DECLARED_DEFAULT
                      : PackerCode.SETTINGS_VARIABLE_NOT_DECLARED,
                  v.at().orElse(null),
                  "The settings file gives a value for the variable \""
                      + v.name()
                      + "\""
                      + (v.everyTemplate() ? " to every template (defaults)" : "")
                      + ", but this template declares no such variable, so the value is not used."
                      + Names.didYouMean(v.name(), declared.keySet())
                      + (v.everyTemplate()
                          ? ""
                          : " Declare it with a variable \""
                              + v.name()
                              + "\" { … } block, or fix"
                              + " the name in the settings file."))
              .withPath(v.pointer().orElse(null)));
      return;
    }
    fromText(
        d,
        v.value(),
        "<value for var." + v.name() + " from the settings file>",
        ValueSource.COMMAND_LINE,
        "the settings file");
  }

  /**
   * A value given as text (environment, command line): a plain string for string, number and
   * untyped variables, else an HCL expression, as Packer's {@code
   * expressionFromVariableDefinition}.
   */
  private void fromText(Declared d, String text, String fileName, ValueSource from, String origin) {
    // Text given on the command line or in the environment is a value of its own: masked when
    // quoted, whatever the variable's sensitivity.
    SourceFile file = SourceFile.ofValues(fileName, text);
    if (!d.secret()) {
      syntheticSources.add(file);
    }
    Type t = d.type.type();
    Expression e;
    if (t == Type.STRING || t == Type.NUMBER || t == Type.DYNAMIC) {
      e =
          new TemplateExpr(
              List.of(new TemplateLiteral(text, file.whole())),
              TemplateExpr.Form.QUOTED,
              "",
              file.whole());
    } else {
      HclExpressionResult parsed = new HclParser().parseExpression(file);
      if (d.secret()) {
        // Syntax errors quote the text; for a secret, say only where it is.
        if (parsed.hasErrors()) {
          out.add(
              Diagnostic.of(
                  PackerCode.INVALID_VARIABLE_VALUE,
                  null,
                  "The value given by "
                      + origin
                      + " for the sensitive variable \""
                      + d.name
                      + "\" is not a valid HCL expression (details hidden because the variable is"
                      + " sensitive)."));
          d.broken = true;
          return;
        }
      } else {
        out.addAll(parsed.diagnostics());
      }
      if (parsed.hasErrors() || parsed.expression().isEmpty()) {
        d.broken = true;
        return;
      }
      e = parsed.expression().get();
      List<ScopeTraversal> references = Evaluator.references(e);
      if (!references.isEmpty()) {
        // Most often a bare word (--var l=x) meant as a string: say why it is read as a reference
        // and how to write the value, where HCL says only "Variables not allowed".
        out.add(
            Diagnostic.of(
                PackerCode.INVALID_VARIABLE_VALUE,
                d.secret() ? null : references.get(0).range(),
                "The value given by "
                    + origin
                    + " for the variable \""
                    + d.name
                    + "\" is read as an HCL expression, since its type is "
                    + d.typeText.orElse(d.type.toString())
                    + " (only string, number and untyped variables take plain text), and in it a"
                    + " bare word is a reference to a variable, which a value cannot use. Write the"
                    + " value in HCL syntax, strings in double quotes: "
                    + textExample(d, from, origin)
                    + "."));
        d.broken = true;
        return;
      }
    }
    Expressions.Outcome o = expressions.evaluate(e, Scope.constants());
    if (!o.ok()) {
      d.broken = true;
      return;
    }
    assign(d, o.value(), file.whole(), from, origin);
  }

  /** How a value of {@code d}'s type is written where it was given as text (--var, PKR_VAR_). */
  private static String textExample(Declared d, ValueSource from, String origin) {
    Type t = d.type.type();
    String value =
        t instanceof ListType || t instanceof SetType || t instanceof TupleType
            ? "[\"a\", \"b\"]"
            : t instanceof MapType || t instanceof ObjectType
                ? "{ key = \"value\" }"
                : t == Type.BOOL ? "true" : "\"text\"";
    // A secret's name before "=" would have the example masked as its value (SecretScrubber).
    String name = d.secret() ? "NAME" : d.name;
    if (from == ValueSource.ENVIRONMENT) {
      return "PKR_VAR_" + name + "='" + value + "'";
    }
    // A settings file's value comes as COMMAND_LINE too, but is written there as it is.
    return origin.startsWith("--var ") ? "--var '" + name + "=" + value + "'" : value;
  }

  private void assign(Declared d, Value value, Range at, ValueSource from, String origin) {
    Convert.Result r = d.type.apply(value);
    if (!r.isOk()) {
      // A longer list for a list default: "tuple required" says nothing of the type's origin.
      Optional<String> tuple =
          d.typeWritten
              ? Optional.empty()
              : DefaultTypes.tupleAdvice(d.name, d.type.type(), value, d.inVariablesBlock);
      out.add(
          Diagnostic.of(
              PackerCode.INVALID_VARIABLE_VALUE,
              at,
              "The value given by "
                  + origin
                  + " for the variable \""
                  + d.name
                  + "\" is not compatible with its type "
                  + d.typeText.orElse(d.type.toString())
                  + ": "
                  + conversionError(d, r)
                  + "."
                  + tuple.map(t -> " " + t).orElse("")));
      d.broken = true;
      return;
    }
    if (!d.typeWritten && d.type.type() instanceof ObjectType object) {
      keysDropped(d, object, value, at, origin);
    }
    d.assignments.add(new Assignment(from, r.value(), Optional.of(at), origin));
  }

  /**
   * Warns about the keys of a value that the object type an untyped variable took from its default
   * drops ({@link DefaultTypes}): Packer drops them silently, and a tags map that a var file
   * extends for an environment lost its tags with nothing to say so. Keys only, never values.
   */
  private void keysDropped(Declared d, ObjectType type, Value value, Range at, String origin) {
    List<String> dropped = DefaultTypes.droppedKeys(type, value);
    if (dropped.isEmpty()) {
      return;
    }
    List<String> quoted = new ArrayList<>(dropped.size());
    for (String k : dropped) {
      quoted.add(Names.quote(k));
    }
    String keys =
        quoted.size() == 1
            ? quoted.get(0)
            : String.join(", ", quoted.subList(0, quoted.size() - 1))
                + " and "
                + quoted.get(quoted.size() - 1);
    out.add(
        Diagnostic.of(
            PackerCode.KEYS_DROPPED_BY_DEFAULT_TYPE,
            at,
            "The value given by "
                + origin
                + " for the variable \""
                + d.name
                + "\" has the "
                + (dropped.size() == 1 ? "key " : "keys ")
                + keys
                + ", which "
                + (dropped.size() == 1 ? "is" : "are")
                + " dropped: \""
                + d.name
                + "\" declares no type, so it takes the type of its default, "
                + type
                + ", and a value converted to an object type keeps only that type's attributes"
                + " (Packer drops them too). To keep every key, "
                + DefaultTypes.declare(
                    d.name, DefaultTypes.mapTypeFor(type, value), d.inVariablesBlock)
                + "."));
  }

  private static String conversionError(Declared d, Convert.Result failed) {
    String message = ((Convert.Failed) failed).error().toString();
    // cty's messages may quote part of the value ("use lowercase \"true\"").
    return d.secret()
        ? "the value has the wrong type (details hidden: the variable is sensitive)"
        : message;
  }

  // ---- results -----------------------------------------------------------------------------

  /**
   * The final variables, in declaration order, after reporting unset variables and failed
   * validations; each final value is also set in {@code scope}.
   */
  List<Variable> finish(Scope scope) {
    List<Variable> result = new ArrayList<>();
    for (Declared d : declared.values()) {
      Value value;
      ValueSource setBy;
      Optional<Range> at;
      if (d.assignments.isEmpty()) {
        if (!d.broken && !varFileNotRead) {
          declarations.unset.add(d.name);
          if (unsetAllowed) {
            out.add(
                Diagnostic.of(
                    PackerCode.UNSET_VARIABLE_UNKNOWN,
                    d.declaration,
                    "The variable \""
                        + d.name
                        + "\" has no default and no value was given for it, so it is shown as"
                        + " \"<unknown>\", and so is every value computed from it. Converting the"
                        + " template needs a value: give it with --var (as NAME=VALUE), in a var"
                        + " file or with the environment variable PKR_VAR_"
                        + d.name
                        + "."));
          } else {
            out.add(
                Diagnostic.of(
                    PackerCode.UNSET_VARIABLE,
                    d.declaration,
                    "The variable \""
                        + d.name
                        + "\" has no default and no value was given for it. Give it a value with"
                        + " --var (as NAME=VALUE), in a var file (--var-file, or a"
                        + " .auto.pkrvars.hcl file in the template's folder) or with the"
                        + " environment variable PKR_VAR_"
                        + d.name
                        + "; or give it a default."));
          }
        }
        value = Value.unknown(d.type.type());
        setBy = ValueSource.UNSET;
        at = Optional.empty();
      } else {
        Assignment last = d.assignments.get(d.assignments.size() - 1);
        value = last.value();
        setBy = last.from();
        at = last.range();
        validate(d, last, scope);
      }
      if (d.secret()) {
        value = value.mark(Mark.SENSITIVE);
      }
      scope.setVariable(d.name, value);
      result.add(
          new Variable(
              d.name, d.typeText, value, d.sensitive, d.description, setBy, d.declaration, at));
    }
    return result;
  }

  private void validate(Declared d, Assignment value, Scope scope) {
    Value v = d.secret() ? value.value().mark(Mark.SENSITIVE) : value.value();
    for (Validation validation : d.validations) {
      Expressions.Outcome o =
          expressions.evaluate(validation.condition(), scope.validation(d.name, v));
      if (!o.ok() || !o.value().isKnown()) {
        continue;
      }
      Value result = o.value().unmarked();
      if (result.isNull()) {
        out.add(
            Diagnostic.of(
                PackerCode.INVALID_VALIDATION_RESULT,
                validation.condition().range(),
                "The validation condition must give true or false, not null."));
        continue;
      }
      Convert.Result b = Convert.to(result, Type.BOOL);
      if (!b.isOk()) {
        out.add(
            Diagnostic.of(
                PackerCode.INVALID_VALIDATION_RESULT,
                validation.condition().range(),
                "The validation condition must give true or false: "
                    + ((Convert.Failed) b).error()
                    + "."));
        continue;
      }
      if (!b.value().asBoolean()) {
        Range subject = d.secret() ? d.declaration : value.range().orElse(validation.range());
        out.add(
            Diagnostic.of(
                    PackerCode.VALIDATION_FAILED,
                    subject,
                    validation.errorMessage()
                        + "\n\nThe value of \""
                        + d.name
                        + "\" comes from "
                        + value.origin()
                        + "; it was checked by the validation rule at "
                        + validation.range()
                        + ".")
                .withRelated(new Related(validation.range(), "validation rule")));
      }
    }
  }

  /**
   * Whether an expression is only {@code env("NAME")}, or {@code "${env("NAME")}"}, with a literal
   * name: its text is then the name of an environment variable and nothing else.
   */
  static boolean readsEnvironmentOnly(Expression e) {
    Expression inner = e;
    if (inner instanceof TemplateExpr t
        && t.parts().size() == 1
        && t.parts().get(0) instanceof TemplateInterpolation i) {
      inner = i.expression();
    }
    if (!(inner instanceof FunctionCall c)
        || !c.name().equals("env")
        || c.arguments().size() != 1
        || c.expandFinal()) {
      return false;
    }
    if (!(c.arguments().get(0) instanceof TemplateExpr name)
        || name.form() != TemplateExpr.Form.QUOTED) {
      return false;
    }
    for (int k = 0; k < name.parts().size(); k++) {
      if (!(name.parts().get(k) instanceof TemplateLiteral)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the defaults of sensitive variables (and of those named as credentials) are written: a
   * renderer must mask them when it quotes those lines ({@link SourceFile#withSecrets}).
   *
   * @param commentFree whether a range and the rest of its last line hold no comment
   */
  List<Range> secretRanges(Predicate<Range> commentFree) {
    List<Range> ranges = new ArrayList<>(duplicateSecrets);
    for (Declared d : declared.values()) {
      if (d.secret()) {
        ranges.addAll(d.rejectedValues);
      }
      if (d.secret() && d.defaultRange.isPresent()) {
        Range r = d.defaultRange.get();
        // env("NAME") holds a name, not a secret: masking it hid which variable the conversion
        // read ("The environment variable *** was read"); the value read is masked as a sensitive
        // value wherever it would be shown. So does a reference (an error in a default, which the
        // mask hid). A comment in or after it may keep an old value: then the line is masked as
        // any other secret default's.
        if (!d.defaultShowsNoValue || !commentFree.test(r)) {
          ranges.add(r);
        }
      }
    }
    return ranges;
  }

  /** The text of {@code --var} and {@code PKR_VAR_*} values of variables that are not sensitive. */
  List<SourceFile> syntheticSources() {
    return syntheticSources;
  }
}
