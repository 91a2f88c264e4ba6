package io.github.packer2aib.core.aib;

import static io.github.packer2aib.core.aib.ApiVersion.V2020_02_14;
import static io.github.packer2aib.core.aib.ApiVersion.V2021_10_01;
import static io.github.packer2aib.core.aib.ApiVersion.V2022_02_14;
import static io.github.packer2aib.core.aib.ApiVersion.V2022_07_01;
import static io.github.packer2aib.core.aib.ApiVersion.V2023_07_01;
import static io.github.packer2aib.core.aib.ApiVersion.V2024_02_01;
import static io.github.packer2aib.core.aib.ApiVersion.V2025_10_01;

import io.github.packer2aib.core.doc.ArmExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.domains.DomainContextBase;

/**
 * Valid AIB image templates for property tests: for a given API version, only the fields that
 * version has, with valid enum values and patterns, unique {@code runOutputName}s, customizers of
 * one OS (Shell for Linux; PowerShell, WindowsRestart and WindowsUpdate for Windows; File with
 * either), {@code scriptUri} xor {@code inline}, {@code runAsSystem} only with {@code runElevated},
 * {@code replicationRegions} xor {@code targetRegions}, a build timeout of 0 or 6..960. Free text
 * includes what is hard to write in JSON and YAML: quotes, backslashes, Unicode, line breaks, YAML
 * 1.1 booleans, number-like strings, comment and mapping indicators.
 *
 * <p>Use with {@code @Domain(AibDomain.class)} and {@code @ForAll ImageTemplate}, or call {@link
 * #templates(ApiVersion)} for one version.
 */
public class AibDomain extends DomainContextBase {

  @Provide
  Arbitrary<ApiVersion> apiVersions() {
    return Arbitraries.of(ApiVersion.class);
  }

  @Provide
  Arbitrary<ImageTemplate> anyTemplate() {
    return apiVersions().flatMap(AibDomain::templates);
  }

  /** Valid templates of one API version. */
  public static Arbitrary<ImageTemplate> templates(ApiVersion v) {
    return Arbitraries.of(Os.class).flatMap(os -> templates(v, os));
  }

  enum Os {
    LINUX,
    WINDOWS
  }

  // ---- text --------------------------------------------------------------------------------

  /** Strings that break naive JSON or YAML writers, or that YAML readers take for non-strings. */
  static final List<String> TRICKY =
      List.of(
          "yes",
          "No",
          "ON",
          "off",
          "y",
          "n",
          "true",
          "False",
          "null",
          "~",
          "1.10",
          "0x1F",
          "017",
          "1e3",
          ".inf",
          "-.NaN",
          "2024-02-01",
          "1:30",
          "1_000",
          "",
          " ",
          " lead",
          "trail ",
          "a: b",
          "ends:",
          "# comment",
          "key #x",
          "x#y",
          "-dash",
          "- item",
          "?q",
          ":colon",
          "*star",
          "&anchor",
          "!tag",
          "|pipe",
          ">fold",
          "%pct",
          "@at",
          "`tick",
          "'single'",
          "\"double\"",
          "it's \"quoted\"",
          "back\\slash",
          "C:\\Windows\\Temp",
          "{brace}",
          "[bracket",
          "[[literal]",
          "---",
          "...",
          "=",
          "<<",
          "日本語",
          "Zoë Müller",
          "emoji 😀",
          "line1\nline2",
          "ends with newline\n",
          "\n",
          "two\n\n",
          "\n\nlead",
          "  indented\nlines",
          "a\n  b\n    c\n",
          "tab\there",
          "\tlead",
          "cr\r\nlf",
          "lone\r",
          "sep\u2028x",
          "nel\u0085x",
          "bom\uFEFFx",
          "echo $HOME && exit 0",
          "Write-Host \"on\"",
          "sudo apt-get install -y nginx # web");

  /** Plain words, as most real values are. */
  static Arbitrary<String> word() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars("-_.")
        .ofMinLength(1)
        .ofMaxLength(12);
  }

  /** Any text without lone surrogates or non-characters (a file decoded as UTF-8 has none). */
  static Arbitrary<String> anyChars() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withCharRange('\u00a0', '\ud7ff')
        .withCharRange('\ue000', '\ufffd')
        .withChars("\n\t\r\u0085")
        .ofMaxLength(16);
  }

  static Arbitrary<String> text() {
    Arbitrary<String> lines =
        Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(TRICKY)), Tuple.of(3, word()))
            .list()
            .ofMinSize(2)
            .ofMaxSize(4)
            .map(l -> String.join("\n", l));
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(TRICKY)),
        Tuple.of(4, word()),
        Tuple.of(2, anyChars()),
        Tuple.of(1, lines));
  }

  static Arbitrary<String> optionalText() {
    return text().injectNull(0.3);
  }

  /**
   * Tags Azure accepts (RULE-E318, RULE-W320): names that are not empty, hold none of {@code < > %
   * & \\ ? /} and differ from each other in more than case; the texts still put YAML's and JSON's
   * special characters into names and values.
   */
  static Arbitrary<Map<String, String>> tags() {
    return TAGS;
  }

  // One instance: tags() is asked inside flatMaps, and jqwik memoizes generators by arbitrary;
  // a new filtered arbitrary per call (its lambdas never equal) made that memo grow for ever.
  private static final Arbitrary<Map<String, String>> TAGS =
      Arbitraries.maps(
              Arbitraries.oneOf(word(), text())
                  .filter(
                      n -> !n.isEmpty() && n.chars().noneMatch(c -> "<>%&\\?/".indexOf(c) >= 0)),
              text())
          .ofMaxSize(3)
          .filter(AibDomain::namesDifferBeyondCase);

  private static boolean namesDifferBeyondCase(Map<String, String> tags) {
    return tags.keySet().stream().map(k -> k.toLowerCase(java.util.Locale.ROOT)).distinct().count()
        == tags.size();
  }

  /** AIB's name pattern for templates and run outputs: {@code ^[A-Za-z0-9-_.]{1,64}$}. */
  static Arbitrary<String> name() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars("-_.")
        .ofMinLength(1)
        .ofMaxLength(64);
  }

  static Arbitrary<String> expression() {
    return Arbitraries.of(
        "[parameters('value')]",
        "[variables('x')]",
        "[add(parameters('a'), 1)]",
        "[if(equals(parameters('os'), 'win'), 'yes', 'no')]",
        "[format('{0}-{1}', parameters('a'), \"b\")]");
  }

  static Arbitrary<String> region() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of("westeurope", "eastus", "westus2", "northeurope", "japaneast")),
        Tuple.of(1, expression()));
  }

  static Arbitrary<String> resourceId(String provider) {
    return Arbitraries.frequencyOf(
        Tuple.of(
            8,
            Combinators.combine(Arbitraries.strings().numeric().ofLength(8), word(), word())
                .as(
                    (sub, rg, n) ->
                        "/subscriptions/"
                            + sub
                            + "-0000-0000-0000-000000000000/resourceGroups/"
                            + rg
                            + "/providers/"
                            + provider
                            + "/"
                            + n)),
        Tuple.of(1, expression()));
  }

  /**
   * A resource group id, as stagingResourceGroup takes it (service rule RULE-E313), of a group of
   * its own (RULE-W321: it holds none of the resources the template names, whose groups are words,
   * which have no parentheses; Azure allows them in group names).
   */
  static Arbitrary<String> resourceGroupId() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            8,
            Combinators.combine(Arbitraries.strings().numeric().ofLength(8), word())
                .as(
                    (sub, rg) ->
                        "/subscriptions/"
                            + sub
                            + "-0000-0000-0000-000000000000/resourceGroups/staging("
                            + rg
                            + ")")),
        Tuple.of(1, expression()));
  }

  /** Customizer names are unique within a template (service rule RULE-E303). */
  static boolean uniqueNames(List<Customizer> steps) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Customizer c : steps) {
      if (c.name() != null && !ArmExpression.isExpression(c.name()) && !seen.add(c.name())) {
        return false;
      }
    }
    return true;
  }

  static Arbitrary<String> uri() {
    return Combinators.combine(word(), word())
        .as((host, path) -> "https://" + host + ".example.com/" + path + "?sv=2024&sp=r");
  }

  static Arbitrary<String> sha256() {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
  }

  static Arbitrary<IntValue> intValue(long min, long max) {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.longs().between(min, max).map(IntValue::of)),
        Tuple.of(1, expression().map(IntValue::expression)));
  }

  static Arbitrary<BoolValue> boolValue() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(BoolValue.TRUE, BoolValue.FALSE)),
        Tuple.of(1, expression().map(BoolValue::expression)));
  }

  static Arbitrary<String> state() {
    return Arbitraries.of("Enabled", "Disabled");
  }

  // ---- template ----------------------------------------------------------------------------

  static Arbitrary<ImageTemplate> templates(ApiVersion v, Os os) {
    // From 2020-02-14 the service needs a user-assigned identity: "None" is only valid before.
    Arbitrary<Identity> identity =
        v.atLeast(V2020_02_14) ? userAssignedIdentity() : identity().injectNull(0.5);
    return Combinators.combine(
            Arbitraries.oneOf(name(), expression()).injectNull(0.3),
            region(),
            tags().injectNull(0.5),
            identity,
            properties(v, os))
        .as(
            (name, location, tags, id, props) ->
                new ImageTemplate(
                    ImageTemplate.RESOURCE_TYPE, v.id(), name, location, tags, id, props));
  }

  static Arbitrary<Identity> identity() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, userAssignedIdentity()),
        Tuple.of(1, Arbitraries.just(new Identity("None", null))));
  }

  static Arbitrary<Identity> userAssignedIdentity() {
    return resourceId("Microsoft.ManagedIdentity/userAssignedIdentities")
        .map(Identity::userAssigned);
  }

  static Arbitrary<ImageTemplateProperties> properties(ApiVersion v, Os os) {
    var b =
        Builders.withBuilder(ImageTemplateProperties::builder)
            .use(buildTimeout())
            .withProbability(0.7)
            .in(ImageTemplateProperties.Builder::buildTimeoutInMinutes)
            .use(customizers(v, os).list().ofMaxSize(4).filter(AibDomain::uniqueNames))
            .withProbability(0.9)
            .in(ImageTemplateProperties.Builder::customize)
            .use(distributors(v))
            .in(ImageTemplateProperties.Builder::distribute)
            .use(source(v))
            .in(ImageTemplateProperties.Builder::source)
            .use(vmProfile(v))
            .withProbability(0.6)
            .in(ImageTemplateProperties.Builder::vmProfile);
    if (v.atLeast(V2022_02_14)) {
      b =
          b.use(resourceGroupId())
              .withProbability(0.3)
              .in(ImageTemplateProperties.Builder::stagingResourceGroup)
              .use(validate(v, os))
              .withProbability(0.4)
              .in(ImageTemplateProperties.Builder::validate);
    }
    if (v.atLeast(V2022_07_01)) {
      Arbitrary<Optimize.Workload> workload =
          v.atLeast(V2025_10_01)
              ? Combinators.combine(state(), uri().injectNull(0.5), sha256().injectNull(0.5))
                  .as(Optimize.Workload::new)
                  .injectNull(0.5)
              : Arbitraries.just(null);
      b =
          b.use(
                  Combinators.combine(state().map(Optimize.VmBoot::new).injectNull(0.2), workload)
                      .as(Optimize::new))
              .withProbability(0.4)
              .in(ImageTemplateProperties.Builder::optimize);
    }
    if (v.atLeast(V2023_07_01)) {
      Arbitrary<String> onError = Arbitraries.of("cleanup", "abort").injectNull(0.3);
      b =
          b.use(Combinators.combine(onError, onError).as(ErrorHandling::new))
              .withProbability(0.4)
              .in(ImageTemplateProperties.Builder::errorHandling);
    }
    if (v.atLeast(V2024_02_01)) {
      b =
          b.use(state().map(AutoRun::new))
              .withProbability(0.3)
              .in(ImageTemplateProperties.Builder::autoRun)
              .use(tags())
              .withProbability(0.3)
              .in(ImageTemplateProperties.Builder::managedResourceTags);
    }
    if (v.atLeast(V2025_10_01)) {
      b =
          b.use(intValue(1, 4095).map(DataDisk::new).list().ofMaxSize(2))
              .withProbability(0.3)
              .in(ImageTemplateProperties.Builder::additionalDataDisks);
    }
    return b.build(ImageTemplateProperties.Builder::build);
  }

  /** 0 means the service default; otherwise the documented range 6..960. */
  static Arbitrary<IntValue> buildTimeout() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(IntValue.of(0))), Tuple.of(6, intValue(6, 960)));
  }

  // ---- source ------------------------------------------------------------------------------

  static Arbitrary<ImageSource> source(ApiVersion v) {
    Arbitrary<ImageSource.PlanInfo> plan =
        v.atLeast(V2020_02_14)
            ? Combinators.combine(word(), word(), word())
                .as(ImageSource.PlanInfo::new)
                .injectNull(0.7)
            : Arbitraries.just(null);
    Arbitrary<ImageSource> platform =
        Combinators.combine(
                word(), word(), word(), Arbitraries.oneOf(Arbitraries.just("latest"), word()), plan)
            .as(ImageSource.PlatformImage::new);
    Arbitrary<ImageSource> managed =
        resourceId("Microsoft.Compute/images").map(ImageSource.ManagedImage::new);
    Arbitrary<ImageSource> sig =
        resourceId("Microsoft.Compute/galleries/g/images/i/versions")
            .map(ImageSource.SharedImageVersion::new);
    if (v == ApiVersion.V2019_05_01_PREVIEW) {
      Arbitrary<ImageSource> iso = Combinators.combine(uri(), sha256()).as(ImageSource.Iso::new);
      return Arbitraries.oneOf(platform, managed, sig, iso);
    }
    return Arbitraries.oneOf(platform, managed, sig);
  }

  // ---- customize and validate --------------------------------------------------------------

  static Arbitrary<Customizer> customizers(ApiVersion v, Os os) {
    if (os == Os.LINUX) {
      return Arbitraries.frequencyOf(Tuple.of(3, shell()), Tuple.of(1, file(os)));
    }
    return Arbitraries.frequencyOf(
        Tuple.of(3, powerShell(v)),
        Tuple.of(1, file(os)),
        Tuple.of(1, windowsRestart()),
        Tuple.of(1, windowsUpdate()));
  }

  /** Exactly one of a script URI (with an optional checksum) and inline lines. */
  private record Script(String uri, String sha256, List<String> inline) {}

  static Arbitrary<Script> script() {
    Arbitrary<Script> byUri =
        Combinators.combine(uri(), sha256().injectNull(0.5)).as((u, s) -> new Script(u, s, null));
    Arbitrary<Script> inline =
        text().list().ofMinSize(1).ofMaxSize(4).map(l -> new Script(null, null, l));
    return Arbitraries.oneOf(byUri, inline);
  }

  static Arbitrary<Customizer> shell() {
    return Combinators.combine(optionalText(), script())
        .as((n, s) -> new Customizer.Shell(n, s.uri(), s.sha256(), s.inline()));
  }

  /** {@code runAsSystem} (2020-02-14+) only together with a literal {@code runElevated: true}. */
  private record Elevation(BoolValue runElevated, BoolValue runAsSystem) {}

  static Arbitrary<Elevation> elevation(ApiVersion v) {
    Arbitrary<Elevation> plain = boolValue().injectNull(0.4).map(e -> new Elevation(e, null));
    if (!v.atLeast(V2020_02_14)) {
      return plain;
    }
    Arbitrary<Elevation> asSystem =
        Arbitraries.of(BoolValue.TRUE, BoolValue.FALSE).map(s -> new Elevation(BoolValue.TRUE, s));
    return Arbitraries.oneOf(plain, asSystem);
  }

  static Arbitrary<List<IntValue>> exitCodes() {
    return intValue(0, 65535).list().ofMinSize(1).ofMaxSize(3).injectNull(0.6);
  }

  static Arbitrary<Customizer> powerShell(ApiVersion v) {
    return Combinators.combine(optionalText(), script(), elevation(v), exitCodes())
        .as(
            (n, s, e, codes) ->
                new Customizer.PowerShell(
                    n, s.uri(), s.sha256(), s.inline(), e.runElevated(), e.runAsSystem(), codes));
  }

  /** Linux destinations must be below /tmp. */
  static Arbitrary<String> destination(Os os) {
    return os == Os.LINUX
        ? word().map(w -> "/tmp/" + w)
        : word().map(w -> "C:\\buildArtifacts\\" + w);
  }

  static Arbitrary<Customizer> file(Os os) {
    return Combinators.combine(optionalText(), uri(), destination(os), sha256().injectNull(0.5))
        .as(Customizer.File::new);
  }

  static Arbitrary<Customizer> windowsRestart() {
    return Combinators.combine(
            optionalText(),
            optionalText(),
            optionalText(),
            Arbitraries.of("5m", "10m", "2h", "30s").injectNull(0.5))
        .as(Customizer.WindowsRestart::new);
  }

  static Arbitrary<Customizer> windowsUpdate() {
    return Combinators.combine(
            optionalText(),
            optionalText(),
            text().list().ofMaxSize(3).injectNull(0.5),
            intValue(0, 1000).injectNull(0.5))
        .as(Customizer.WindowsUpdate::new);
  }

  static Arbitrary<Validate> validate(ApiVersion v, Os os) {
    return Combinators.combine(
            boolValue().injectNull(0.5),
            boolValue().injectNull(0.5),
            validators(v, os).list().ofMaxSize(3).injectNull(0.3))
        .as(Validate::new);
  }

  static Arbitrary<InVmValidator> validators(ApiVersion v, Os os) {
    List<Arbitrary<InVmValidator>> choices = new ArrayList<>();
    if (os == Os.LINUX) {
      choices.add(
          Combinators.combine(optionalText(), script())
              .as((n, s) -> new InVmValidator.Shell(n, s.uri(), s.sha256(), s.inline())));
    } else {
      choices.add(
          Combinators.combine(optionalText(), script(), elevation(v), exitCodes())
              .as(
                  (n, s, e, codes) ->
                      new InVmValidator.PowerShell(
                          n,
                          s.uri(),
                          s.sha256(),
                          s.inline(),
                          e.runElevated(),
                          e.runAsSystem(),
                          codes)));
    }
    if (v.atLeast(V2022_07_01)) {
      choices.add(
          Combinators.combine(optionalText(), uri(), destination(os), sha256().injectNull(0.5))
              .as(InVmValidator.File::new));
    }
    return Arbitraries.oneOf(choices);
  }

  // ---- distribute --------------------------------------------------------------------------

  /** One to three distributors, with unique run output names. */
  static Arbitrary<List<Distributor>> distributors(ApiVersion v) {
    return distributor(v)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .flatMap(
            makers ->
                name()
                    .list()
                    .ofSize(makers.size())
                    .uniqueElements(n -> n.toLowerCase(java.util.Locale.ROOT))
                    .map(
                        names -> {
                          List<Distributor> out = new ArrayList<>();
                          for (int i = 0; i < makers.size(); i++) {
                            out.add(makers.get(i).apply(names.get(i)));
                          }
                          return out;
                        }));
  }

  /** A distributor waiting for its run output name. */
  static Arbitrary<Function<String, Distributor>> distributor(ApiVersion v) {
    Arbitrary<Map<String, String>> artifactTags = tags().injectNull(0.5);
    Arbitrary<Function<String, Distributor>> managed =
        Combinators.combine(resourceId("Microsoft.Compute/images"), region(), artifactTags)
            .as((id, loc, t) -> run -> new Distributor.ManagedImage(id, loc, run, t));
    Arbitrary<String> vhdUri =
        v.atLeast(V2022_07_01) ? uri().injectNull(0.5) : Arbitraries.just(null);
    Arbitrary<Function<String, Distributor>> vhd =
        Combinators.combine(vhdUri, artifactTags)
            .as((u, t) -> run -> new Distributor.Vhd(u, run, t));
    return Arbitraries.oneOf(managed, sharedImage(v, artifactTags), vhd);
  }

  private record Replication(
      List<String> replicationRegions,
      List<TargetRegion> targetRegions,
      String storageAccountType) {}

  static Arbitrary<Replication> replication(ApiVersion v) {
    Arbitrary<List<String>> regions = region().list().ofMinSize(1).ofMaxSize(3);
    if (!v.atLeast(V2022_07_01)) {
      // replicationRegions is required until 2022-02-14.
      Arbitrary<String> storage =
          v.atLeast(V2020_02_14)
              ? Arbitraries.of("Standard_LRS", "Standard_ZRS").injectNull(0.5)
              : Arbitraries.just(null);
      return Combinators.combine(regions, storage).as((r, s) -> new Replication(r, null, s));
    }
    Arbitrary<Replication> old =
        Combinators.combine(
                regions,
                Arbitraries.of("Standard_LRS", "Standard_ZRS", "Premium_LRS").injectNull(0.5))
            .as((r, s) -> new Replication(r, null, s));
    Arbitrary<TargetRegion> target =
        Combinators.combine(
                region(),
                intValue(1, 100).injectNull(0.5),
                Arbitraries.of("Standard_LRS", "Standard_ZRS", "Premium_LRS").injectNull(0.5))
            .as(TargetRegion::new);
    // With targetRegions each region names its storage type: the distributor's own goes only
    // with replicationRegions (the spec's description, RULE-E327).
    Arbitrary<Replication> targets =
        target.list().ofMinSize(1).ofMaxSize(3).map(t -> new Replication(null, t, null));
    return Arbitraries.oneOf(old, targets);
  }

  static Arbitrary<Function<String, Distributor>> sharedImage(
      ApiVersion v, Arbitrary<Map<String, String>> artifactTags) {
    Arbitrary<Versioning> versioning =
        v.atLeast(V2022_07_01)
            ? Arbitraries.<Versioning>oneOf(
                    intValue(-1, 10).injectNull(0.3).map(Versioning.Latest::new),
                    Arbitraries.just(new Versioning.Source()))
                .injectNull(0.5)
            : Arbitraries.just(null);
    Arbitrary<BoolValue> excludeFromLatest =
        v.atLeast(V2020_02_14) ? boolValue().injectNull(0.5) : Arbitraries.just(null);
    Arbitrary<String> replicationMode =
        v.atLeast(V2025_10_01)
            ? Arbitraries.of("Full", "Shallow").injectNull(0.5)
            : Arbitraries.just(null);
    return Combinators.combine(
            resourceId("Microsoft.Compute/galleries/g/images"),
            artifactTags,
            replication(v),
            versioning,
            excludeFromLatest,
            replicationMode)
        .as(
            (id, t, r, ver, excl, mode) ->
                run ->
                    new Distributor.SharedImage(
                        id,
                        run,
                        t,
                        r.replicationRegions(),
                        r.targetRegions(),
                        ver,
                        excl,
                        r.storageAccountType(),
                        mode));
  }

  // ---- vmProfile ---------------------------------------------------------------------------

  static Arbitrary<VmProfile> vmProfile(ApiVersion v) {
    Arbitrary<List<String>> identities =
        v.atLeast(V2021_10_01)
            ? resourceId("Microsoft.ManagedIdentity/userAssignedIdentities")
                .list()
                .ofMaxSize(2)
                .injectNull(0.6)
            : Arbitraries.just(null);
    return Combinators.combine(
            Arbitraries.of("Standard_D2s_v3", "Standard_D4ds_v5", "Standard_B2ms").injectNull(0.2),
            intValue(0, 4095).injectNull(0.5),
            vnetConfig(v).injectNull(0.6),
            identities)
        .as(VmProfile::new);
  }

  /** The 2019 documentation's names; from 2020-02-14 a subnet id (+ proxy and ACI subnets). */
  static Arbitrary<VnetConfig> vnetConfig(ApiVersion v) {
    if (v == ApiVersion.V2019_05_01_PREVIEW) {
      return Combinators.combine(word(), word(), word())
          .as((n, s, rg) -> new VnetConfig(null, null, null, n, s, rg));
    }
    Arbitrary<String> subnet = resourceId("Microsoft.Network/virtualNetworks/v/subnets");
    Arbitrary<Boolean> aci =
        v.atLeast(V2024_02_01) ? Arbitraries.of(true, false) : Arbitraries.just(false);
    Arbitrary<String> proxy =
        v.atLeast(V2021_10_01)
            ? Arbitraries.of("Standard_A1_v2", "Standard_B1s").injectNull(0.6)
            : Arbitraries.just(null);
    // The container instance subnet is on the build subnet's network, and an isolated build has
    // no proxy VM (the spec's descriptions, RULE-E325 and RULE-E326).
    return Combinators.combine(subnet, aci, proxy)
        .as(
            (s, c, p) ->
                c
                    ? new VnetConfig(
                        s, ArmExpression.isExpression(s) ? s : sibling(s), null, null, null, null)
                    : new VnetConfig(s, null, p, null, null, null));
  }

  /** Another subnet of a subnet id's virtual network. */
  private static String sibling(String subnetId) {
    return subnetId.substring(0, subnetId.lastIndexOf('/')) + "/aci";
  }
}
