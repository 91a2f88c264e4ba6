package io.github.packer2aib.core.bind.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.ArmValues;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Documents of any shape, built from the AIB vocabulary so that they reach deep into the binder:
 * locating and binding never fail, and report only through diagnostics.
 */
class AibBinderProperties {

  private static final List<String> KEYS =
      List.of(
          "type",
          "apiVersion",
          "name",
          "location",
          "tags",
          "identity",
          "userAssignedIdentities",
          "properties",
          "source",
          "customize",
          "distribute",
          "validate",
          "inVMValidations",
          "vmProfile",
          "vnetConfig",
          "optimize",
          "vmBoot",
          "workload",
          "errorHandling",
          "autoRun",
          "managedResourceTags",
          "additionalDataDisks",
          "sizeGB",
          "inline",
          "scriptUri",
          "runElevated",
          "runAsSystem",
          "validExitCodes",
          "filters",
          "updateLimit",
          "planInfo",
          "targetRegions",
          "replicaCount",
          "versioning",
          "scheme",
          "major",
          "excludeFromLatest",
          "artifactTags",
          "runOutputName",
          "buildTimeoutInMinutes",
          "osDiskSizeGB",
          "resources",
          "dependsOn",
          "copy",
          "Comments",
          "$schema",
          "builders",
          "build",
          "TYPE",
          "Properties");

  private static final List<String> VALUES =
      List.of(
          "Microsoft.VirtualMachineImages/imageTemplates",
          "Microsoft.VirtualMachineImages",
          "deploymentTemplate.json#",
          "PlatformImage",
          "iso",
          "shell",
          "POWERSHELL",
          "File",
          "WindowsRestart",
          "windowsupdate",
          "SharedImage",
          "vhd",
          "ManagedImage",
          "latest",
          "Source",
          "[parameters('x')]",
          "[[literal]",
          "[",
          "",
          "x");

  private static final List<String> NUMBERS =
      List.of("0", "-1", "1.5", "1e3", "1e400", "99999999999999999999", "-0", "NaN", "+7");

  static Arbitrary<DocNode> scalar() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(VALUES).map(v -> (DocNode) DocScalar.string(v, null))),
        Tuple.of(
            2,
            Combinators.combine(Arbitraries.of(NUMBERS), Arbitraries.of(true, false))
                .as((n, u) -> (DocNode) new DocScalar(DocScalar.Type.NUMBER, n, u, null))),
        Tuple.of(
            1,
            Combinators.combine(Arbitraries.of("true", "false"), Arbitraries.of(true, false))
                .as((b, u) -> (DocNode) new DocScalar(DocScalar.Type.BOOLEAN, b, u, null))),
        Tuple.of(1, Arbitraries.just(DocScalar.nullValue(null))));
  }

  static Arbitrary<DocNode> node(int depth) {
    if (depth == 0) {
      return scalar();
    }
    return Arbitraries.frequencyOf(
        Tuple.of(2, scalar()),
        Tuple.of(
            1,
            Arbitraries.lazy(() -> node(depth - 1))
                .list()
                .ofMaxSize(3)
                .map(l -> new DocArray(l, null))),
        Tuple.of(3, object(depth)));
  }

  static Arbitrary<DocNode> object(int depth) {
    return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.lazy(() -> node(depth - 1)))
        .ofMaxSize(5)
        .map(
            m -> {
              List<DocMember> members = new ArrayList<>();
              new LinkedHashMap<>(m).forEach((k, v) -> members.add(new DocMember(k, null, v)));
              return new DocObject(members, null);
            });
  }

  /** An object that may be a resource: a type, a name, a body, and anything else. */
  static Arbitrary<DocNode> resource(int depth) {
    Arbitrary<DocNode> type =
        Arbitraries.of(
                "Microsoft.VirtualMachineImages/imageTemplates",
                "microsoft.virtualmachineimages/IMAGETEMPLATES",
                "Microsoft.VirtualMachineImages",
                "Microsoft.Resources/deployments",
                "Microsoft.Storage/storageAccounts")
            .map(t -> DocScalar.string(t, null));
    return Combinators.combine(type, scalar(), object(depth), object(depth))
        .as(
            (t, n, props, rest) -> {
              List<DocMember> members = new ArrayList<>();
              members.add(new DocMember("type", null, t));
              members.add(new DocMember("name", null, n));
              members.add(new DocMember("properties", null, props));
              for (DocMember m : ((DocObject) rest).members()) {
                if (!List.of("type", "name", "properties").contains(m.key())) {
                  members.add(m);
                }
              }
              return new DocObject(members, null);
            });
  }

  static Arbitrary<DocNode> armTemplate(int depth) {
    return resource(depth)
        .list()
        .ofMaxSize(4)
        .map(
            rs ->
                new DocObject(
                    List.of(
                        new DocMember(
                            "$schema", null, DocScalar.string("deploymentTemplate.json#", null)),
                        new DocMember("resources", null, new DocArray(rs, null))),
                    null));
  }

  @Provide
  Arbitrary<DocNode> documents() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, node(5)), Tuple.of(2, resource(4)), Tuple.of(2, armTemplate(3)));
  }

  @Property(tries = 500)
  void locatingReportsEitherTemplatesOrOneError(@ForAll("documents") DocNode doc) {
    AibResourceLocator.Located l = AibResourceLocator.locate(doc, new SourceFile("f.json", "{}"));
    if (l.resources().isEmpty()) {
      assertEquals(1, l.diagnostics().size());
      assertTrue(l.diagnostics().get(0).isError());
    } else {
      assertEquals(List.of(), l.diagnostics());
      assertEquals(
          l.resources().size(),
          l.resources().stream().map(r -> r.suggestedName().toLowerCase()).distinct().count());
    }
  }

  @Property(tries = 500)
  void bindingAnyObjectGivesAModelAndOnlyBindDiagnostics(@ForAll("documents") DocNode doc) {
    DocObject resource =
        doc instanceof DocObject o
            ? o
            : new DocObject(List.of(new DocMember("properties", null, doc)), null);
    ResourceRef ref = new ResourceRef("/resources/3", resource, "t", false, ArmValues.NONE);
    AibBinder.Bound first = AibBinder.bind(ref);
    AibBinder.Bound second = AibBinder.bind(ref);
    assertEquals(first, second);
    for (Diagnostic d : first.diagnostics()) {
      assertTrue(d.code().startsWith("BIND-"), d.code());
      assertTrue(d.path().orElseThrow().startsWith("/resources/3/"), d.path().toString());
    }
  }
}
