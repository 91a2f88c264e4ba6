package io.github.packer2aib.core.emit;

import io.github.packer2aib.core.aib.AutoRun;
import io.github.packer2aib.core.aib.BoolValue;
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
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The document form of an image template (without ranges): what {@link DocWriter} writes as JSON or
 * YAML and what the spec validator checks, so converted output is checked the same way as input.
 *
 * <p>Each model type has one method that lists its members in the order of the AIB documentation's
 * template format. Absent (null) fields and map entries without a value are left out; map entries
 * keep their insertion order; a discriminator ({@code type}, {@code scheme}) comes first. {@link
 * IntValue} and {@link BoolValue} are a number or boolean, or their ARM expression as a string.
 */
public final class TemplateDocs {
  private TemplateDocs() {}

  public static DocObject toDoc(ImageTemplate t) {
    Objects.requireNonNull(t, "template");
    return new Members()
        .add("type", t.type())
        .add("apiVersion", t.apiVersion())
        .add("name", t.name())
        .add("location", t.location())
        .add("tags", stringMap(t.tags()))
        .add("identity", identity(t.identity()))
        .add("properties", properties(t.properties()))
        .build();
  }

  /** Identity ids as the ARM map form {@code {"<id>": {}}}. */
  private static DocObject identity(Identity identity) {
    if (identity == null) {
      return null;
    }
    DocObject ids = null;
    if (identity.userAssignedIdentities() != null) {
      Members m = new Members();
      for (String id : identity.userAssignedIdentities()) {
        m.add(id, new Members().build());
      }
      ids = m.build();
    }
    return new Members().add("type", identity.type()).add("userAssignedIdentities", ids).build();
  }

  private static DocObject properties(ImageTemplateProperties p) {
    return new Members()
        .add("buildTimeoutInMinutes", intValue(p.buildTimeoutInMinutes()))
        .add("customize", array(p.customize(), TemplateDocs::customizer))
        .add("errorHandling", errorHandling(p.errorHandling()))
        .add("distribute", array(p.distribute(), TemplateDocs::distributor))
        .add("optimize", optimize(p.optimize()))
        .add("source", source(p.source()))
        .add("stagingResourceGroup", p.stagingResourceGroup())
        .add("validate", validate(p.validate()))
        .add("vmProfile", vmProfile(p.vmProfile()))
        .add("autoRun", autoRun(p.autoRun()))
        .add("managedResourceTags", stringMap(p.managedResourceTags()))
        .add("additionalDataDisks", array(p.additionalDataDisks(), TemplateDocs::dataDisk))
        .build();
  }

  private static DocObject customizer(Customizer c) {
    Members m = new Members().add("type", c.type()).add("name", c.name());
    if (c instanceof Customizer.Shell s) {
      return script(m, s.scriptUri(), s.sha256Checksum(), s.inline()).build();
    }
    if (c instanceof Customizer.PowerShell s) {
      return script(m, s.scriptUri(), s.sha256Checksum(), s.inline())
          .add("runElevated", boolValue(s.runElevated()))
          .add("runAsSystem", boolValue(s.runAsSystem()))
          .add("validExitCodes", array(s.validExitCodes(), TemplateDocs::intValue))
          .build();
    }
    if (c instanceof Customizer.File f) {
      return file(m, f.sourceUri(), f.destination(), f.sha256Checksum()).build();
    }
    if (c instanceof Customizer.WindowsRestart r) {
      return m.add("restartCommand", r.restartCommand())
          .add("restartCheckCommand", r.restartCheckCommand())
          .add("restartTimeout", r.restartTimeout())
          .build();
    }
    Customizer.WindowsUpdate u = (Customizer.WindowsUpdate) c;
    return m.add("searchCriteria", u.searchCriteria())
        .add("filters", strings(u.filters()))
        .add("updateLimit", intValue(u.updateLimit()))
        .build();
  }

  private static DocObject inVmValidator(InVmValidator v) {
    Members m = new Members().add("type", v.type()).add("name", v.name());
    if (v instanceof InVmValidator.Shell s) {
      return script(m, s.scriptUri(), s.sha256Checksum(), s.inline()).build();
    }
    if (v instanceof InVmValidator.PowerShell s) {
      return script(m, s.scriptUri(), s.sha256Checksum(), s.inline())
          .add("runElevated", boolValue(s.runElevated()))
          .add("runAsSystem", boolValue(s.runAsSystem()))
          .add("validExitCodes", array(s.validExitCodes(), TemplateDocs::intValue))
          .build();
    }
    InVmValidator.File f = (InVmValidator.File) v;
    return file(m, f.sourceUri(), f.destination(), f.sha256Checksum()).build();
  }

  /** The script members shared by Shell and PowerShell customizers and validators. */
  private static Members script(
      Members m, String scriptUri, String sha256Checksum, List<String> inline) {
    return m.add("scriptUri", scriptUri)
        .add("sha256Checksum", sha256Checksum)
        .add("inline", strings(inline));
  }

  /** The members shared by File customizers and validators. */
  private static Members file(
      Members m, String sourceUri, String destination, String sha256Checksum) {
    return m.add("sourceUri", sourceUri)
        .add("destination", destination)
        .add("sha256Checksum", sha256Checksum);
  }

  private static DocObject errorHandling(ErrorHandling e) {
    if (e == null) {
      return null;
    }
    return new Members()
        .add("onCustomizerError", e.onCustomizerError())
        .add("onValidationError", e.onValidationError())
        .build();
  }

  private static DocObject distributor(Distributor d) {
    Members m = new Members().add("type", d.type());
    if (d instanceof Distributor.ManagedImage i) {
      return m.add("imageId", i.imageId())
          .add("location", i.location())
          .add("runOutputName", i.runOutputName())
          .add("artifactTags", stringMap(i.artifactTags()))
          .build();
    }
    if (d instanceof Distributor.SharedImage s) {
      return m.add("galleryImageId", s.galleryImageId())
          .add("runOutputName", s.runOutputName())
          .add("artifactTags", stringMap(s.artifactTags()))
          .add("replicationRegions", strings(s.replicationRegions()))
          .add("targetRegions", array(s.targetRegions(), TemplateDocs::targetRegion))
          .add("versioning", versioning(s.versioning()))
          .add("excludeFromLatest", boolValue(s.excludeFromLatest()))
          .add("storageAccountType", s.storageAccountType())
          .add("replicationMode", s.replicationMode())
          .build();
    }
    Distributor.Vhd v = (Distributor.Vhd) d;
    return m.add("uri", v.uri())
        .add("runOutputName", v.runOutputName())
        .add("artifactTags", stringMap(v.artifactTags()))
        .build();
  }

  private static DocObject targetRegion(TargetRegion r) {
    return new Members()
        .add("name", r.name())
        .add("replicaCount", intValue(r.replicaCount()))
        .add("storageAccountType", r.storageAccountType())
        .build();
  }

  private static DocObject versioning(Versioning v) {
    if (v == null) {
      return null;
    }
    Members m = new Members().add("scheme", v.scheme());
    if (v instanceof Versioning.Latest l) {
      m.add("major", intValue(l.major()));
    }
    return m.build();
  }

  private static DocObject optimize(Optimize o) {
    if (o == null) {
      return null;
    }
    DocObject vmBoot =
        o.vmBoot() == null ? null : new Members().add("state", o.vmBoot().state()).build();
    DocObject workload =
        o.workload() == null
            ? null
            : new Members()
                .add("state", o.workload().state())
                .add("scriptUri", o.workload().scriptUri())
                .add("sha256Checksum", o.workload().sha256Checksum())
                .build();
    return new Members().add("vmBoot", vmBoot).add("workload", workload).build();
  }

  private static DocObject source(ImageSource s) {
    if (s == null) {
      return null;
    }
    Members m = new Members().add("type", s.type());
    if (s instanceof ImageSource.PlatformImage p) {
      return m.add("publisher", p.publisher())
          .add("offer", p.offer())
          .add("sku", p.sku())
          .add("version", p.version())
          .add("planInfo", planInfo(p.planInfo()))
          .build();
    }
    if (s instanceof ImageSource.ManagedImage i) {
      return m.add("imageId", i.imageId()).build();
    }
    if (s instanceof ImageSource.SharedImageVersion v) {
      return m.add("imageVersionId", v.imageVersionId()).build();
    }
    ImageSource.Iso iso = (ImageSource.Iso) s;
    return m.add("sourceUri", iso.sourceUri()).add("sha256Checksum", iso.sha256Checksum()).build();
  }

  private static DocObject planInfo(ImageSource.PlanInfo p) {
    if (p == null) {
      return null;
    }
    return new Members()
        .add("planName", p.planName())
        .add("planProduct", p.planProduct())
        .add("planPublisher", p.planPublisher())
        .build();
  }

  private static DocObject validate(Validate v) {
    if (v == null) {
      return null;
    }
    return new Members()
        .add("continueDistributeOnFailure", boolValue(v.continueDistributeOnFailure()))
        .add("sourceValidationOnly", boolValue(v.sourceValidationOnly()))
        .add("inVMValidations", array(v.inVMValidations(), TemplateDocs::inVmValidator))
        .build();
  }

  private static DocObject vmProfile(VmProfile p) {
    if (p == null) {
      return null;
    }
    return new Members()
        .add("vmSize", p.vmSize())
        .add("osDiskSizeGB", intValue(p.osDiskSizeGB()))
        .add("vnetConfig", vnetConfig(p.vnetConfig()))
        .add("userAssignedIdentities", strings(p.userAssignedIdentities()))
        .build();
  }

  private static DocObject vnetConfig(VnetConfig v) {
    if (v == null) {
      return null;
    }
    return new Members()
        .add("subnetId", v.subnetId())
        .add("containerInstanceSubnetId", v.containerInstanceSubnetId())
        .add("proxyVmSize", v.proxyVmSize())
        .add("name", v.name())
        .add("subnetName", v.subnetName())
        .add("resourceGroupName", v.resourceGroupName())
        .build();
  }

  private static DocObject autoRun(AutoRun a) {
    return a == null ? null : new Members().add("state", a.state()).build();
  }

  private static DocObject dataDisk(DataDisk d) {
    return new Members().add("sizeGB", intValue(d.sizeGB())).build();
  }

  private static DocScalar intValue(IntValue v) {
    if (v == null) {
      return null;
    }
    return v instanceof IntValue.Literal l
        ? DocScalar.number(Long.toString(l.value()), null)
        : DocScalar.string(((IntValue.Expression) v).text(), null);
  }

  private static DocScalar boolValue(BoolValue v) {
    if (v == null) {
      return null;
    }
    return v instanceof BoolValue.Literal l
        ? DocScalar.bool(l.value(), null)
        : DocScalar.string(((BoolValue.Expression) v).text(), null);
  }

  private static DocObject stringMap(Map<String, String> map) {
    if (map == null) {
      return null;
    }
    Members m = new Members();
    for (Map.Entry<String, String> e : map.entrySet()) { // no bound method reference (C1 code)
      m.add(e.getKey(), e.getValue());
    }
    return m.build();
  }

  /** A list of strings (written out rather than through {@link #array}: the most common list). */
  private static DocArray strings(List<String> list) {
    if (list == null) {
      return null;
    }
    DocNode[] items = new DocNode[list.size()];
    for (int i = 0; i < items.length; i++) {
      items[i] = DocScalar.string(list.get(i), null);
    }
    return DocArray.owning(items, items.length, null);
  }

  /** Model lists hold no nulls (their records copy them with {@code List.copyOf}). */
  private static <T> DocArray array(List<T> list, Function<T, DocNode> item) {
    if (list == null) {
      return null;
    }
    DocNode[] items = new DocNode[list.size()];
    for (int i = 0; i < items.length; i++) { // by index: no iterator (C1 code)
      items[i] = item.apply(list.get(i));
    }
    return DocArray.owning(items, items.length, null);
  }

  /**
   * An object's members in the order added; a null value leaves its member out. The members go into
   * an array that the object then owns ({@link DocObject#owning}): no list to grow and copy.
   */
  private static final class Members {
    private DocMember[] members = new DocMember[8];
    private int count;

    Members add(String key, DocNode value) {
      if (value != null) {
        if (count == members.length) {
          members = Arrays.copyOf(members, 2 * count);
        }
        members[count++] = new DocMember(key, null, value);
      }
      return this;
    }

    Members add(String key, String value) {
      return value == null ? this : add(key, DocScalar.string(value, null));
    }

    DocObject build() {
      return DocObject.owning(members, count, null);
    }
  }
}
