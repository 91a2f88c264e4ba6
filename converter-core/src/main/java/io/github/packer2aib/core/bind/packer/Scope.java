package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.hcl.eval.EvalBudget;
import io.github.packer2aib.core.hcl.eval.EvalContext;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.value.ObjectType;
import io.github.packer2aib.core.hcl.value.Strings;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The names expressions can use in each part of a template, as Packer's {@code EvalContext} builds
 * them: {@code var}, {@code local}, {@code data}, {@code path}, {@code packer}, and the contextual
 * {@code source} and {@code build} objects, which differ between a source body, a build's own
 * arguments, a provisioner's common fields and a provisioner's body.
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

  /**
   * The {@code build.*} values a builder adds to {@link #BUILD_RUNTIME_KEYS} for the provisioners
   * and post-processors of its sources (the keys its {@code Prepare} returns; the Azure plugin's
   * builder/azure/arm/builder.go), unknown while the template is read. Builders not listed add none
   * here.
   */
  static final Map<String, List<String>> BUILDER_GENERATED_KEYS =
      Map.of(
          "azure-arm",
          List.of(
              "SourceImageName",
              "TenantID",
              "SubscriptionID",
              "TempDeploymentName",
              "TempComputeName",
              "TempNicName",
              "TempOSDiskName",
              "TempResourceGroupName",
              "TempNsgName",
              "TempKeyVaultName",
              "TempSubnetName",
              "TempDataDiskName",
              "TempVirtualNetworkName",
              "TempPublicIPAddressName"));

  /**
   * A source usage's {@code source.type} and {@code source.name}. Its equals and hashCode are
   * written out, as are {@link ContextKey}'s: a record's own are linked at first use through method
   * handles (milliseconds of a cold run) and run through them after (C1, which bulk runs use, calls
   * each handle instead of inlining it), and both keys are looked up for nearly every block and
   * expression of a template.
   */
  record SourceName(String type, String name) {
    @Override
    public boolean equals(Object o) {
      return o instanceof SourceName other
          && Objects.equals(type, other.type)
          && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(type) + Objects.hashCode(name);
    }
  }

  /*
   * Kept in the order of an object's attributes, so the objects made of them (after every change)
   * copy them without comparing keys: sorting them in each copy was a fortieth of loading a
   * template.
   */
  private final Map<String, Value> variables = new TreeMap<>(Strings.CODE_POINT_ORDER);
  private final Map<String, Value> locals = new TreeMap<>(Strings.CODE_POINT_ORDER);
  private final Map<String, Map<String, Value>> data = new TreeMap<>(Strings.CODE_POINT_ORDER);
  private final Value path;
  private final FunctionRegistry templateFunctions;
  private final FunctionRegistry workingDirectoryFunctions;

  /**
   * The {@code var}, {@code local} and {@code data} objects, each built once and rebuilt only after
   * a change to its own names (null until then): every local is evaluated after setting the
   * previous one, and rebuilding the {@code var} object (a sorted copy of every variable) for each
   * local cost as much as evaluating them.
   */
  private Value varObject;

  private Value localObject;
  private Value dataObject;

  /**
   * The contexts handed out so far, by what they are for ({@link ContextKey}); dropped after any
   * change. Every provisioner of a build gets the same names, and making a context copies and sorts
   * them: a tenth of a conversion's time when it was done per block.
   */
  private final Map<ContextKey, EvalContext> contexts = new HashMap<>();

  /** What all the template's expressions may spend together ({@link EvalBudget}). */
  private final EvalBudget budget;

  /**
   * What a context is for: its kind and the source usage and build name it depends on (either may
   * be null). Equals and hashCode written out, as {@link SourceName}'s are.
   */
  private record ContextKey(String kind, SourceName source, Value build) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ContextKey other
          && Objects.equals(kind, other.kind)
          && Objects.equals(source, other.source)
          && Objects.equals(build, other.build);
    }

    @Override
    public int hashCode() {
      return (31 * Objects.hashCode(kind) + Objects.hashCode(source)) * 31
          + Objects.hashCode(build);
    }
  }

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
      FunctionRegistry workingDirectoryFunctions,
      EvalBudget budget) {
    this.budget = budget;
    this.path = Value.object("cwd", Value.string(cwd), "root", Value.string(root));
    this.templateFunctions = templateFunctions;
    this.workingDirectoryFunctions = workingDirectoryFunctions;
  }

  void setVariable(String name, Value value) {
    variables.put(name, value);
    varObject = null;
    contexts.clear();
  }

  void setLocal(String name, Value value) {
    locals.put(name, value);
    localObject = null;
    contexts.clear();
  }

  /**
   * Gives the data source {@code data.TYPE.NAME} the value {@code object} (attributes given with
   * {@code --data}, the others it is used with unknown) instead of an unknown value.
   */
  void supplyData(String type, String name, Value object) {
    data.computeIfAbsent(type, t -> new TreeMap<>(Strings.CODE_POINT_ORDER)).put(name, object);
    dataObject = null;
    contexts.clear();
  }

  void addData(String type, String name) {
    data.computeIfAbsent(type, t -> new TreeMap<>(Strings.CODE_POINT_ORDER))
        .put(name, Value.unknown(Type.DYNAMIC));
    dataObject = null;
    contexts.clear();
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
    ContextKey key = new ContextKey("locals", null, null);
    EvalContext ctx = contexts.get(key);
    if (ctx == null) {
      ctx =
          EvalContext.of(
              base(unknownSource(), Value.unknown(ObjectType.EMPTY)), templateFunctions, budget);
      contexts.put(key, ctx);
    }
    return ctx;
  }

  /**
   * {@link #locals()} in which {@code local} holds only {@code visible}: for a local whose every
   * reference to a local names one in {@code visible}, which then sees what it would see in the
   * whole object. Not kept: making the whole object again after each local of a chain that refers
   * to the one before it made evaluating the chain quadratic (20,000 locals: several seconds).
   */
  EvalContext locals(Map<String, Value> visible) {
    return EvalContext.of(
        base(unknownSource(), Value.unknown(ObjectType.EMPTY), Value.object(visible)),
        templateFunctions,
        budget);
  }

  /** The body of a source as used under the name {@code name}. */
  EvalContext sourceBody(String type, String name) {
    ContextKey key = new ContextKey("source", new SourceName(type, name), null);
    EvalContext ctx = contexts.get(key);
    if (ctx == null) {
      ctx =
          EvalContext.of(
              base(source(type, name), Value.unknown(ObjectType.EMPTY)), templateFunctions, budget);
      contexts.put(key, ctx);
    }
    return ctx;
  }

  /**
   * The common fields of a provisioner or post-processor (name, only, except, …); {@code buildName}
   * is a string, marked sensitive when the build's name came from a sensitive value.
   */
  EvalContext provisionerFields(Value buildName) {
    ContextKey key = new ContextKey("fields", null, buildName);
    EvalContext ctx = contexts.get(key);
    if (ctx == null) {
      ctx =
          EvalContext.of(
              base(unknownSource(), Value.object("name", buildName)), templateFunctions, budget);
      contexts.put(key, ctx);
    }
    return ctx;
  }

  /**
   * The body of a provisioner or post-processor: {@code source.*} is known when the block applies
   * to exactly one source usage, and {@code build.*} holds the build's name and the values only a
   * running build has ({@code buildName} as for {@link #provisionerFields}): the common ones and
   * those the builders of {@code builderTypes} (the types of the usages it applies to) add.
   */
  EvalContext provisionerBody(
      Optional<SourceName> usage, Value buildName, Collection<String> builderTypes) {
    // Looked up for every provisioner: the key is made of the builder types as they come (one, as
    // a rule), and their keys are gathered only for a context not made yet.
    ContextKey key = new ContextKey(bodyKind(builderTypes), usage.orElse(null), buildName);
    EvalContext ctx = contexts.get(key);
    if (ctx == null) {
      List<String> generated = generatedKeys(builderTypes);
      Value build =
          buildObjects.computeIfAbsent(
              generated.isEmpty() ? List.of(buildName) : List.of(buildName, generated),
              k -> buildObject(buildName, generated));
      Value source =
          usage.isPresent() ? source(usage.get().type(), usage.get().name()) : unknownSource();
      ctx = EvalContext.of(base(source, build), templateFunctions, budget);
      contexts.put(key, ctx);
    }
    return ctx;
  }

  /**
   * The kind of a body context for builders of {@code types}: one per set of the types that add
   * {@code build.*} keys (a finite set: those of {@link #BUILDER_GENERATED_KEYS}).
   */
  private static String bodyKind(Collection<String> types) {
    if (types.size() == 1) {
      String t = types.iterator().next();
      return BODY_KINDS.getOrDefault(t, "body");
    }
    TreeSet<String> adding = new TreeSet<>();
    for (String t : types) {
      if (BUILDER_GENERATED_KEYS.containsKey(t)) {
        adding.add(t);
      }
    }
    return adding.isEmpty() ? "body" : "body " + String.join(",", adding);
  }

  /** The kind of a body context for one builder type that adds keys (no string made per call). */
  private static final Map<String, String> BODY_KINDS = bodyKinds();

  private static Map<String, String> bodyKinds() {
    Map<String, String> kinds = new HashMap<>();
    for (String t : BUILDER_GENERATED_KEYS.keySet()) {
      kinds.put(t, "body " + t);
    }
    return Map.copyOf(kinds);
  }

  /** The builder-specific {@code build.*} keys of {@code types}, sorted, without repeats. */
  private static List<String> generatedKeys(Collection<String> types) {
    if (types.isEmpty()) {
      return List.of();
    }
    TreeSet<String> keys = new TreeSet<>();
    for (String t : types) {
      keys.addAll(BUILDER_GENERATED_KEYS.getOrDefault(t, List.of()));
    }
    return List.copyOf(keys);
  }

  /**
   * Every provisioner of a build sees the same {@code build} object: made once per build name (and
   * builder keys).
   */
  private final Map<List<Object>, Value> buildObjects = new HashMap<>();

  private static Value buildObject(Value buildName, List<String> generated) {
    // A copy of a map sorted as objects are is built without comparing keys; only name is added.
    TreeMap<String, Value> build = new TreeMap<>(BUILD_RUNTIME);
    for (String k : generated) {
      build.put(k, Value.unknown(Type.STRING));
    }
    build.put("name", buildName);
    return Value.object(build);
  }

  /** The unknown {@code build.*} runtime values, in the order of an object's attributes. */
  private static final SortedMap<String, Value> BUILD_RUNTIME = buildRuntime();

  private static SortedMap<String, Value> buildRuntime() {
    TreeMap<String, Value> m = new TreeMap<>(Strings.CODE_POINT_ORDER);
    for (String key : BUILD_RUNTIME_KEYS) {
      m.put(key, Value.unknown(Type.STRING));
    }
    return Collections.unmodifiableSortedMap(m);
  }

  /** A variable's validation condition: only that variable, functions relative to the cwd. */
  EvalContext validation(String name, Value value) {
    return EvalContext.of(
        Map.of("var", Value.object(Map.of(name, value))), workingDirectoryFunctions);
  }

  private Map<String, Value> base(Value source, Value build) {
    if (localObject == null) {
      localObject = Value.object(locals);
    }
    return base(source, build, localObject);
  }

  private Map<String, Value> base(Value source, Value build, Value localObject) {
    if (varObject == null) {
      varObject = Value.object(variables);
    }
    if (dataObject == null) {
      Map<String, Value> types = new TreeMap<>(Strings.CODE_POINT_ORDER);
      for (Map.Entry<String, Map<String, Value>> e : data.entrySet()) {
        types.put(e.getKey(), Value.object(e.getValue()));
      }
      dataObject = Value.object(types);
    }
    // An immutable map, which the context keeps as it is instead of copying it.
    return Map.of(
        "var",
        varObject,
        "local",
        localObject,
        "data",
        dataObject,
        "path",
        path,
        "packer",
        PACKER,
        "source",
        source,
        "build",
        build);
  }

  /**
   * {@code packer.*} as Packer 1.10 and later define it ({@code
   * hcl2template/types.packer_config.go}, {@code EvalContext}): the version, and the HCP Packer
   * iteration and version fingerprint, which Packer sets only while it builds with HCP Packer, so
   * they are unknown here. HCP Packer templates write them into tags and steps; a build that never
   * reads them still converts.
   */
  private static final Value PACKER =
      Value.object(
          "iterationID",
          Value.unknown(Type.STRING),
          "version",
          Value.string(PACKER_VERSION),
          "versionFingerprint",
          Value.unknown(Type.STRING));

  private static Value source(String type, String name) {
    return Value.object("name", Value.string(name), "type", Value.string(type));
  }

  /** Values are immutable: one unknown source object serves every context. */
  private static final Value UNKNOWN_SOURCE =
      Value.object("name", Value.unknown(Type.STRING), "type", Value.unknown(Type.STRING));

  private static Value unknownSource() {
    return UNKNOWN_SOURCE;
  }
}
