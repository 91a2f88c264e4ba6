package io.github.packer2aib.core.mapping.retarget;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.aib.Capabilities;
import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.aib.Distributor;
import io.github.packer2aib.core.aib.ImageSource;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.aib.ImageTemplateProperties;
import io.github.packer2aib.core.aib.InVmValidator;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.aib.Optimize;
import io.github.packer2aib.core.aib.TargetRegion;
import io.github.packer2aib.core.aib.Validate;
import io.github.packer2aib.core.aib.VmProfile;
import io.github.packer2aib.core.aib.VnetConfig;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.DiagnosticCode;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Moves an image template to another API version: sets {@code apiVersion} and removes everything
 * the target version lacks ({@link Capabilities}), each removal a diagnostic naming the field, its
 * pointer and the versions that have it. Where the target can say the same thing another way, the
 * field is rewritten instead, with a note: {@code targetRegions} → {@code replicationRegions}
 * before 2022-07-01, and {@code vnetConfig}'s {@code subnetId} ↔ the 2019-05-01-preview name form.
 *
 * <p>Retargeting a template that is valid for its own version to that version changes nothing.
 * Whether to retarget at all (for instance when {@code apiVersion} is an ARM expression) is the
 * caller's decision.
 */
public final class ApiVersionRetargeter {

  /** The retargeted template and what was dropped or rewritten, in template order. */
  public record Result(ImageTemplate template, List<Diagnostic> diagnostics) {
    public Result {
      Objects.requireNonNull(template, "template");
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private static final Pattern SUBNET_ID =
      Pattern.compile(
          "^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Network/"
              + "virtualNetworks/([^/]+)/subnets/([^/]+)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LATEST_VERSION =
      Pattern.compile("/versions/latest$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SUBSCRIPTION =
      Pattern.compile("^/subscriptions/([^/]+)(/|$)", Pattern.CASE_INSENSITIVE);

  /**
   * Retargets a template.
   *
   * @param locate gives the source range of a pointer into the template ({@code
   *     /properties/vmProfile/osDiskSizeGB}), for the diagnostics' subjects
   */
  public Result retarget(
      ImageTemplate t, ApiVersion target, Function<String, Optional<Range>> locate) {
    return retarget(t, target, locate, "");
  }

  /**
   * Retargets a template that lies at {@code base} in its file ({@code /resources/0} in an ARM
   * deployment template). The diagnostics' paths stay relative to the template, as {@code locate}
   * takes them (the caller prefixes them); the pointers their details name are the file's, so that
   * a detail names the place the {@code at} line shows.
   */
  public Result retarget(
      ImageTemplate t, ApiVersion target, Function<String, Optional<Range>> locate, String base) {
    Objects.requireNonNull(t, "t");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(base, "base");
    Run run = new Run(target, locate == null ? p -> Optional.empty() : locate, t, base);
    ImageTemplateProperties props = run.properties(t.properties());
    return new Result(t.withApiVersion(target.id()).withProperties(props), run.out);
  }

  private static final class Run {
    final ApiVersion target;
    final Function<String, Optional<Range>> locate;
    final ImageTemplate template;

    /** Where the template lies in its file: what a pointer in a detail starts with. */
    final String base;

    final List<Diagnostic> out = new ArrayList<>();

    Run(
        ApiVersion target,
        Function<String, Optional<Range>> locate,
        ImageTemplate template,
        String base) {
      this.target = target;
      this.locate = locate;
      this.template = template;
      this.base = base;
    }

    /** A pointer into the template as a detail names it: the file's pointer. */
    String shown(String pointer) {
      return base + pointer;
    }

    boolean has(String feature) {
      return Capabilities.supports(feature, target);
    }

    /** Whether the target has an enum value; values without an entry exist in every version. */
    boolean hasValue(String property, String value) {
      return Capabilities.feature(property + "=" + value).map(f -> f.supports(target)).orElse(true);
    }

    /** The value when the target has the feature; else null, with a warning. */
    <T> T keep(String feature, String pointer, T value) {
      if (value == null || has(feature)) {
        return value;
      }
      int eq = feature.lastIndexOf('=');
      String what =
          eq < 0
              ? quote(lastToken(pointer))
              : "The value "
                  + quote(feature.substring(eq + 1))
                  + " of "
                  + quote(lastToken(pointer));
      report(
          RetargetCode.FIELD_DROPPED,
          pointer,
          what
              + " at "
              + shown(pointer)
              + " exists "
              + Capabilities.describeAvailabilityInApiVersions(feature)
              + ", so it was dropped for API version "
              + target.id()
              + "."
              + hint(feature)
              + " Target an API version that has it to keep it.");
      return null;
    }

    ImageTemplateProperties properties(ImageTemplateProperties p) {
      String base = "/properties";
      ImageTemplateProperties.Builder b = p.toBuilder();
      b.customize(customizers(p.customize()));
      b.errorHandling(keep("properties.errorHandling", base + "/errorHandling", p.errorHandling()));
      b.distribute(distributors(p.distribute()));
      b.optimize(optimize(p.optimize()));
      b.source(source(p.source()));
      b.stagingResourceGroup(
          keep(
              "properties.stagingResourceGroup",
              base + "/stagingResourceGroup",
              p.stagingResourceGroup()));
      b.validate(validate(p.validate()));
      b.vmProfile(vmProfile(p.vmProfile()));
      b.autoRun(keep("properties.autoRun", base + "/autoRun", p.autoRun()));
      b.managedResourceTags(
          keep(
              "properties.managedResourceTags",
              base + "/managedResourceTags",
              p.managedResourceTags()));
      b.additionalDataDisks(
          keep(
              "properties.additionalDataDisks",
              base + "/additionalDataDisks",
              p.additionalDataDisks()));
      return b.build();
    }

    // ---- customizers and validators ----

    List<Customizer> customizers(List<Customizer> list) {
      if (list == null) {
        return null;
      }
      List<Customizer> kept = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Customizer c = list.get(i);
        String pointer = "/properties/customize/" + i;
        String feature = "properties.customize[" + c.type() + "]";
        if (!has(feature)) {
          itemDropped(feature, pointer, "The " + c.type() + " customizer");
          continue;
        }
        if (c instanceof Customizer.PowerShell ps && ps.runAsSystem() != null) {
          c =
              new Customizer.PowerShell(
                  ps.name(),
                  ps.scriptUri(),
                  ps.sha256Checksum(),
                  ps.inline(),
                  ps.runElevated(),
                  keep(feature + ".runAsSystem", pointer + "/runAsSystem", ps.runAsSystem()),
                  ps.validExitCodes());
        }
        kept.add(c);
      }
      return kept.isEmpty() && !list.isEmpty() ? null : kept;
    }

    Validate validate(Validate v) {
      if (keep("properties.validate", "/properties/validate", v) == null) {
        return null;
      }
      if (v.inVMValidations() == null) {
        return v;
      }
      List<InVmValidator> kept = new ArrayList<>();
      for (int i = 0; i < v.inVMValidations().size(); i++) {
        InVmValidator iv = v.inVMValidations().get(i);
        String feature = "properties.validate.inVMValidations[" + iv.type() + "]";
        if (has(feature)) {
          kept.add(iv);
        } else {
          itemDropped(
              feature,
              "/properties/validate/inVMValidations/" + i,
              "The " + iv.type() + " validator");
        }
      }
      return new Validate(v.continueDistributeOnFailure(), v.sourceValidationOnly(), kept);
    }

    void itemDropped(String feature, String pointer, String what) {
      report(
          RetargetCode.ITEM_DROPPED,
          pointer,
          what
              + " at "
              + shown(pointer)
              + " exists "
              + Capabilities.describeAvailabilityInApiVersions(feature)
              + ", so it was dropped for API version "
              + target.id()
              + " and the build will not run it."
              + hint(feature)
              + " Target an API version that has it to keep it.");
    }

    // ---- source ----

    ImageSource source(ImageSource s) {
      if (s == null) {
        return null;
      }
      String feature = "properties.source[" + s.type() + "]";
      if (!has(feature)) {
        report(
            RetargetCode.SOURCE_DROPPED,
            "/properties/source",
            "The "
                + s.type()
                + " source at "
                + shown("/properties/source")
                + " exists "
                + Capabilities.describeAvailabilityInApiVersions(feature)
                + ", so API version "
                + target.id()
                + " cannot express it; it was dropped and the template has no source."
                + hint(feature));
        return null;
      }
      if (s instanceof ImageSource.SharedImageVersion siv) {
        latestVersion(siv.imageVersionId());
      }
      if (s instanceof ImageSource.PlatformImage pi && pi.planInfo() != null) {
        return new ImageSource.PlatformImage(
            pi.publisher(),
            pi.offer(),
            pi.sku(),
            pi.version(),
            keep(feature + ".planInfo", "/properties/source/planInfo", pi.planInfo()));
      }
      return s;
    }

    /**
     * Image Builder documents the version name "latest" in imageVersionId from 2022-07-01 (the
     * mapper's PKRMAP-W119 says the same of a Packer source). Moving a template below that makes
     * the version uncertain, so a warning says so; a template already written for such a version is
     * the author's choice and is left alone.
     */
    void latestVersion(String imageVersionId) {
      if (imageVersionId == null
          || !LATEST_VERSION.matcher(imageVersionId).find()
          || has("properties.source[SharedImageVersion].exactVersion")
          || ApiVersion.parseIgnoringCase(template.apiVersion())
              .filter(v -> v == target)
              .isPresent()) {
        return;
      }
      report(
          RetargetCode.LATEST_UNDOCUMENTED,
          "/properties/source/imageVersionId",
          "The source image version at "
              + shown("/properties/source/imageVersionId")
              + " is \"latest\", which"
              + " Image Builder documents from API version 2022-07-01; whether "
              + target.id()
              + " accepts it is not documented. Name an explicit version (/versions/<version>), or"
              + " target API version 2022-07-01 or later.");
    }

    // ---- optimize ----

    Optimize optimize(Optimize o) {
      if (keep("properties.optimize", "/properties/optimize", o) == null) {
        return null;
      }
      Optimize.VmBoot vmBoot =
          keep("properties.optimize.vmBoot", "/properties/optimize/vmBoot", o.vmBoot());
      Optimize.Workload workload =
          keep("properties.optimize.workload", "/properties/optimize/workload", o.workload());
      boolean emptied =
          vmBoot == null && workload == null && (o.vmBoot() != null || o.workload() != null);
      return emptied ? null : new Optimize(vmBoot, workload);
    }

    // ---- build VM ----

    VmProfile vmProfile(VmProfile vm) {
      if (vm == null) {
        return null;
      }
      String base = "/properties/vmProfile";
      return new VmProfile(
          vm.vmSize(),
          keep("properties.vmProfile.osDiskSizeGB", base + "/osDiskSizeGB", vm.osDiskSizeGB()),
          vnet(vm.vnetConfig()),
          keep(
              "properties.vmProfile.userAssignedIdentities",
              base + "/userAssignedIdentities",
              vm.userAssignedIdentities()));
    }

    VnetConfig vnet(VnetConfig v) {
      String pointer = "/properties/vmProfile/vnetConfig";
      String feature = "properties.vmProfile.vnetConfig";
      if (keep(feature, pointer, v) == null) {
        return null;
      }
      String subnetId = v.subnetId();
      String name = v.name();
      String subnetName = v.subnetName();
      String group = v.resourceGroupName();
      boolean nameForm = name != null || subnetName != null || group != null;
      if (subnetId != null && !has(feature + ".subnetId")) {
        Matcher m = SUBNET_ID.matcher(subnetId);
        Optional<SubnetResourceId> expression =
            m.matches() ? Optional.empty() : SubnetResourceId.parse(subnetId);
        if (!nameForm && expression.isPresent()) {
          // The form the other direction writes for a name form with expressions: its parts.
          name = expression.get().vnet();
          subnetName = expression.get().subnet();
          group = expression.get().group();
          nameForm = true;
          report(
              RetargetCode.REWRITTEN,
              pointer + "/subnetId",
              rewrittenAsNameForm(target, feature, shown(pointer), name, subnetName, group)
                  + ", the arguments of its resourceId(), which names no subscription either:"
                  + " ARM resolved it, and the service looks for the name form's network, in the"
                  + " subscription the template is deployed to.");
        } else if (nameForm || !m.matches()) {
          keep(feature + ".subnetId", pointer + "/subnetId", subnetId);
        } else {
          name = m.group(3);
          subnetName = m.group(4);
          group = m.group(2);
          nameForm = true;
          String rewritten =
              rewrittenAsNameForm(target, feature, shown(pointer), name, subnetName, group)
                  + ". That form names no subscription: the service looks for the virtual network"
                  + " in the subscription the template is deployed to";
          // The template's subscription is not written anywhere; its other resource ids are the
          // evidence (as for the other direction, RETARGET-W012).
          Set<String> others = subscriptions();
          boolean elsewhere =
              !others.isEmpty()
                  && others.stream().noneMatch(sub -> sub.equalsIgnoreCase(m.group(1)));
          if (elsewhere) {
            report(
                RetargetCode.SUBSCRIPTION_LOST,
                pointer + "/subnetId",
                rewritten
                    + ", but the subnet id names subscription "
                    + quote(m.group(1))
                    + " and the template's other resource ids name "
                    + String.join(", ", others.stream().map(ApiVersionRetargeter::quote).toList())
                    + ": deployed there, the build would look for virtual network "
                    + quote(name)
                    + " in the wrong subscription. Deploy the template to subscription "
                    + quote(m.group(1))
                    + ", or target API version 2020-02-14 or later, which take subnetId.");
          } else {
            report(
                RetargetCode.REWRITTEN,
                pointer + "/subnetId",
                rewritten + ", which must be " + quote(m.group(1)) + ", the one the id names.");
          }
        }
        subnetId = null;
      }
      if (nameForm && !has(feature + ".subnetName")) {
        String built = subnetIdFrom(pointer, name, subnetName, group, subnetId != null);
        if (built != null) {
          subnetId = built;
        }
        name = null;
        subnetName = null;
        group = null;
      }
      String proxy = keep(feature + ".proxyVmSize", pointer + "/proxyVmSize", v.proxyVmSize());
      String aci =
          keep(
              feature + ".containerInstanceSubnetId",
              pointer + "/containerInstanceSubnetId",
              v.containerInstanceSubnetId());
      if (subnetId == null && name == null && subnetName == null && group == null) {
        return aci == null && proxy == null
            ? null
            : new VnetConfig(null, aci, proxy, null, null, null);
      }
      return new VnetConfig(subnetId, aci, proxy, name, subnetName, group);
    }

    /**
     * The subnet id for the 2019 name form, or null (with a warning) when a part is unknown. The
     * name form has no subscription; it is taken from the template's other resource ids when they
     * all name the same one.
     */
    String subnetIdFrom(
        String pointer, String vnet, String subnet, String group, boolean alsoHasSubnetId) {
      String form =
          "name "
              + quoteOrMissing(vnet)
              + ", subnetName "
              + quoteOrMissing(subnet)
              + " and resourceGroupName "
              + quoteOrMissing(group);
      String lead =
          "vnetConfig at "
              + shown(pointer)
              + " names its subnet by "
              + form
              + ", a form that exists "
              + Capabilities.describeAvailabilityInApiVersions(
                  "properties.vmProfile.vnetConfig.subnetName")
              + "; API version "
              + target.id()
              + " needs subnetId, the subnet's resource id";
      if (alsoHasSubnetId) {
        report(
            RetargetCode.FIELD_DROPPED,
            pointer,
            lead + ". The template also sets subnetId, which was kept; the name form was dropped.");
        return null;
      }
      boolean expressions = SubnetResourceId.needed(group, vnet, subnet);
      if (expressions && vnet != null && subnet != null && group != null) {
        String id = new SubnetResourceId(group, vnet, subnet).expression();
        report(
            RetargetCode.REWRITTEN,
            pointer,
            lead
                + ", so it was rewritten as subnetId "
                + quote(id)
                + ". ARM evaluates an expression only when it is the whole string, so the parts"
                + " that are expressions are arguments of resourceId(), which ARM resolves in the"
                + " subscription the template is deployed to, where the service looks for the"
                + " name form's network too.");
        return id;
      }
      Set<String> subscriptions = expressions ? Set.of() : subscriptions();
      if (vnet == null || subnet == null || group == null || subscriptions.size() != 1) {
        String why =
            vnet == null || subnet == null || group == null
                ? "a part of the name form is missing"
                : subscriptions.isEmpty()
                    ? "the template names no subscription in its other resource ids"
                    : "the template's resource ids name several subscriptions ("
                        + String.join(", ", subscriptions)
                        + ")";
        report(
            RetargetCode.FIELD_DROPPED,
            pointer,
            lead
                + ", and it cannot be built because "
                + why
                + ", so vnetConfig was dropped and the build VM gets no virtual network. Add"
                + " subnetId "
                + quote(
                    expressions
                        ? new SubnetResourceId(
                                group == null ? "<resource group>" : group,
                                vnet == null ? "<virtual network>" : vnet,
                                subnet == null ? "<subnet>" : subnet)
                            .expression()
                        : "/subscriptions/<subscription>/resourceGroups/"
                            + (group == null ? "<resource group>" : group)
                            + "/providers/Microsoft.Network/virtualNetworks/"
                            + (vnet == null ? "<virtual network>" : vnet)
                            + "/subnets/"
                            + (subnet == null ? "<subnet>" : subnet))
                + ".");
        return null;
      }
      String subscription = subscriptions.iterator().next();
      String id =
          "/subscriptions/"
              + subscription
              + "/resourceGroups/"
              + group
              + "/providers/Microsoft.Network/virtualNetworks/"
              + vnet
              + "/subnets/"
              + subnet;
      report(
          RetargetCode.SUBSCRIPTION_ASSUMED,
          pointer,
          lead
              + ", so it was rewritten as subnetId "
              + quote(id)
              + ". The subscription "
              + quote(subscription)
              + " is the one every other resource id of the template names; check that the virtual"
              + " network is in it.");
      return id;
    }

    /** The distinct subscriptions named by the template's resource ids, ignoring case. */
    Set<String> subscriptions() {
      List<String> ids = new ArrayList<>();
      if (template.identity() != null && template.identity().userAssignedIdentities() != null) {
        ids.addAll(template.identity().userAssignedIdentities());
      }
      ImageTemplateProperties p = template.properties();
      if (p.source() instanceof ImageSource.ManagedImage mi) {
        ids.add(mi.imageId());
      } else if (p.source() instanceof ImageSource.SharedImageVersion siv) {
        ids.add(siv.imageVersionId());
      }
      if (p.distribute() != null) {
        for (Distributor d : p.distribute()) {
          if (d instanceof Distributor.ManagedImage m) {
            ids.add(m.imageId());
          } else if (d instanceof Distributor.SharedImage s) {
            ids.add(s.galleryImageId());
          }
        }
      }
      ids.add(p.stagingResourceGroup());
      if (p.vmProfile() != null && p.vmProfile().userAssignedIdentities() != null) {
        ids.addAll(p.vmProfile().userAssignedIdentities());
      }
      Set<String> lower = new LinkedHashSet<>();
      Set<String> out = new LinkedHashSet<>();
      for (String id : ids) {
        if (id == null) {
          continue;
        }
        Matcher m = SUBSCRIPTION.matcher(id);
        if (m.find() && lower.add(m.group(1).toLowerCase(Locale.ROOT))) {
          out.add(m.group(1));
        }
      }
      return out;
    }

    // ---- distributors ----

    List<Distributor> distributors(List<Distributor> list) {
      if (list == null) {
        return null;
      }
      List<Distributor> kept = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Distributor d = list.get(i);
        String pointer = "/properties/distribute/" + i;
        String feature = "properties.distribute[" + d.type() + "]";
        if (!has(feature)) {
          itemDropped(feature, pointer, "The " + d.type() + " distributor");
          continue;
        }
        if (d instanceof Distributor.SharedImage s) {
          d = sharedImage(s, pointer, feature);
        } else if (d instanceof Distributor.Vhd vhd && vhd.uri() != null) {
          d =
              new Distributor.Vhd(
                  keep(feature + ".uri", pointer + "/uri", vhd.uri()),
                  vhd.runOutputName(),
                  vhd.artifactTags());
        }
        kept.add(d);
      }
      return kept;
    }

    Distributor.SharedImage sharedImage(Distributor.SharedImage s, String pointer, String f) {
      List<String> regions = s.replicationRegions();
      String storage = s.storageAccountType();
      List<TargetRegion> targets = s.targetRegions();
      if (targets != null && !has(f + ".targetRegions")) {
        if (regions != null && !regions.isEmpty()) {
          keep(f + ".targetRegions", pointer + "/targetRegions", targets);
        } else {
          regions = targets.stream().map(TargetRegion::name).filter(Objects::nonNull).toList();
          storage = rewriteTargetRegions(targets, regions, storage, pointer, f);
        }
        targets = null;
      }
      storage = keep(f + ".storageAccountType", pointer + "/storageAccountType", storage);
      if (storage != null && !hasValue(f + ".storageAccountType", storage)) {
        storage =
            keep(f + ".storageAccountType=" + storage, pointer + "/storageAccountType", storage);
      }
      // Without the list, the check of the output reports the missing required property
      // (SPEC-E100, with the same hint): a warning here would only repeat it. An empty list, which
      // the spec accepts, is this warning's alone.
      if (regions != null && regions.isEmpty() && has(f + ".replicationRegions@required")) {
        report(
            RetargetCode.REQUIRED_MISSING,
            pointer,
            "The SharedImage distributor at "
                + shown(pointer)
                + " lists no replicationRegions, which API version "
                + target.id()
                + " requires. "
                + Capabilities.feature(f + ".replicationRegions@required").orElseThrow().hint()
                + " Add the regions to replicate the image version to.");
      }
      return new Distributor.SharedImage(
          s.galleryImageId(),
          s.runOutputName(),
          s.artifactTags(),
          regions,
          targets,
          keep(f + ".versioning", pointer + "/versioning", s.versioning()),
          keep(f + ".excludeFromLatest", pointer + "/excludeFromLatest", s.excludeFromLatest()),
          storage,
          keep(f + ".replicationMode", pointer + "/replicationMode", s.replicationMode()));
    }

    /**
     * Notes the targetRegions → replicationRegions rewrite and warns about what cannot follow.
     *
     * @return the distributor's storage account type afterwards: a storage type common to every
     *     region moves to the distributor when it has none
     */
    String rewriteTargetRegions(
        List<TargetRegion> targets, List<String> names, String storage, String pointer, String f) {
      String at = pointer + "/targetRegions";
      Set<String> storages = new LinkedHashSet<>();
      targets.forEach(tr -> storages.add(tr.storageAccountType()));
      String moved = null;
      if (storage == null
          && storages.size() == 1
          && storages.iterator().next() != null
          && has(f + ".storageAccountType")
          && hasValue(f + ".storageAccountType", storages.iterator().next())) {
        moved = storages.iterator().next();
      }
      StringBuilder note =
          new StringBuilder("\"targetRegions\" at ")
              .append(shown(at))
              .append(" exists ")
              .append(Capabilities.describeAvailabilityInApiVersions(f + ".targetRegions"))
              .append("; for API version ")
              .append(target.id())
              .append(" it was rewritten as replicationRegions ")
              .append(
                  names.stream()
                      .map(ApiVersionRetargeter::quote)
                      .collect(Collectors.joining(", ", "[", "]")))
              .append('.');
      if (moved != null) {
        note.append(" Their common storageAccountType ")
            .append(quote(moved))
            .append(" moved to the distributor.");
      }
      report(RetargetCode.REWRITTEN, at, note.toString());
      List<String> lost = new ArrayList<>();
      for (TargetRegion tr : targets) {
        String region = tr.name() == null ? "a region without a name" : quote(tr.name());
        if (tr.name() == null) {
          lost.add(region);
        }
        if (tr.replicaCount() != null && !isOne(tr.replicaCount())) {
          lost.add("replicaCount " + text(tr.replicaCount()) + " for " + region);
        }
        if (tr.storageAccountType() != null && moved == null) {
          lost.add("storageAccountType " + quote(tr.storageAccountType()) + " for " + region);
        }
      }
      if (!lost.isEmpty()) {
        report(
            RetargetCode.SETTINGS_LOST,
            at,
            "API version "
                + target.id()
                + " has no per-region replica counts or storage types, so these settings of"
                + " targetRegions at "
                + shown(at)
                + " were dropped: "
                + String.join(", ", lost)
                + ". Target API version 2022-07-01 or later to keep them.");
      }
      return moved != null ? moved : storage;
    }

    void report(DiagnosticCode code, String pointer, String detail) {
      out.add(Diagnostic.of(code, locate.apply(pointer).orElse(null), detail).withPath(pointer));
    }

    private static String hint(String feature) {
      String h = Capabilities.feature(feature).map(Capabilities.Feature::hint).orElse("");
      return h.isEmpty() ? "" : " " + h;
    }
  }

  private static boolean isOne(IntValue v) {
    return v instanceof IntValue.Literal l && l.value() == 1;
  }

  private static String text(IntValue v) {
    return v instanceof IntValue.Literal l
        ? Long.toString(l.value())
        : ((IntValue.Expression) v).text();
  }

  private static String lastToken(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  private static String quoteOrMissing(String s) {
    return s == null ? "(missing)" : quote(s);
  }

  /** The start of the message for a {@code subnetId} rewritten as the 2019 name form. */
  private static String rewrittenAsNameForm(
      ApiVersion target,
      String feature,
      String pointer,
      String name,
      String subnetName,
      String group) {
    return "\"subnetId\" at "
        + pointer
        + "/subnetId exists "
        + Capabilities.describeAvailabilityInApiVersions(feature + ".subnetId")
        + "; for API version "
        + target.id()
        + " it was rewritten as name "
        + quote(name)
        + ", subnetName "
        + quote(subnetName)
        + " and resourceGroupName "
        + quote(group);
  }
}
