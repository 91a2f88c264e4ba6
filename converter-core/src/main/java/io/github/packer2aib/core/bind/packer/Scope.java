package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.hcl.eval.EvalContext;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.value.ObjectType;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names expressions can use in each part of a template, as Packer's {@code EvalContext}
 * builds them: {@code var}, {@code local}, {@code data}, {@code path}, {@code packer}, and the
 * contextual {@code source} and {@code build} objects, which differ between a source body, a build's
 * own arguments, a provisioner's common fields and a provisioner's body.
 */
final class Scope {
  /**
   * The Packer version {@code packer.version} reports. Packer 1.11 is the release line whose HCL2
   * semantics this reader follows; templates only use the value in names and descriptions.
   */
  static final String PACKER_VERSION = PackerOptions.PACKER_VERSION;

  /**
   * The {@code build.*} values every builder provides once a machine runs (Packer's {@code
   * BuilderDataCommonKeys}); unknown while the template is read.
   */
  static final List<String> BUILD_RUNTIME_KEYS =
      List.of(
          "ID",
          "Host",
          "Port",
          "User",
          "Password",
          "ConnType",
          "PackerRunUUID",
          "PackerHTTPPort",
          "PackerHTTPIP",
          "PackerHTTPAddr",
          "SSHPublicKey",
          "SSHPrivateKey",
          "WinRMPassword");

  /** A source usage's {@code source.type} and {@code source.name}. */
  record SourceName(String type, String name) {}

  private final Map<String, Value> variables = new LinkedHashMap<>();
  private final Map<String, Value> locals = new LinkedHashMap<>();
  private final Map<String, Map<String, Value>> data = new LinkedHashMap<>();
  private final Value path;
  private final FunctionRegistry templateFunctions;
  private final FunctionRegistry workingDirectoryFunctions;

  /**
   * The {@code var}, {@code local}, {@code data}, {@code path} and {@code packer} objects, built
   * once and rebuilt only after a change: every provisioner body asks for them, and building the
   * objects (sorted copies of every variable) per body was a tenth of a conversion's time.
   */
  private Map<String, Value> shared;

  /**
   * @param root {@code path.root}: the template's folder as the user named it
   * @param cwd {@code path.cwd}: the absolute working directory
   * @param templateFunctions functions whose relative paths resolve in the template's folder
   * @param workingDirectoryFunctions functions whose relative paths resolve in the working
   *     directory (variable validations)
   */
  Scope(
      String root,
      String cwd,
      FunctionRegistry templateFunctions,
      FunctionRegistry workingDirectoryFunctions) {
    this.path = Value.object("cwd", Value.string(cwd), "root", Value.string(root));
    this.templateFunctions = templateFunctions;
    this.workingDirectoryFunctions = workingDirectoryFunctions;
  }

  void setVariable(String name, Value value) {
    variables.put(name, value);
    shared = null;
  }

  void setLocal(String name, Value value) {
    locals.put(name, value);
    shared = null;
  }

  /** Declares a data source: its value is unknown until Packer runs its plugin. */
  void addData(String type, String name) {
    data.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(name, Value.unknown(Type.DYNAMIC));
    shared = null;
  }

  /**
   * No names and no functions: values that must be constant (var files, descriptions). One
   * instance, so {@link Expressions} can recognise it and report references as HCL does.
   */
  private static final EvalContext CONSTANTS = EvalContext.constantsOnly();

  static EvalContext constants() {
    return CONSTANTS;
  }

  static boolean isConstants(EvalContext ctx) {
    return ctx == CONSTANTS;
  }

  /** Locals, data sources and a build's own arguments. */
  EvalContext locals() {
    return EvalContext.of(base(unknownSource(), Value.unknown(ObjectType.EMPTY)), templateFunctions);
  }

  /** The body of a source as used under the name {@code name}. */
  EvalContext sourceBody(String type, String name) {
    return EvalContext.of(
        base(source(type, name), Value.unknown(ObjectType.EMPTY)), templateFunctions);
  }

  /** The common fields of a provisioner or post-processor (name, only, except, …). */
  EvalContext provisionerFields(String buildName) {
    return EvalContext.of(
        base(unknownSource(), Value.object("name", Value.string(buildName))), templateFunctions);
  }

  /**
   * The body of a provisioner or post-processor: {@code source.*} is known when the block applies
   * to exactly one source usage, and {@code build.*} holds the build's name and the values only a
   * running build has.
   */
  EvalContext provisionerBody(Optional<SourceName> usage, String buildName) {
    Value build = buildObjects.computeIfAbsent(buildName, Scope::buildObject);
    Value source = usage.map(u -> source(u.type(), u.name())).orElseGet(Scope::unknownSource);
    return EvalContext.of(base(source, build), templateFunctions);
  }

  /** Every provisioner of a build sees the same {@code build} object: made once per build name. */
  private final Map<String, Value> buildObjects = new java.util.HashMap<>();

  private static Value buildObject(String buildName) {
    Map<String, Value> build = new LinkedHashMap<>();
    build.put("name", Value.string(buildName));
    for (String key : BUILD_RUNTIME_KEYS) {
      build.put(key, Value.unknown(Type.STRING));
    }
    return Value.object(build);
  }

  /** A variable's validation condition: only that variable, functions relative to the cwd. */
  EvalContext validation(String name, Value value) {
    return EvalContext.of(
        Map.of("var", Value.object(Map.of(name, value))), workingDirectoryFunctions);
  }

  private Map<String, Value> base(Value source, Value build) {
    if (shared == null) {
      Map<String, Value> m = new LinkedHashMap<>();
      m.put("var", Value.object(variables));
      m.put("local", Value.object(locals));
      Map<String, Value> types = new LinkedHashMap<>();
      data.forEach((type, names) -> types.put(type, Value.object(names)));
      m.put("data", Value.object(types));
      m.put("path", path);
      m.put("packer", Value.object("version", Value.string(PACKER_VERSION)));
      shared = m;
    }
    Map<String, Value> m = new LinkedHashMap<>(shared);
    m.put("source", source);
    m.put("build", build);
    return m;
  }

  private static Value source(String type, String name) {
    return Value.object("name", Value.string(name), "type", Value.string(type));
  }

  private static Value unknownSource() {
    return Value.object("name", Value.unknown(Type.STRING), "type", Value.unknown(Type.STRING));
  }
}
