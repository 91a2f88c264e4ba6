package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.mapping.packer.PackerFixture.Plain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Bad input never makes the mapper throw: known field names with values of any type (nulls,
 * unknowns, sensitive values, wrong shapes), as attributes, blocks or legacy objects, in sources
 * and provisioners of every type. Whatever comes out is still free of secrets and valid.
 */
class RobustnessProperties {

  private static final String SECRET = "Robust-Secret-Value-0001";

  private static final List<String> SOURCE_FIELDS =
      concat(
          DroppedFields.KNOWN,
          List.of(
              "plan_info",
              "shared_image_gallery",
              "shared_image_gallery_destination",
              "azure_tag",
              "spot",
              "security_type",
              "custom_data",
              "client_secret",
              "ssh_password",
              "unknown_thing"));

  private static final List<String> NESTED_FIELDS =
      List.of(
          "plan_name",
          "plan_product",
          "plan_publisher",
          "subscription",
          "resource_group",
          "gallery_name",
          "image_name",
          "image_version",
          "id",
          "replication_regions",
          "target_region",
          "name",
          "value",
          "replicas",
          "storage_account_type",
          "specialized",
          "use_shallow_replication",
          "community_gallery_image_id",
          "direct_shared_gallery_image_id");

  private static final List<String> PROVISIONER_TYPES =
      List.of(
          "shell",
          "powershell",
          "file",
          "windows-restart",
          "windows-update",
          "windows-shell",
          "sleep",
          "breakpoint");

  private static final List<String> PROVISIONER_FIELDS =
      concat(
          concat(ShellProvisioner.KNOWN, PowerShellProvisioner.KNOWN),
          concat(
              concat(FileProvisioner.KNOWN, WindowsProvisioners.RESTART_KNOWN),
              concat(WindowsProvisioners.UPDATE_KNOWN, List.of("duration"))));

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Property(tries = 300)
  void neverThrows(
      @ForAll("fields") List<Tuple.Tuple2<String, Value>> sourceFields,
      @ForAll("blocks") List<Tuple.Tuple2<String, List<Tuple.Tuple2<String, Value>>>> blocks,
      @ForAll("provisioners")
          List<Tuple.Tuple2<String, List<Tuple.Tuple2<String, Value>>>> provisioners,
      @ForAll boolean json,
      @ForAll ApiVersion api,
      @ForAll boolean bases) {
    Consumer<Plain> source =
        s -> {
          for (Tuple.Tuple2<String, Value> f : sourceFields) {
            s.set(f.get1(), f.get2());
          }
          for (Tuple.Tuple2<String, List<Tuple.Tuple2<String, Value>>> b : blocks) {
            s.block(
                b.get1(),
                inner -> {
                  for (Tuple.Tuple2<String, Value> f : b.get2()) {
                    inner.set(f.get1(), f.get2());
                  }
                });
          }
        };
    PackerFixture f = json ? PackerFixture.json() : PackerFixture.hcl();
    f.variable("secret", Value.string(SECRET), true)
        .source("azure-arm", "x", source)
        .build(
            b -> {
              b.sources("azure-arm.x");
              for (Tuple.Tuple2<String, List<Tuple.Tuple2<String, Value>>> p : provisioners) {
                b.provisioner(
                    p.get1(),
                    pb -> {
                      for (Tuple.Tuple2<String, Value> field : p.get2()) {
                        pb.set(field.get1(), field.get2());
                      }
                    });
              }
            });
    MapOptions options = MappingCases.opts().withApiVersion(api);
    if (bases) {
      options =
          options.withScriptBaseUri(MappingCases.SCRIPTS).withFileBaseUri(MappingCases.SCRIPTS);
    }
    PackerFixture.Result fixture = f.result();
    MapResult result = PackerMapper.map(fixture.template(), options, MappingProperties.files());
    for (Diagnostic d : result.diagnostics()) {
      assertFalse(d.detail().contains(SECRET), d.code());
    }
    for (MappedTemplate t : result.templates()) {
      assertFalse(
          io.github.packer2aib.core.emit.TemplateWriter.toJson(t.template()).contains(SECRET));
    }
    PackerMapperGoldenTest.assertValid(result, options);
    assertEquals(result, result);
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<String, Value>>> fields() {
    return Combinators.combine(Arbitraries.of(SOURCE_FIELDS), values(2))
        .as(Tuple::of)
        .list()
        .ofMaxSize(14)
        .uniqueElements(t -> t.get1());
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<String, List<Tuple.Tuple2<String, Value>>>>> blocks() {
    Arbitrary<List<Tuple.Tuple2<String, Value>>> body =
        Combinators.combine(Arbitraries.of(NESTED_FIELDS), values(1))
            .as(Tuple::of)
            .list()
            .ofMaxSize(6)
            .uniqueElements(t -> t.get1());
    return Combinators.combine(
            Arbitraries.of(
                "plan_info",
                "shared_image_gallery",
                "shared_image_gallery_destination",
                "azure_tag",
                "spot"),
            body)
        .as(Tuple::of)
        .list()
        .ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<String, List<Tuple.Tuple2<String, Value>>>>> provisioners() {
    Arbitrary<List<Tuple.Tuple2<String, Value>>> body =
        Combinators.combine(Arbitraries.of(PROVISIONER_FIELDS), values(1))
            .as(Tuple::of)
            .list()
            .ofMaxSize(6)
            .uniqueElements(t -> t.get1());
    return Combinators.combine(Arbitraries.of(PROVISIONER_TYPES), body)
        .as(Tuple::of)
        .list()
        .ofMaxSize(4);
  }

  /** Values of every kind, sometimes sensitive or unknown. */
  private static Arbitrary<Value> values(int depth) {
    Arbitrary<Value> scalar =
        Arbitraries.oneOf(
            Arbitraries.of(
                    "Linux",
                    "windows",
                    "westeurope",
                    "1.0.0",
                    "latest",
                    "scripts/a.sh",
                    "files/c.conf",
                    "files",
                    "https://x.example/a",
                    "30s",
                    "-1",
                    "Premium_LRS",
                    "SYSTEM",
                    "download",
                    "",
                    "/sharedGalleries/a/images/b")
                .map(Value::string),
            Arbitraries.strings().ofMaxLength(12).map(Value::string),
            Arbitraries.longs().between(-5, 100).map(Value::number),
            Arbitraries.of(true, false).map(Value::bool),
            Arbitraries.just(Value.nullOf(Type.STRING)),
            Arbitraries.just(Value.unknown(Type.STRING)),
            Arbitraries.just(Value.string(SECRET).mark(Mark.SENSITIVE)));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Value> list = values(depth - 1).list().ofMaxSize(3).map(Value::tuple);
    Arbitrary<Value> object =
        Arbitraries.maps(Arbitraries.of(NESTED_FIELDS), values(depth - 1))
            .ofMaxSize(3)
            .map(m -> Value.object(new LinkedHashMap<String, Value>(m)));
    return Arbitraries.frequencyOf(Tuple.of(6, scalar), Tuple.of(2, list), Tuple.of(2, object));
  }

  @SuppressWarnings("unused")
  private static Map<String, Value> unused() {
    return Map.of();
  }
}
