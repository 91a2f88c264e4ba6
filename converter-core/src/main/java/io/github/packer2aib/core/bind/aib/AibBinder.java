package io.github.packer2aib.core.bind.aib;

import static io.github.packer2aib.core.bind.aib.DocValues.bool;
import static io.github.packer2aib.core.bind.aib.DocValues.discriminator;
import static io.github.packer2aib.core.bind.aib.DocValues.enumValue;
import static io.github.packer2aib.core.bind.aib.DocValues.integer;
import static io.github.packer2aib.core.bind.aib.DocValues.member;
import static io.github.packer2aib.core.bind.aib.DocValues.object;
import static io.github.packer2aib.core.bind.aib.DocValues.string;
import static io.github.packer2aib.core.bind.aib.DocValues.stringMap;

import io.github.packer2aib.core.aib.AutoRun;
import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.aib.DataDisk;
import io.github.packer2aib.core.aib.Distributor;
import io.github.packer2aib.core.aib.ErrorHandling;
import io.github.packer2aib.core.aib.Identity;
import io.github.packer2aib.core.aib.ImageSource;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.aib.ImageTemplateProperties;
import io.github.packer2aib.core.aib.InVmValidator;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.aib.Optimize;
import io.github.packer2aib.core.aib.TargetRegion;
import io.github.packer2aib.core.aib.Validate;
import io.github.packer2aib.core.aib.Versioning;
import io.github.packer2aib.core.aib.VmProfile;
import io.github.packer2aib.core.aib.VnetConfig;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Binds one located image template (a document object) to the AIB model.
 *
 * <p>The spec validator checks the document before binding and reports wrong types, unknown
 * discriminators, unknown and read-only properties; so binding is tolerant and silent about those:
 * a value of the wrong shape is left null (a list item or map entry of the wrong shape is left
 * out). Discriminators are matched ignoring case and stored with the spec's casing ({@code vhd}
 * becomes {@code VHD}); integers and booleans written as ARM expressions are kept as expressions.
 * What only the binder reports is what it drops on purpose: keys that belong to the ARM deployment
 * template rather than to the resource ({@code dependsOn}, {@code comments}, …), and ARM
 * expressions standing for a whole object or array, which the model cannot hold.
 */
public final class AibBinder {

  /** The model, where each of its nodes came from, and what the binder had to drop. */
  public record Bound(ImageTemplate template, SourceMap sourceMap, List<Diagnostic> diagnostics) {
    public Bound {
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(sourceMap, "sourceMap");
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Resource-declaration keys of ARM deployment templates that are not part of the resource. */
  static final List<String> ARM_ONLY_KEYS =
      List.of("dependsOn", "comments", "condition", "copy", "scope", "resources", "existing");

  private static final List<String> SOURCE_TYPES =
      List.of("PlatformImage", "ManagedImage", "SharedImageVersion", "ISO");
  private static final List<String> CUSTOMIZER_TYPES =
      List.of("Shell", "PowerShell", "File", "WindowsRestart", "WindowsUpdate");
  private static final List<String> VALIDATOR_TYPES = List.of("Shell", "PowerShell", "File");
  private static final List<String> DISTRIBUTOR_TYPES =
      List.of("ManagedImage", "SharedImage", "VHD");
  private static final List<String> VERSIONING_SCHEMES = List.of("Latest", "Source");

  // The enum values of the specs (every version's, joined): written with the spec's spelling as
  // the discriminators are, since 2024-02-01 and later reject another case (SPEC-W115 says so).
  private static final List<String> IDENTITY_TYPES = List.of("UserAssigned", "None");
  private static final List<String> ON_ERROR = List.of("cleanup", "abort");
  private static final List<String> STATES = List.of("Enabled", "Disabled");
  private static final List<String> STORAGE_TYPES =
      List.of("Standard_LRS", "Standard_ZRS", "Premium_LRS");
  private static final List<String> REPLICATION_MODES = List.of("Full", "Shallow");

  /** The arrays of this resource that items were left out of, for the source map. */
  private final KeptItems kept = new KeptItems();

  private AibBinder() {}

  public static Bound bind(ResourceRef ref) {
    Objects.requireNonNull(ref, "ref");
    return new AibBinder().bindResource(ref);
  }

  private Bound bindResource(ResourceRef ref) {
    DocObject r = ref.node();
    List<Diagnostic> diagnostics = new ArrayList<>();
    reportArmOnlyKeys(ref, diagnostics);
    PropertyLoops.check(ref, diagnostics);
    StructuredExpressions.check(ref, diagnostics);
    ImageTemplate template =
        new ImageTemplate(
            resourceType(string(r, "type")),
            string(r, "apiVersion"),
            string(r, "name"),
            string(r, "location"),
            stringMap(r, "tags"),
            DocValues.ifObject(member(r, "identity"), AibBinder::identity),
            properties(object(r, "properties")));
    return new Bound(template, SourceMap.of(ref.pointer(), r, kept), diagnostics);
  }

  private <T> List<T> list(DocNode node, String key, DocValues.ItemReader<T> reader) {
    return DocValues.list(node, key, reader, kept);
  }

  private List<String> strings(DocNode node, String key) {
    return DocValues.strings(node, key, kept);
  }

  /** ARM resource types ignore case; keep the documented spelling when it is the same type. */
  private static String resourceType(String type) {
    return type != null && type.equalsIgnoreCase(ImageTemplate.RESOURCE_TYPE)
        ? ImageTemplate.RESOURCE_TYPE
        : type;
  }

  /** Whether a member of a resource is one of {@link #ARM_ONLY_KEYS} (ARM ignores their case). */
  static boolean isArmOnlyKey(String key) {
    return armOnlyKey(key) != null;
  }

  /** The {@link #ARM_ONLY_KEYS} spelling of {@code key}, or null when it is none of them. */
  private static String armOnlyKey(String key) {
    return spelling(ARM_ONLY_KEYS, key);
  }

  /** The entry of {@code keys} that {@code key} is, ignoring case; null when it is none. */
  private static String spelling(List<String> keys, String key) {
    for (String k : keys) {
      if (k.equalsIgnoreCase(key)) {
        return k;
      }
    }
    return null;
  }

  private static void reportArmOnlyKeys(ResourceRef ref, List<Diagnostic> out) {
    for (DocMember m : ref.node().members()) {
      // ARM reads these keys ignoring case, as it does property names.
      String key = armOnlyKey(m.key());
      if (key == null) {
        continue;
      }
      String pointer = JsonPointer.append(ref.pointer(), m.key());
      if (key.equals("copy")) {
        out.add(
            Diagnostic.of(
                    BindCode.COPY_LOOP_NOT_EXPANDED,
                    m.keyRange(),
                    "The ARM \"copy\" loop would deploy several image templates from this"
                        + " resource, but the converted template is a single resource. Expand the"
                        + " loop by hand: write one template per copy, with its own name.")
                .withPath(pointer));
      } else if (key.equals("condition") && isLiteralFalse(m.value())) {
        out.add(
            Diagnostic.of(
                    BindCode.NEVER_DEPLOYED,
                    m.keyRange(),
                    "\""
                        + m.key()
                        + "\" is false, so ARM never deploys this image template, but the"
                        + " converted template, which leaves the condition out, creates it wherever"
                        + " it is deployed. Remove the resource if it is no longer used, or do not"
                        + " deploy its converted file.")
                .withPath(pointer));
      } else {
        out.add(
            Diagnostic.of(BindCode.ARM_KEY_DROPPED, m.keyRange(), armKeyDetail(key, m.key()))
                .withPath(pointer));
      }
    }
  }

  /**
   * A {@code condition} of {@code false} as written (a boolean, not an expression that may evaluate
   * to it): ARM never deploys what it guards.
   */
  private static boolean isLiteralFalse(DocNode value) {
    return value instanceof DocScalar s
        && s.type() == DocScalar.Type.BOOLEAN
        && s.asBoolean().filter(b -> !b).isPresent();
  }

  /**
   * Keys of a nested deployment ({@code Microsoft.Resources/deployments}, what {@code az bicep
   * build} writes for a Bicep module) that decide whether, how often, when or where the image
   * templates of its inline template are created. The converted templates are those resources
   * alone, so these say what they lose, as the same keys on an image template itself do.
   */
  private static final List<String> DEPLOYMENT_KEYS =
      List.of("copy", "condition", "dependsOn", "resourceGroup", "subscriptionId", "scope");

  /**
   * What the image templates found in the inline template of the nested deployment {@code
   * deployment} (at {@code pointer}) lose of it: its copy loop ({@code BIND-W001}) and its other
   * keys of {@link #DEPLOYMENT_KEYS} ({@code BIND-N001}), once per deployment.
   */
  static List<Diagnostic> enclosingDeployment(DocObject deployment, String pointer) {
    List<Diagnostic> out = new ArrayList<>();
    for (DocMember m : deployment.members()) {
      String key = spelling(DEPLOYMENT_KEYS, m.key());
      if (key == null) {
        continue;
      }
      String at = JsonPointer.append(pointer, m.key());
      if (key.equals("copy")) {
        out.add(
            Diagnostic.of(
                    BindCode.COPY_LOOP_NOT_EXPANDED,
                    m.keyRange(),
                    "The ARM \"copy\" loop of this nested deployment (a Bicep module loop,"
                        + " module … = [for …]) deploys its template, and so each image template"
                        + " in it, once per copy, but each converted template is a single"
                        + " resource. Expand the loop by hand: write one template per copy, with"
                        + " its own name.")
                .withPath(at));
      } else if (key.equals("condition") && isLiteralFalse(m.value())) {
        out.add(
            Diagnostic.of(
                    BindCode.NEVER_DEPLOYED,
                    m.keyRange(),
                    "\""
                        + m.key()
                        + "\" of this nested deployment is false, so ARM never deploys it or the"
                        + " image templates in it, but each converted template, which leaves the"
                        + " condition out, creates its image template wherever it is deployed."
                        + " Remove the nested deployment if it is no longer used, or do not deploy"
                        + " the converted files of its templates.")
                .withPath(at));
      } else {
        out.add(
            Diagnostic.of(BindCode.ARM_KEY_DROPPED, m.keyRange(), deploymentKeyDetail(key, m.key()))
                .withPath(at));
      }
    }
    return out;
  }

  private static String deploymentKeyDetail(String key, String written) {
    String what =
        switch (key) {
          case "condition" ->
              "decides whether ARM deploys this nested deployment (a Bicep module with if), and so"
                  + " the image templates in it; the converted templates do not keep it: they are"
                  + " created whenever they are deployed.";
          case "dependsOn" ->
              "orders this nested deployment, and so the image templates in it, after other"
                  + " resources of the ARM deployment; the converted templates do not keep it:"
                  + " what they use (an identity, a gallery) must exist before they are created.";
          default ->
              "decides where this nested deployment creates the image templates in it; the"
                  + " converted templates do not keep it: they are created where they are deployed"
                  + " (the resource group given to az image builder or az deployment).";
        };
    return "\"" + written + "\" " + what;
  }

  private static String armKeyDetail(String key, String written) {
    String what =
        switch (key) {
          case "dependsOn" -> "orders resources within an ARM deployment";
          case "condition" -> "decides whether an ARM deployment creates the resource";
          case "resources" -> "declares child resources (such as triggers) in an ARM deployment";
          case "existing" -> "refers to an existing resource in an ARM deployment";
          default -> "belongs to the ARM deployment template";
        };
    return "\""
        + written
        + "\" "
        + what
        + "; it is not a property of the image template resource, so it is left out of the"
        + " converted template.";
  }

  // ---- resource ----------------------------------------------------------------------------

  private static Identity identity(DocObject o) {
    List<String> ids = null;
    if (member(o, "userAssignedIdentities") instanceof DocObject map) {
      ids = new ArrayList<>();
      for (DocMember m : map.members()) {
        ids.add(m.key());
      }
    }
    return new Identity(enumValue(o, "type", IDENTITY_TYPES), ids);
  }

  private ImageTemplateProperties properties(DocObject p) {
    if (p == null) {
      return ImageTemplateProperties.builder().build();
    }
    return ImageTemplateProperties.builder()
        .buildTimeoutInMinutes(integer(p, "buildTimeoutInMinutes"))
        .customize(list(p, "customize", (item, i) -> customizer(item)))
        .errorHandling(
            DocValues.ifObject(
                member(p, "errorHandling"),
                e ->
                    new ErrorHandling(
                        enumValue(e, "onCustomizerError", ON_ERROR),
                        enumValue(e, "onValidationError", ON_ERROR))))
        .distribute(list(p, "distribute", (item, i) -> distributor(item)))
        .optimize(DocValues.ifObject(member(p, "optimize"), AibBinder::optimize))
        .source(source(member(p, "source")))
        .stagingResourceGroup(string(p, "stagingResourceGroup"))
        .validate(DocValues.ifObject(member(p, "validate"), this::validate))
        .vmProfile(DocValues.ifObject(member(p, "vmProfile"), this::vmProfile))
        .autoRun(
            DocValues.ifObject(
                member(p, "autoRun"), a -> new AutoRun(enumValue(a, "state", STATES))))
        .managedResourceTags(stringMap(p, "managedResourceTags"))
        .additionalDataDisks(
            list(
                p,
                "additionalDataDisks",
                (item, i) -> DocValues.ifObject(item, d -> new DataDisk(integer(d, "sizeGB")))))
        .build();
  }

  // ---- source ------------------------------------------------------------------------------

  private static ImageSource source(DocNode s) {
    String type = discriminator(s, "type", SOURCE_TYPES);
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "PlatformImage" ->
          new ImageSource.PlatformImage(
              string(s, "publisher"),
              string(s, "offer"),
              string(s, "sku"),
              string(s, "version"),
              DocValues.ifObject(
                  member(s, "planInfo"),
                  p ->
                      new ImageSource.PlanInfo(
                          string(p, "planName"),
                          string(p, "planProduct"),
                          string(p, "planPublisher"))));
      case "ManagedImage" -> new ImageSource.ManagedImage(string(s, "imageId"));
      case "SharedImageVersion" -> new ImageSource.SharedImageVersion(string(s, "imageVersionId"));
      default -> new ImageSource.Iso(string(s, "sourceUri"), string(s, "sha256Checksum"));
    };
  }

  // ---- customize and validate --------------------------------------------------------------

  private Customizer customizer(DocNode c) {
    String type = discriminator(c, "type", CUSTOMIZER_TYPES);
    if (type == null) {
      return null;
    }
    String name = string(c, "name");
    return switch (type) {
      case "Shell" ->
          new Customizer.Shell(
              name, string(c, "scriptUri"), string(c, "sha256Checksum"), strings(c, "inline"));
      case "PowerShell" ->
          new Customizer.PowerShell(
              name,
              string(c, "scriptUri"),
              string(c, "sha256Checksum"),
              strings(c, "inline"),
              bool(c, "runElevated"),
              bool(c, "runAsSystem"),
              exitCodes(c));
      case "File" ->
          new Customizer.File(
              name, string(c, "sourceUri"), string(c, "destination"), string(c, "sha256Checksum"));
      case "WindowsRestart" ->
          new Customizer.WindowsRestart(
              name,
              string(c, "restartCommand"),
              string(c, "restartCheckCommand"),
              string(c, "restartTimeout"));
      default ->
          new Customizer.WindowsUpdate(
              name, string(c, "searchCriteria"), strings(c, "filters"), integer(c, "updateLimit"));
    };
  }

  private List<IntValue> exitCodes(DocNode c) {
    return list(c, "validExitCodes", (item, i) -> DocValues.asInteger(item));
  }

  private Validate validate(DocObject v) {
    return new Validate(
        bool(v, "continueDistributeOnFailure"),
        bool(v, "sourceValidationOnly"),
        list(v, "inVMValidations", (item, i) -> validator(item)));
  }

  private InVmValidator validator(DocNode c) {
    String type = discriminator(c, "type", VALIDATOR_TYPES);
    if (type == null) {
      return null;
    }
    String name = string(c, "name");
    return switch (type) {
      case "Shell" ->
          new InVmValidator.Shell(
              name, string(c, "scriptUri"), string(c, "sha256Checksum"), strings(c, "inline"));
      case "PowerShell" ->
          new InVmValidator.PowerShell(
              name,
              string(c, "scriptUri"),
              string(c, "sha256Checksum"),
              strings(c, "inline"),
              bool(c, "runElevated"),
              bool(c, "runAsSystem"),
              exitCodes(c));
      default ->
          new InVmValidator.File(
              name, string(c, "sourceUri"), string(c, "destination"), string(c, "sha256Checksum"));
    };
  }

  // ---- distribute --------------------------------------------------------------------------

  private Distributor distributor(DocNode d) {
    String type = discriminator(d, "type", DISTRIBUTOR_TYPES);
    if (type == null) {
      return null;
    }
    String runOutputName = string(d, "runOutputName");
    Map<String, String> artifactTags = stringMap(d, "artifactTags");
    return switch (type) {
      case "ManagedImage" ->
          new Distributor.ManagedImage(
              string(d, "imageId"), string(d, "location"), runOutputName, artifactTags);
      case "SharedImage" ->
          new Distributor.SharedImage(
              string(d, "galleryImageId"),
              runOutputName,
              artifactTags,
              strings(d, "replicationRegions"),
              list(
                  d,
                  "targetRegions",
                  (item, i) -> DocValues.ifObject(item, AibBinder::targetRegion)),
              versioning(member(d, "versioning")),
              bool(d, "excludeFromLatest"),
              enumValue(d, "storageAccountType", STORAGE_TYPES),
              enumValue(d, "replicationMode", REPLICATION_MODES));
      default -> new Distributor.Vhd(string(d, "uri"), runOutputName, artifactTags);
    };
  }

  private static TargetRegion targetRegion(DocObject t) {
    return new TargetRegion(
        string(t, "name"),
        integer(t, "replicaCount"),
        enumValue(t, "storageAccountType", STORAGE_TYPES));
  }

  private static Versioning versioning(DocNode v) {
    String scheme = discriminator(v, "scheme", VERSIONING_SCHEMES);
    if (scheme == null) {
      return null;
    }
    return scheme.equals("Latest")
        ? new Versioning.Latest(integer(v, "major"))
        : new Versioning.Source();
  }

  // ---- optimize and vmProfile --------------------------------------------------------------

  private static Optimize optimize(DocObject o) {
    return new Optimize(
        DocValues.ifObject(
            member(o, "vmBoot"), b -> new Optimize.VmBoot(enumValue(b, "state", STATES))),
        DocValues.ifObject(
            member(o, "workload"),
            w ->
                new Optimize.Workload(
                    enumValue(w, "state", STATES),
                    string(w, "scriptUri"),
                    string(w, "sha256Checksum"))));
  }

  private VmProfile vmProfile(DocObject v) {
    return new VmProfile(
        string(v, "vmSize"),
        integer(v, "osDiskSizeGB"),
        DocValues.ifObject(member(v, "vnetConfig"), AibBinder::vnetConfig),
        strings(v, "userAssignedIdentities"));
  }

  /** Both forms: {@code subnetId} (2020-02-14+) and the 2019 documentation's names. */
  private static VnetConfig vnetConfig(DocObject n) {
    return new VnetConfig(
        string(n, "subnetId"),
        string(n, "containerInstanceSubnetId"),
        string(n, "proxyVmSize"),
        string(n, "name"),
        string(n, "subnetName"),
        string(n, "resourceGroupName"));
  }
}
