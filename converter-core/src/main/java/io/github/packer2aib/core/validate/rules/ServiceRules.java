package io.github.packer2aib.core.validate.rules;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.aib.BoolValue;
import io.github.packer2aib.core.aib.Capabilities;
import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.aib.Distributor;
import io.github.packer2aib.core.aib.Identity;
import io.github.packer2aib.core.aib.ImageSource;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.aib.ImageTemplateProperties;
import io.github.packer2aib.core.aib.InVmValidator;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.aib.TagLimits;
import io.github.packer2aib.core.aib.VmProfile;
import io.github.packer2aib.core.aib.VnetConfig;
import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.DiagnosticCode;
import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.diag.SecretScrubber;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.validate.Placeholders;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Checks the AIB service rules that the OpenAPI specs cannot express, on the bound model. Values
 * that are ARM template expressions ({@link ArmExpression}) are never judged: ARM evaluates them at
 * deployment.
 */
public final class ServiceRules {
  /** The document pointer of a pointer into the model (relative to the resource). */
  private final Function<String, String> absolute;

  private final Function<String, Optional<Range>> locate;

  /** Where a member's key is written (a tag's name), else its value, as {@link #locate} says. */
  private final Function<String, Optional<Range>> locateKey;

  /**
   * Where a member came from in words, when its range cannot say it ({@code setup.sh:3} for a
   * command a step writes from that file): a message about one command names it.
   */
  private final Function<String, Optional<String>> label;

  private final List<Diagnostic> out = new ArrayList<>();

  private ServiceRules(
      Function<String, String> absolute,
      Function<String, Optional<Range>> locate,
      Function<String, Optional<Range>> locateKey,
      Function<String, Optional<String>> label) {
    this.absolute = absolute;
    this.locate = locate;
    this.locateKey = locateKey;
    this.label = label;
  }

  /** No member has a label: an AIB template's commands are where its file writes them. */
  private static Optional<String> noLabel(String pointer) {
    return Optional.empty();
  }

  /**
   * @param template the bound template
   * @param version the API version it is checked against
   * @param basePointer the resource's pointer in its file, prefixed to every diagnostic's path
   * @param locate the range of a pointer relative to the resource (nearest ancestor if need be)
   */
  public static List<Diagnostic> check(
      ImageTemplate template,
      ApiVersion version,
      String basePointer,
      Function<String, Optional<Range>> locate) {
    return check(template, version, basePointer, locate, false);
  }

  /**
   * As {@link #check(ImageTemplate, ApiVersion, String, Function)} for a template mapped from
   * Packer, where {@code label} says in words where a command came from when its range cannot
   * ({@code setup.sh:3}, {@code MappedTemplate#label}).
   */
  public static List<Diagnostic> check(
      ImageTemplate template,
      ApiVersion version,
      String basePointer,
      Function<String, Optional<Range>> locate,
      Function<String, Optional<String>> label) {
    ServiceRules rules = new ServiceRules(p -> basePointer + p, locate, locate, label);
    rules.run(template, version, false);
    return List.copyOf(rules.out);
  }

  /**
   * As {@link #check(ImageTemplate, ApiVersion, String, Function)}; {@code identitySupplied}: the
   * caller replaces the template identity ({@code convert --identity}), so the input's identity is
   * not judged.
   */
  public static List<Diagnostic> check(
      ImageTemplate template,
      ApiVersion version,
      String basePointer,
      Function<String, Optional<Range>> locate,
      boolean identitySupplied) {
    return check(template, version, basePointer, locate, locate, identitySupplied);
  }

  /**
   * As {@link #check(ImageTemplate, ApiVersion, String, Function, boolean)}; {@code locateKey} says
   * where a member's key is written, where a finding about a name (a tag's) points.
   */
  public static List<Diagnostic> check(
      ImageTemplate template,
      ApiVersion version,
      String basePointer,
      Function<String, Optional<Range>> locate,
      Function<String, Optional<Range>> locateKey,
      boolean identitySupplied) {
    return check(template, version, p -> basePointer + p, locate, locateKey, identitySupplied);
  }

  /**
   * As {@link #check(ImageTemplate, ApiVersion, String, Function, Function, boolean)} for a
   * template bound from a document, whose pointers {@code absolute} turns into the document's
   * ({@code SourceMap.absolute}): a list the binder left an item out of counts its items
   * differently there, and each finding must point at its own item, and name it by its index in the
   * document.
   */
  public static List<Diagnostic> check(
      ImageTemplate template,
      ApiVersion version,
      Function<String, String> absolute,
      Function<String, Optional<Range>> locate,
      Function<String, Optional<Range>> locateKey,
      boolean identitySupplied) {
    ServiceRules rules = new ServiceRules(absolute, locate, locateKey, ServiceRules::noLabel);
    rules.run(template, version, identitySupplied);
    return List.copyOf(rules.out);
  }

  /**
   * The most bytes Azure Resource Manager takes in a request (4 MB; counted as 4 MiB, so that only
   * a template certainly over it is reported).
   */
  public static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;

  /**
   * RULE-W328 when the resource, written as JSON, is larger than {@link #MAX_REQUEST_BYTES}: Azure
   * refuses it, and nothing else says so (a legacy template's 50 MB inline command converted
   * without a word). Its size is counted in bytes as the most compact JSON in UTF-8 would be, so
   * the count is never above the real size ({@link #compactSizeUpTo}).
   *
   * @param resource the resource as written (or as it will be)
   * @param basePointer the resource's pointer in its file
   * @param locate the range of a pointer relative to the resource, for a node without a range
   */
  public static List<Diagnostic> checkSize(
      DocNode resource, String basePointer, Function<String, Optional<Range>> locate) {
    long size = compactSizeUpTo(resource, MAX_REQUEST_BYTES + 1);
    if (size <= MAX_REQUEST_BYTES) {
      return List.of();
    }
    Range at = resource.range() != null ? resource.range() : locate.apply("").orElse(null);
    return List.of(
        Diagnostic.of(
                RuleCode.TOO_LARGE_TO_SUBMIT,
                at,
                "The image template is more than 4 MB of JSON, and Azure Resource Manager takes"
                    + " at most 4 MB in a request, so Azure will refuse it. Move long commands"
                    + " and file contents out of the template: into script files that a step"
                    + " downloads (scriptUri, sourceUri).")
            .withPath(basePointer));
  }

  /**
   * The bytes of {@code node} as compact JSON in UTF-8, escapes counted, or {@code limit} once that
   * is reached. The check only asks whether {@code limit} is reached, so a first walk counts
   * characters (one byte each at least): only when six bytes a character (the most an escape takes)
   * could reach {@code limit} does a second walk count the bytes; then {@code 日} counts three and a
   * newline two, as written.
   */
  static long compactSizeUpTo(DocNode node, long limit) {
    long chars = sizeUpTo(node, limit, text -> text.length() + 2L);
    if (chars >= limit || 6 * chars < limit) {
      return chars;
    }
    return sizeUpTo(node, limit, ServiceRules::jsonStringBytes);
  }

  /**
   * The size of {@code node} as compact JSON, {@code string} giving that of a string with its
   * quotes, or {@code limit} once that is reached. Loops over a stack: documents may be 1,000
   * levels deep.
   */
  private static long sizeUpTo(DocNode node, long limit, ToLongFunction<String> string) {
    long size = 0;
    ArrayDeque<DocNode> pending = new ArrayDeque<>();
    pending.push(node);
    while (!pending.isEmpty() && size < limit) {
      DocNode n = pending.pop();
      if (n instanceof DocScalar s) {
        size += s.isString() ? string.applyAsLong(s.text()) : s.text().length();
      } else if (n instanceof DocObject o) {
        size += 2 + Math.max(0, o.members().size() - 1);
        for (DocMember m : o.members()) {
          size += string.applyAsLong(m.key()) + 1; // and the colon
          pending.push(m.value());
        }
      } else if (n instanceof DocArray a) {
        size += 2 + Math.max(0, a.items().size() - 1);
        for (DocNode item : a.items()) {
          pending.push(item);
        }
      }
    }
    return Math.min(size, limit);
  }

  /** The bytes of {@code text} as a JSON string in UTF-8, its quotes and escapes included. */
  static long jsonStringBytes(String text) {
    long n = 2;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        n += 2;
      } else if (c < 0x20) {
        n += c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f' ? 2 : 6;
      } else if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private void run(ImageTemplate t, ApiVersion version, boolean identitySupplied) {
    if (!identitySupplied) {
      identity(t.identity(), version);
    }
    ImageTemplateProperties p = t.properties();
    buildTimeout(p.buildTimeoutInMinutes());
    // A property the version does not have is reported by the spec layer (SPEC-W101, dropped on
    // conversion); judging its value too contradicted that.
    boolean staging = Capabilities.supports("properties.stagingResourceGroup", version);
    if (staging
        && p.stagingResourceGroup() != null
        && !ArmExpression.isExpression(p.stagingResourceGroup())
        && !StagingGroupContents.isGroupId(p.stagingResourceGroup())) {
      report(
          RuleCode.NOT_A_RESOURCE_ID,
          "/properties/stagingResourceGroup",
          "stagingResourceGroup must be the id of a resource group, such as"
              + " /subscriptions/<subscription-id>/resourceGroups/<name>, not \""
              + p.stagingResourceGroup()
              + "\"."
              + Placeholders.hint(p.stagingResourceGroup()));
    }
    if (staging) {
      stagingGroupContents(t);
    }
    tags(t.tags(), "/tags", "The template");
    if (p.managedResourceTags() != null
        && version.atLeast(ApiVersion.V2024_02_01)
        && !p.managedResourceTags().equals(t.tags())) {
      // The same tags as the template's (as a converted Packer template has): told there once.
      // (Older versions lack the property: SPEC-W101's.)
      tags(
          p.managedResourceTags(),
          "/properties/managedResourceTags",
          "managedResourceTags (the tags of the build's own resources)");
    }
    source(p.source());
    vmProfile(p.vmProfile(), version);
    if (p.optimize() != null && p.optimize().workload() != null) {
      signedUrl(p.optimize().workload().scriptUri(), "/properties/optimize/workload/scriptUri");
      checksum(p.optimize().workload().sha256Checksum(), "/properties/optimize/workload", -1);
    }
    customizers(p.customize() == null ? List.of() : p.customize());
    validators(p);
    if (p.distribute() != null) {
      // A missing distribute is the spec layer's (a required property).
      distributors(p.distribute(), t.tags(), version);
    }
  }

  /**
   * A staging resource group that holds what the template reads (the source image, the target
   * gallery, the build VM's network, an identity) or writes (a managed image target): one finding
   * at the group, with each resource as a related place.
   */
  private void stagingGroupContents(ImageTemplate t) {
    List<StagingGroupContents.Resource> found = StagingGroupContents.of(t);
    if (found.isEmpty()) {
      return;
    }
    String name = StagingGroupContents.groupName(t.properties().stagingResourceGroup());
    List<String> held = new ArrayList<>();
    List<String> written = new ArrayList<>();
    for (StagingGroupContents.Resource r : found) {
      (r.written() ? written : held).add(r.what());
    }
    String group = "The staging resource group \"" + ControlCharacters.escape(name) + "\"";
    String detail;
    if (!held.isEmpty()) {
      detail =
          group
              + " holds "
              + and(held)
              + ", so it is not empty; but Image Builder builds only in a staging group that is"
              + " empty when it exists"
              + (written.isEmpty() ? "" : ", and " + and(written) + " would be written into it too")
              + ".";
    } else {
      detail =
          group
              + " receives "
              + and(written)
              + ": it is not empty after the first build, so Image Builder, which builds only in"
              + " a staging group that is empty when it exists, refuses the next one; and it"
              + " deletes what it created there when the template is deleted, which may take the"
              + " image with it.";
    }
    detail +=
        " Stage in a resource group of its own (one that does not exist yet is created, and"
            + " deleted with the template), or leave stagingResourceGroup out.";
    String pointer = "/properties/stagingResourceGroup";
    Diagnostic d =
        Diagnostic.of(RuleCode.STAGING_GROUP_NOT_EMPTY, locate.apply(pointer).orElse(null), detail)
            .withPath(absolute.apply(pointer));
    for (StagingGroupContents.Resource r : found) {
      Optional<Range> at = locate.apply(r.pointer());
      if (at.isPresent()) {
        d = d.withRelated(new Related(at.get(), r.what()));
      }
    }
    out.add(d);
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  private static String and(List<String> items) {
    int n = items.size();
    return n == 1
        ? items.get(0)
        : String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
  }

  private void identity(Identity identity, ApiVersion version) {
    if (identity != null
        && "None".equals(identity.type())
        && version.atLeast(ApiVersion.V2020_02_14)) {
      report(
          RuleCode.NO_TEMPLATE_IDENTITY,
          "/identity/type",
          "The identity type is None, but Image Builder runs every build as the template's"
              + " user-assigned managed identity and refuses a template without one (API version"
              + " 2020-02-14 and later). Set \"type\": \"UserAssigned\" and list the identity's"
              + " resource id under userAssignedIdentities, or convert with --identity.");
      return;
    }
    if (identity == null || !"UserAssigned".equals(identity.type())) {
      return;
    }
    List<String> ids = identity.userAssignedIdentities();
    if (ids != null) {
      for (String id : ids) {
        resourceId(
            id,
            JsonPointer.append("/identity/userAssignedIdentities", id),
            -1,
            "",
            "a user-assigned managed identity");
      }
    }
    if (ids == null || ids.isEmpty()) {
      report(
          RuleCode.IDENTITY_WITHOUT_IDS,
          "/identity",
          "The identity type is UserAssigned but no identity is listed. Add the resource id of one"
              + " user-assigned managed identity under userAssignedIdentities.");
    } else if (ids.size() > 1) {
      report(
          RuleCode.SEVERAL_TEMPLATE_IDENTITIES,
          "/identity/userAssignedIdentities",
          "Image Builder supports exactly one user-assigned identity for the template, but "
              + ids.size()
              + " are listed. Keep one; identities the build VM needs go in"
              + " properties.vmProfile.userAssignedIdentities.");
    }
  }

  /** The resource ids of the build VM's identities and subnets, where the version has them. */
  private void vmProfile(VmProfile vm, ApiVersion version) {
    if (vm == null) {
      return;
    }
    String at = "/properties/vmProfile/";
    if (vm.userAssignedIdentities() != null
        && Capabilities.supports("properties.vmProfile.userAssignedIdentities", version)) {
      List<String> ids = vm.userAssignedIdentities();
      for (int i = 0; i < ids.size(); i++) {
        resourceId(
            ids.get(i), at + "userAssignedIdentities/", i, "", "a user-assigned managed identity");
      }
    }
    VnetConfig vnet = vm.vnetConfig();
    if (vnet != null
        && Capabilities.supports("properties.vmProfile.vnetConfig.subnetId", version)) {
      resourceId(vnet.subnetId(), at + "vnetConfig/subnetId", -1, "", "a subnet");
    }
    if (vnet != null
        && Capabilities.supports(
            "properties.vmProfile.vnetConfig.containerInstanceSubnetId", version)) {
      resourceId(
          vnet.containerInstanceSubnetId(),
          at + "vnetConfig/containerInstanceSubnetId",
          -1,
          "",
          "a subnet");
      isolatedBuild(vnet);
    }
  }

  /**
   * What the spec's descriptions of containerInstanceSubnetId and proxyVmSize say (2024-02-01 on,
   * the versions that have the first): it is given only with subnetId, on the same virtual network,
   * and an isolated build deploys no proxy VM, so proxyVmSize is not given with it.
   */
  private void isolatedBuild(VnetConfig vnet) {
    String aci = vnet.containerInstanceSubnetId();
    if (aci == null || aci.isEmpty()) {
      return;
    }
    String at = "/properties/vmProfile/vnetConfig/";
    String subnet = vnet.subnetId();
    if (subnet == null || subnet.isEmpty()) {
      report(
          RuleCode.ISOLATED_BUILD_WITHOUT_SUBNET,
          at + "containerInstanceSubnetId",
          "containerInstanceSubnetId is given without subnetId: the API takes it only together"
              + " with subnetId, the build VM's subnet, on the same virtual network. Add subnetId"
              + " or leave containerInstanceSubnetId out.");
    } else if (!ArmExpression.isExpression(aci) && !ArmExpression.isExpression(subnet)) {
      String aciNetwork = network(aci);
      String buildNetwork = network(subnet);
      if (aciNetwork != null
          && buildNetwork != null
          && !aciNetwork.equalsIgnoreCase(buildNetwork)) {
        report(
            RuleCode.ISOLATED_BUILD_WITHOUT_SUBNET,
            at + "containerInstanceSubnetId",
            "containerInstanceSubnetId is a subnet of "
                + aciNetwork
                + ", subnetId one of "
                + buildNetwork
                + ": the API takes the two only on the same virtual network.");
      }
    }
    String proxy = vnet.proxyVmSize();
    if (proxy != null && !proxy.isEmpty()) {
      report(
          RuleCode.PROXY_WITH_ISOLATED_BUILD,
          at + "proxyVmSize",
          "proxyVmSize is given with containerInstanceSubnetId, but a build with a container"
              + " instance subnet deploys no proxy VM, and the API takes proxyVmSize only without"
              + " containerInstanceSubnetId. Leave proxyVmSize out.");
    }
  }

  /** The virtual network id of a subnet id ({@code …/virtualNetworks/v}), or null. */
  private static String network(String subnetId) {
    String lower = subnetId.toLowerCase(Locale.ROOT);
    int at = lower.lastIndexOf("/subnets/");
    return at > 0 && lower.contains("/virtualnetworks/") ? subnetId.substring(0, at) : null;
  }

  private void buildTimeout(IntValue timeout) {
    if (timeout instanceof IntValue.Literal l && l.value() >= 1 && l.value() <= 5) {
      report(
          RuleCode.BUILD_TIMEOUT_TOO_SHORT,
          "/properties/buildTimeoutInMinutes",
          "buildTimeoutInMinutes is "
              + l.value()
              + ", but Image Builder accepts 0 (the default of 240 minutes) or 6 to 960. Use at"
              + " least 6; 60 or more is recommended for Windows images.");
    }
  }

  private void source(ImageSource source) {
    if (source instanceof ImageSource.PlatformImage pi) {
      List<String> missing = new ArrayList<>();
      if (pi.publisher() == null) {
        missing.add("publisher");
      }
      if (pi.offer() == null) {
        missing.add("offer");
      }
      if (pi.sku() == null) {
        missing.add("sku");
      }
      if (!missing.isEmpty()) {
        report(
            RuleCode.PLATFORM_IMAGE_INCOMPLETE,
            SOURCE,
            "A PlatformImage source names its Marketplace image by publisher, offer and sku (and"
                + " version, such as latest), but "
                + and(missing)
                + (missing.size() == 1 ? " is" : " are")
                + " missing, so Image Builder cannot find the image. Add "
                + (missing.size() == 1 ? "it" : "them")
                + " (az vm image list --publisher … --all lists them).");
      }
    } else if (source instanceof ImageSource.ManagedImage m) {
      resourceId(m.imageId(), SOURCE, -1, "/imageId", "a managed image");
    } else if (source instanceof ImageSource.SharedImageVersion s) {
      resourceId(s.imageVersionId(), SOURCE, -1, "/imageVersionId", "a gallery image version");
    } else if (source instanceof ImageSource.Iso iso) {
      checksum(iso.sha256Checksum(), SOURCE, -1);
    }
  }

  private void customizers(List<Customizer> steps) {
    Map<String, Integer> names = new HashMap<>();
    int firstLinux = -1;
    int firstWindows = -1;
    for (int i = 0; i < steps.size(); i++) {
      Customizer c = steps.get(i);
      String at = CUSTOMIZE; // with i: the step's pointer, built only for a report
      if (c.name() != null && !ArmExpression.isExpression(c.name())) {
        Integer first = names.putIfAbsent(c.name(), i);
        if (first != null) {
          duplicate(
              RuleCode.DUPLICATE_CUSTOMIZER_NAME,
              pointer(at, i, "/name"),
              "/properties/customize/" + first + "/name",
              "The customizer name \""
                  + c.name()
                  + "\" is already used by "
                  + item(CUSTOMIZE, first)
                  + ". Image Builder needs each step's name to be unique; rename one of them.");
        }
      }
      if (c instanceof Customizer.Shell s) {
        script(s.scriptUri(), s.inline(), s.sha256Checksum(), at, i, "Shell customizer");
        firstLinux = firstLinux < 0 ? i : firstLinux;
      } else if (c instanceof Customizer.PowerShell ps) {
        script(ps.scriptUri(), ps.inline(), ps.sha256Checksum(), at, i, "PowerShell customizer");
        elevation(ps.runElevated(), ps.runAsSystem(), at, i);
        firstWindows = firstWindows < 0 ? i : firstWindows;
      } else if (c instanceof Customizer.WindowsRestart r) {
        if (r.restartTimeout() != null
            && !ArmExpression.isExpression(r.restartTimeout())
            && !isDuration(r.restartTimeout())) {
          report(
              RuleCode.BAD_RESTART_TIMEOUT,
              pointer(at, i, "/restartTimeout"),
              "restartTimeout \""
                  + r.restartTimeout()
                  + "\" is not a duration such as 5m, 90s or 1h30m; Image Builder may reject it.");
        }
        firstWindows = firstWindows < 0 ? i : firstWindows;
      } else if (c instanceof Customizer.WindowsUpdate) {
        firstWindows = firstWindows < 0 ? i : firstWindows;
      } else if (c instanceof Customizer.File f) {
        file(f.sourceUri(), f.destination(), f.sha256Checksum(), at, i);
      }
    }
    if (firstLinux >= 0 && firstWindows >= 0) {
      int later = Math.max(firstLinux, firstWindows);
      int earlier = Math.min(firstLinux, firstWindows);
      duplicate(
          RuleCode.MIXED_OS_CUSTOMIZERS,
          "/properties/customize/" + later + "/type",
          "/properties/customize/" + earlier + "/type",
          "Shell steps run only on Linux and PowerShell, WindowsRestart and WindowsUpdate steps"
              + " only on Windows, but this template has both ("
              + item(CUSTOMIZE, firstLinux)
              + " and "
              + item(CUSTOMIZE, firstWindows)
              + "). Split it into one template per operating system.");
    }
    // Linux when Linux steps say so, or when a File step's own destination is a POSIX path (a
    // template of File steps alone); never with Windows steps (RULE-E308), where a Windows path
    // was told it must lie below /tmp.
    if (firstWindows < 0) {
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i) instanceof Customizer.File f
            && f.destination() != null
            && (firstLinux >= 0 || f.destination().startsWith("/"))
            && !ArmExpression.isExpression(f.destination())
            && !f.destination().startsWith("/tmp/")) {
          report(
              RuleCode.FILE_DESTINATION_OUTSIDE_TMP,
              "/properties/customize/" + i + "/destination",
              "On Linux the File customizer can only write below /tmp, but the destination is \""
                  + f.destination()
                  + "\". Download to /tmp/… and move the file into place with a Shell step"
                  + " (sudo mv).");
        }
      }
    }
  }

  private void validators(ImageTemplateProperties p) {
    if (p.validate() == null || p.validate().inVMValidations() == null) {
      return;
    }
    List<InVmValidator> list = p.validate().inVMValidations();
    for (int i = 0; i < list.size(); i++) {
      String at = VALIDATIONS;
      InVmValidator v = list.get(i);
      if (v instanceof InVmValidator.Shell s) {
        script(s.scriptUri(), s.inline(), s.sha256Checksum(), at, i, "Shell validator");
      } else if (v instanceof InVmValidator.PowerShell ps) {
        script(ps.scriptUri(), ps.inline(), ps.sha256Checksum(), at, i, "PowerShell validator");
        elevation(ps.runElevated(), ps.runAsSystem(), at, i);
      } else if (v instanceof InVmValidator.File f) {
        file(f.sourceUri(), f.destination(), f.sha256Checksum(), at, i);
      }
    }
  }

  private void distributors(
      List<Distributor> targets, Map<String, String> templateTags, ApiVersion version) {
    if (targets.isEmpty()) {
      report(
          RuleCode.NO_DISTRIBUTION_TARGET,
          "/properties/distribute",
          "distribute is empty, so the build would make an image and put it nowhere. Add a"
              + " target: a ManagedImage, a SharedImage (a gallery image definition) or a VHD.");
    }
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      Distributor d = targets.get(i);
      String at = DISTRIBUTE;
      String name = d.runOutputName();
      if (name != null && !ArmExpression.isExpression(name)) {
        Integer first = names.putIfAbsent(name, i);
        if (first != null) {
          duplicate(
              RuleCode.DUPLICATE_RUN_OUTPUT_NAME,
              pointer(at, i, "/runOutputName"),
              "/properties/distribute/" + first + "/runOutputName",
              "The runOutputName \""
                  + name
                  + "\" is already used by "
                  + item(DISTRIBUTE, first)
                  + ". Each target needs its own runOutputName; rename one of them.");
        }
      }
      if (d.artifactTags() != null && !d.artifactTags().equals(templateTags)) {
        // The same tags as the template's (as a converted Packer template has): told there once.
        tags(d.artifactTags(), pointer(at, i, "/artifactTags"), item(DISTRIBUTE, i));
      }
      if (d instanceof Distributor.Vhd v
          && v.uri() != null
          && !ArmExpression.isExpression(v.uri())
          && SecretScrubber.hasSasSignature(v.uri())) {
        report(
            RuleCode.SIGNED_URL,
            pointer(at, i, "/uri"),
            "This URL carries a shared access signature (its sig= parameter), a credential that"
                + " the image template keeps in plain text for anyone who can read the template."
                + " Image Builder writes the VHD with the template's identity: give it write"
                + " access to the container (Storage Blob Data Contributor) and write the URL"
                + " without its query.");
      }
      if (d instanceof Distributor.ManagedImage m) {
        resourceId(m.imageId(), at, i, "/imageId", "a managed image");
      } else if (d instanceof Distributor.SharedImage s) {
        resourceId(s.galleryImageId(), at, i, "/galleryImageId", "a gallery image definition");
        if (s.replicationRegions() != null && s.targetRegions() != null) {
          report(
              RuleCode.REPLICATION_AND_TARGET_REGIONS,
              pointer(at, i, "/targetRegions"),
              "A SharedImage target takes either replicationRegions or targetRegions, not both."
                  + (version.atLeast(ApiVersion.V2022_07_01)
                      ? " Keep targetRegions: replicationRegions is deprecated from API 2022-07-01."
                      : " Keep replicationRegions: this API version has no targetRegions."));
        }
        // The spec's description from 2022-07-01 (with targetRegions, whose entries carry their
        // own storage type): the deprecated storageAccountType goes only with replicationRegions.
        if (s.storageAccountType() != null
            && s.replicationRegions() == null
            && version.atLeast(ApiVersion.V2022_07_01)) {
          report(
              RuleCode.STORAGE_TYPE_WITHOUT_REPLICATION_REGIONS,
              pointer(at, i, "/storageAccountType"),
              "A SharedImage target's storageAccountType is taken only together with"
                  + " replicationRegions (from API 2022-07-01 it is deprecated). "
                  + (s.targetRegions() != null
                      ? "With targetRegions, give each region its storageAccountType instead."
                      : "Give the regions in targetRegions, each with its storageAccountType."));
        }
      }
    }
  }

  /**
   * Azure Resource Manager's limits on the tags of a resource ({@link TagLimits}; the template's
   * own, and the artifactTags each distribute target puts on the image it makes). Names are
   * compared ignoring case there, so two that differ only in case are one tag. Values are never
   * quoted: tags are plain text that a template may fill from a variable.
   */
  private void tags(Map<String, String> tags, String at, String whose) {
    if (tags == null) {
      return;
    }
    if (tags.size() > TagLimits.MAX_TAGS) {
      report(
          RuleCode.TOO_MANY_TAGS,
          at,
          whose
              + " has "
              + tags.size()
              + " tags, but Azure allows at most "
              + TagLimits.MAX_TAGS
              + " on a resource. Remove some, or gather several values into one tag as a JSON"
              + " string.");
    }
    Map<String, String> byLowerCase = new HashMap<>();
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      String name = tag.getKey();
      String where = JsonPointer.append(at, name);
      if (ArmExpression.isExpression(name)) {
        continue;
      }
      String shown = "\"" + ControlCharacters.escape(Excerpts.cut(name, 40)) + "\"";
      String forbidden = TagLimits.forbiddenIn(name);
      if (name.isEmpty()) {
        reportAtKey(
            RuleCode.INVALID_TAG,
            where,
            "A tag name must not be empty. Give the tag a name, or remove it.");
      } else if (TagLimits.nameTooLong(name)) {
        reportAtKey(
            RuleCode.INVALID_TAG,
            where,
            "The tag name "
                + shown
                + " is longer than the "
                + TagLimits.MAX_NAME
                + " characters Azure allows. Shorten it.");
      } else if (!forbidden.isEmpty()) {
        reportAtKey(
            RuleCode.INVALID_TAG,
            where,
            "The tag name "
                + shown
                + " contains "
                + forbidden
                + ", which Azure does not allow in tag names (none of < > % & \\ ? /). Rename the"
                + " tag.");
      }
      String value = tag.getValue();
      if (value != null
          && !ArmExpression.isExpression(value)
          && SecretScrubber.hasSasSignature(value)) {
        report(
            RuleCode.SIGNED_URL,
            where,
            "The value of the tag "
                + shown
                + " holds a URL with a shared access signature (its sig= parameter), a credential"
                + " that anyone who can read the resource's tags can use until it expires. Write"
                + " the URL without its query.");
      }
      if (!ArmExpression.isExpression(value) && TagLimits.valueTooLong(value)) {
        report(
            RuleCode.INVALID_TAG,
            where,
            "The value of the tag "
                + shown
                + " is longer than the "
                + TagLimits.MAX_VALUE
                + " characters Azure allows. Shorten it, or split it into several tags.");
      }
      String first = byLowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      if (first != null) {
        // Not duplicate(): two keys are never one YAML node, whatever ranges they locate to.
        withFirstUse(
            RuleCode.TAG_NAMES_DIFFER_IN_CASE,
            where,
            locateKey.apply(where),
            locateKey.apply(JsonPointer.append(at, first)),
            "The tag names "
                + shown
                + " and \""
                + ControlCharacters.escape(Excerpts.cut(first, 40))
                + "\" differ only in case, and Azure compares tag names ignoring case: the"
                + " resource gets only one of them. Keep one name.");
      }
    }
  }

  private void script(
      String scriptUri, List<String> inline, String checksum, String at, int i, String what) {
    if (scriptUri != null && inline != null) {
      report(
          RuleCode.SCRIPT_URI_AND_INLINE,
          pointer(at, i, "/inline"),
          "A "
              + what
              + " runs either the script at scriptUri or the inline commands, not both. Remove one"
              + " of them, or split the step in two.");
    } else if (scriptUri == null && inline == null) {
      report(
          RuleCode.NO_SCRIPT,
          pointer(at, i, ""),
          "This " + what + " has neither scriptUri nor inline, so it would run nothing. Add one.");
    }
    if (scriptUri != null) {
      checksum(checksum, at, i);
      signedUrl(scriptUri, pointer(at, i, "/scriptUri"));
    }
    if (inline != null) {
      for (int k = 0; k < inline.size(); k++) {
        String command = inline.get(k);
        hiddenCharacter(command, at, i, k);
        if (command != null
            && !ArmExpression.isExpression(command)
            && SecretScrubber.hasSasSignature(command)) {
          report(
              RuleCode.SIGNED_URL,
              pointer(at, i, "/inline/" + k),
              thisCommand(pointer(at, i, "/inline/" + k))
                  + " holds a URL with a shared access signature (its sig= parameter), a"
                  + " credential that the image template keeps in plain text for anyone who can"
                  + " read the template, and that stops working when it expires. Give the"
                  + " template's identity read access to the storage account (Storage Blob Data"
                  + " Reader) and download with it (a File step, or the scriptUri of a step),"
                  + " without the query.");
        }
        if (command != null && !ArmExpression.isExpression(command)) {
          Optional<String> credential = SecretScrubber.literalCredential(command);
          if (credential.isPresent()) {
            report(
                RuleCode.CREDENTIAL_AS_TEXT,
                pointer(at, i, "/inline/" + k),
                thisCommand(pointer(at, i, "/inline/" + k))
                    + " holds a credential written as text ("
                    + credential.get()
                    + "), which will be stored in the image template in Azure, in plain text for"
                    + " anyone who can read the template (and in every copy of the converted"
                    + " file). "
                    + (credential.get().equals(SecretScrubber.SUDO_PASSWORD)
                        // The commonest password of Packer templates needs no replacement.
                        ? "Image Builder's build user runs sudo without a password, so remove"
                            + " the password and sudo's -S (or --stdin) and run the command with"
                            + " sudo alone."
                        : "Keep the secret in Key Vault and have the step fetch it on the"
                            + " build VM with the VM's managed identity (az keyvault secret show,"
                            + " or Get-AzKeyVaultSecret), or let the tool sign in with a managed"
                            + " identity instead of a password."));
          }
        }
      }
    }
  }

  /**
   * "This command" to start a message about the command at {@code pointer}, naming where it came
   * from when its range cannot say it: "This command, from setup.sh:3," (a line of a script that
   * the step writes, located at the template's {@code script = "setup.sh"}).
   */
  private String thisCommand(String pointer) {
    Optional<String> from = label.apply(pointer);
    return from.isPresent() ? "This command, from " + from.get() + "," : "This command";
  }

  /**
   * A command holding a character that changes how it reads without being seen: a bidirectional
   * control (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) reorders what an editor or a
   * review shows ("Trojan Source"), and a zero-width one (U+200B-U+200D, U+2060, U+FEFF) hides in a
   * word. The shell runs the text as it is, not as it looks.
   */
  private void hiddenCharacter(String command, String at, int i, int k) {
    if (command == null) {
      return;
    }
    int first = ControlCharacters.firstHidden(command);
    if (first < 0) {
      return;
    }
    char c = command.charAt(first);
    report(
        RuleCode.HIDDEN_CHARACTER,
        // Built here, not by the caller: every command of every step is asked.
        pointer(at, i, "/inline/" + k),
        String.format(
                Locale.ROOT,
                "This command holds the invisible character U+%04X (character %d of the"
                    + " command), which ",
                (int) c,
                command.codePointCount(0, first) + 1)
            + (ControlCharacters.isBidirectional(c)
                ? "changes the order in which editors and reviews show the text around it, so"
                    + " what runs is not what one reads."
                : "joins or splits words unseen, so what runs is not what one reads.")
            + " Remove it, or write it as an escape the shell understands if it is meant.");
  }

  /**
   * A URL with a shared access signature ({@code ?…&sig=…}): the template keeps that credential in
   * plain text for everyone who can read it, and the build fails once it expires. Only the
   * parameter's name is quoted, never the URL.
   */
  private void signedUrl(String url, String at) {
    if (url != null && !ArmExpression.isExpression(url)) {
      Optional<String> credential = SecretScrubber.literalCredential(url);
      if (credential.isPresent()) {
        report(
            RuleCode.CREDENTIAL_AS_TEXT,
            at,
            "This URL holds a credential written as text ("
                + credential.get()
                + "), which will be stored in the image template in Azure, in plain text for"
                + " anyone who can read the template. Give the template's identity (a managed"
                + " identity) access to the source and write the URL without the credential, or"
                + " keep the secret in Key Vault and fetch the file in a step on the build VM.");
      }
    }
    if (url != null && !ArmExpression.isExpression(url) && SecretScrubber.hasSasSignature(url)) {
      report(
          RuleCode.SIGNED_URL,
          at,
          "This URL carries a shared access signature (its sig= parameter), a credential that the"
              + " image template keeps in plain text for anyone who can read the template, and"
              + " that stops working when it expires. Give the template's identity read access to"
              + " the storage account (Storage Blob Data Reader) and write the URL without its"
              + " query.");
    }
  }

  private void elevation(BoolValue runElevated, BoolValue runAsSystem, String at, int i) {
    boolean system = runAsSystem != null && runAsSystem.isTrue();
    boolean elevated =
        runElevated != null
            && (runElevated.isTrue() || runElevated instanceof BoolValue.Expression);
    if (system && !elevated) {
      report(
          RuleCode.RUN_AS_SYSTEM_WITHOUT_ELEVATION,
          pointer(at, i, "/runAsSystem"),
          "runAsSystem takes effect only together with runElevated. Set \"runElevated\": true, or"
              + " remove runAsSystem.");
    }
  }

  private void file(String sourceUri, String destination, String checksum, String at, int i) {
    if (sourceUri == null || destination == null) {
      report(
          RuleCode.FILE_WITHOUT_SOURCE,
          pointer(at, i, ""),
          "A File step needs both sourceUri (where to download from) and destination (the path on"
              + " the build VM); this one lacks "
              + (sourceUri == null && destination == null
                  ? "both"
                  : sourceUri == null ? "sourceUri" : "destination")
              + ".");
    }
    checksum(checksum, at, i);
    signedUrl(sourceUri, pointer(at, i, "/sourceUri"));
  }

  private void checksum(String checksum, String at, int i) {
    if (checksum != null
        && !checksum.isEmpty()
        && !ArmExpression.isExpression(checksum)
        && !isSha256(checksum)) {
      report(
          RuleCode.BAD_CHECKSUM,
          pointer(at, i, "/sha256Checksum"),
          "sha256Checksum must be 64 hexadecimal characters (the SHA-256 of the file), such as the"
              + " output of `sha256sum`; \""
              + checksum
              + "\" is not.");
    }
  }

  /**
   * Whether the text matches {@code (\d+(\.\d+)?(ms|s|m|h))+} as a whole, without a regex (every
   * Windows restart step has a timeout): numbers, each with an optional fraction and a unit. The
   * reading is the pattern's: after "m" an "s" can only be the unit "ms" (a number must follow a
   * bare "m"), and a "." must be followed by digits.
   */
  static boolean isDuration(String t) {
    int n = t.length();
    int i = 0;
    if (n == 0) {
      return false;
    }
    while (i < n) {
      int digits = i;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
      }
      if (i == digits) {
        return false;
      }
      if (i < n && t.charAt(i) == '.') {
        int fraction = ++i;
        while (i < n && isDigit(t.charAt(i))) {
          i++;
        }
        if (i == fraction) {
          return false;
        }
      }
      if (i == n) {
        return false; // a number without its unit
      }
      char unit = t.charAt(i++);
      if (unit == 'm') {
        if (i < n && t.charAt(i) == 's') {
          i++;
        }
      } else if (unit != 's' && unit != 'h') {
        return false;
      }
    }
    return true;
  }

  /** The pattern's {@code \d}: ASCII digits only. */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code [0-9a-fA-F]{64}}, without a regular expression (every step with a file has one). */
  private static boolean isSha256(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  private void resourceId(String id, String at, int i, String suffix, String what) {
    if (id != null && !ArmExpression.isExpression(id) && !isResourceId(id)) {
      report(
          RuleCode.NOT_A_RESOURCE_ID,
          pointer(at, i, suffix),
          "This must be the full resource id of "
              + what
              + " (/subscriptions/<id>/resourceGroups/<group>/providers/…), not \""
              + id
              + "\"."
              + Placeholders.hint(id));
    }
  }

  /**
   * What {@code (?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/[^/]+/.+} matches, without
   * a regex: every source and target of every template has an id, and the case-insensitive pattern
   * was a visible part of the check in bulk runs. Each {@code [^/]+} is one whole path segment, so
   * the id is read segment by segment: the three fixed words in ASCII case only (as the pattern
   * without UNICODE_CASE matches them), and a last part without line terminators ({@code .}).
   */
  static boolean isResourceId(String id) {
    int at = fixed(id, 0, "/subscriptions/");
    at = at < 0 ? -1 : fixed(id, segmentEnd(id, at), "/resourcegroups/");
    at = at < 0 ? -1 : fixed(id, segmentEnd(id, at), "/providers/");
    at = at < 0 ? -1 : segmentEnd(id, at);
    if (at < 0 || at >= id.length() || id.charAt(at) != '/' || at + 1 >= id.length()) {
      return false;
    }
    for (int i = at + 1; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the text after {@code word} (small letters and {@code /}) begins, when it stands at
   * {@code from} in any ASCII case; else -1 (also for {@code from} -1).
   */
  private static int fixed(String s, int from, String word) {
    if (from < 0 || s.length() - from < word.length()) {
      return -1;
    }
    for (int k = 0; k < word.length(); k++) {
      char w = word.charAt(k);
      char c = s.charAt(from + k);
      if (c != w && (w == '/' || (c | 0x20) != w)) {
        return -1;
      }
    }
    return from + word.length();
  }

  /** Where the non-empty segment at {@code from} ends (at a {@code /} or the end); else -1. */
  private static int segmentEnd(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) != '/') {
      i++;
    }
    return i > from ? i : -1;
  }

  /**
   * Item {@code i} of the list at {@code list} as a message names it, by its index in the document
   * ({@code customize[3]}), which is not the model's after an item the binder left out.
   */
  private String item(String list, int i) {
    String at = absolute.apply(list + i);
    String name = list.substring(list.lastIndexOf('/', list.length() - 2) + 1, list.length() - 1);
    return name + "[" + at.substring(at.lastIndexOf('/') + 1) + "]";
  }

  /** The pointer of the member {@code suffix} of item {@code i} of a list ({@code i} < 0: none). */
  private static String pointer(String list, int i, String suffix) {
    return i < 0 ? list + suffix : list + i + suffix;
  }

  private static final String SOURCE = "/properties/source";
  private static final String CUSTOMIZE = "/properties/customize/";
  private static final String VALIDATIONS = "/properties/validate/inVMValidations/";
  private static final String DISTRIBUTE = "/properties/distribute/";

  /** A finding about a member's name: at its key where the document says where that is. */
  private void reportAtKey(DiagnosticCode code, String pointer, String detail) {
    out.add(
        Diagnostic.of(code, locateKey.apply(pointer).orElse(null), detail)
            .withPath(absolute.apply(pointer)));
  }

  private void report(DiagnosticCode code, String pointer, String detail) {
    out.add(
        Diagnostic.of(code, locate.apply(pointer).orElse(null), detail)
            .withPath(absolute.apply(pointer)));
  }

  private void duplicate(DiagnosticCode code, String pointer, String firstPointer, String detail) {
    Optional<Range> at = locate.apply(pointer);
    Optional<Range> first = locate.apply(firstPointer);
    if (at.isPresent() && at.equals(first)) {
      // One YAML node in two places (- *step repeats an anchored step): the value stands where
      // it was written, so point at the item that repeats it, and say how to reuse it instead.
      at = locate.apply(pointer.substring(0, pointer.lastIndexOf('/')));
      detail +=
          " The second is a YAML alias of the first; to reuse the first with changes, merge it"
              + " instead (<<: *anchor) and give the copy a value of its own.";
    }
    withFirstUse(code, pointer, at, first, detail);
  }

  /** A finding at {@code at} that names where the clashing item was {@code first} used. */
  private void withFirstUse(
      DiagnosticCode code,
      String pointer,
      Optional<Range> at,
      Optional<Range> first,
      String detail) {
    Diagnostic d = Diagnostic.of(code, at.orElse(null), detail).withPath(absolute.apply(pointer));
    out.add(first.isPresent() ? d.withRelated(new Related(first.get(), "first used")) : d);
  }
}
