package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.aib.Identity;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.aib.ImageTemplateProperties;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.emit.DocWriter;
import io.github.packer2aib.core.emit.TemplateDocs;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.CredentialTexts;
import io.github.packer2aib.core.packer.EnvironmentCredentials;
import io.github.packer2aib.core.packer.PostProcessor;
import io.github.packer2aib.core.packer.Provisioner;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One source usage → one image template. */
final class UnitMapper {
  private UnitMapper() {}

  static Optional<MappedTemplate> map(Unit u, String name) {
    Fields config =
        Fields.of(u.usage.config(), "", u.report, u.secrets).typed(u.typing(), Set.of());
    AzureArmMapper.Result arm = new AzureArmMapper(u, config).map();
    List<Step> steps = new Provisioners(u).map();
    errorCleanup(u);
    postProcessors(u);
    Identity identity = identity(u);
    List<Customizer> customize = customizers(u, steps);
    ImageTemplateProperties properties =
        ImageTemplateProperties.builder()
            .customize(customize.isEmpty() ? null : customize)
            .distribute(arm.distribute())
            .source(arm.source())
            .stagingResourceGroup(arm.stagingResourceGroup())
            .vmProfile(arm.vmProfile())
            .additionalDataDisks(arm.additionalDataDisks())
            .managedResourceTags(managedResourceTags(u, arm.tags()))
            .buildTimeoutInMinutes(
                u.options.buildTimeout().isPresent()
                    ? IntValue.of(u.options.buildTimeout().get())
                    : null)
            .build();
    if (u.report.hasErrors()) {
      return Optional.empty();
    }
    ImageTemplate template =
        new ImageTemplate(
            ImageTemplate.RESOURCE_TYPE,
            u.api.id(),
            name,
            u.location,
            arm.tags(),
            identity,
            properties);
    DocObject doc = TemplateDocs.toDoc(template);
    String json = DocWriter.toJson(doc);
    if (leaksSecret(u, json)) {
      return Optional.empty();
    }
    // The unit ends here (the mapper drops it after this call), so its trace is handed over as
    // is: nothing can add to it any more, and a copy per template was a visible allocation.
    Trace trace = u.trace;
    return Optional.of(new MappedTemplate(name, template, trace::locate, trace::label, doc, json));
  }

  /**
   * Packer puts azure_tags on the resources it builds with as well as on the image (mapping.md A.5,
   * E.11): Image Builder's equivalent is managedResourceTags, from API 2024-02-01. A policy that
   * requires tags would otherwise refuse the build's own resources.
   */
  private static Map<String, String> managedResourceTags(Unit u, Map<String, String> tags) {
    if (tags == null || tags.isEmpty()) {
      return null;
    }
    Range at = u.trace.recorded("/tags").orElse(u.usage.range());
    if (!u.supports("properties.managedResourceTags")) {
      // A warning, as every field an API version lacks (and as re-targeting an AIB template's
      // managedResourceTags to an older version is, RETARGET-W001): a tag policy on the staging
      // resource group can fail the build.
      u.report.add(
          PackerMapCode.NOT_IN_API_VERSION,
          at,
          "Packer also puts these tags on the resources it builds with; Image Builder does so"
              + " through properties.managedResourceTags, which exists "
              + Unit.availability("properties.managedResourceTags")
              + ", not in "
              + u.api.id()
              + ", so the build's own resources get no tags (a policy that requires tags may"
              + " refuse them). Choose a newer API version to keep them.");
      return null;
    }
    u.trace.put("/properties/managedResourceTags", at);
    return tags;
  }

  /** Customizers with unique names (Image Builder refuses duplicates), located in the trace. */
  private static List<Customizer> customizers(Unit u, List<Step> steps) {
    List<Customizer> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Step s : steps) {
      Customizer c = s.customizer();
      if (c.name() != null) {
        String unique = c.name();
        int n = 2;
        while (!names.add(unique)) {
          unique = c.name() + "-" + n++;
        }
        if (!unique.equals(c.name())) {
          u.report.add(
              PackerMapCode.FIELD_REWRITTEN,
              s.origin(),
              "An earlier step is already named \""
                  + c.name()
                  + "\", and Image Builder needs unique step names, so this one is named \""
                  + unique
                  + "\".");
        }
        c = Customizers.renamed(c, unique);
      }
      out.add(c);
    }
    u.trace.putSteps(steps); // step i is customizer i
    return out;
  }

  private static Identity identity(Unit u) {
    if (u.options.identity().isPresent()) {
      return Identity.userAssigned(u.options.identity().get());
    }
    u.report.add(
        PackerMapCode.NO_IDENTITY,
        u.usage.range(),
        u.supports("identity@required") ? NO_IDENTITY_REQUIRED : NO_IDENTITY_OPTIONAL);
    return null;
  }

  /**
   * The two wordings of the note about a missing identity, made once: every template converted
   * without --identity gets one.
   */
  private static final String NO_IDENTITY_REQUIRED = noIdentity(true);

  private static final String NO_IDENTITY_OPTIONAL = noIdentity(false);

  private static String noIdentity(boolean required) {
    return "Packer templates have no image template identity, and none was given with --identity,"
        + " so the template has no identity"
        + (required ? " and cannot be submitted until one is added. " : ". ")
        + "Pass --identity with the resource id of a user-assigned managed identity that may"
        + " read the sources and write the image.";
  }

  private static void errorCleanup(Unit u) {
    Optional<Provisioner> cleanup = u.build.errorCleanupProvisioner();
    String key = UsageFilter.key(u.usage);
    if (cleanup.isPresent()
        && UsageFilter.applies(cleanup.get().only(), cleanup.get().except(), key)) {
      u.report.add(
          PackerMapCode.ERROR_CLEANUP_DROPPED,
          cleanup.get().range(),
          "The error-cleanup-provisioner runs only when a build fails; Image Builder has no such"
              + " step, so it was dropped. (With API 2023-07-01 or later,"
              + " errorHandling.onCustomizerError = \"abort\" keeps a failed build VM for"
              + " inspection.)");
    }
  }

  private static void postProcessors(Unit u) {
    String key = UsageFilter.key(u.usage);
    for (List<PostProcessor> chain : u.build.postProcessors()) {
      for (PostProcessor p : chain) {
        if (!UsageFilter.applies(p.only(), p.except(), key)) {
          continue;
        }
        String why =
            switch (p.type()) {
              case "manifest" ->
                  " Image Builder reports the artifacts it made in the run output of each"
                      + " distribute target (runOutputs).";
              case "shell-local" ->
                  " It runs on the machine running Packer; move it to the pipeline that runs the"
                      + " image build.";
              default -> "";
            };
        u.report.add(
            PackerMapCode.POST_PROCESSOR_DROPPED,
            p.range(),
            "Image Builder has no post-processors, so the "
                + p.type()
                + " post-processor was dropped."
                + why);
      }
    }
  }

  /**
   * The last line of defence: a sensitive variable's value that reached the template by a path that
   * lost its mark, or a credential of the converter's environment that reached it by any path. The
   * template is withheld; the value is not shown.
   */
  private static boolean leaksSecret(Unit u, String templateJson) {
    List<String> secrets = u.secrets.variableTexts();
    List<CredentialTexts> credentials = u.secrets.credentials();
    if (secrets.isEmpty() && credentials.isEmpty() && u.secrets.environment().isEmpty()) {
      return false; // nothing to look for, so no need to strip the options
    }
    // What the user passed as options is theirs to publish (an identity id may well contain a
    // subscription id that the template keeps in a sensitive variable). They are cut out without
    // copying the JSON.
    CutText json = new CutText(templateJson);
    try {
      return leaksSecret(u, json, secrets, credentials);
    } finally {
      json.release();
    }
  }

  private static boolean leaksSecret(
      Unit u, CutText json, List<String> secrets, List<CredentialTexts> credentials) {
    for (LowByteSearch option : optionSearches(u.options)) {
      json.cut(option);
    }
    for (String secret : secrets) {
      if (holds(json, secret)) {
        withheld(u, u.secrets.anySecret(), secret);
        return true;
      }
    }
    for (CredentialTexts c : credentials) {
      if (holds(json, c.text())) {
        withheld(u, "the credential setting " + c.setting() + " (written elsewhere too)", c.text());
        return true;
      }
    }
    Optional<EnvironmentCredentials.Entry> environment = u.secrets.environment().foundIn(json);
    if (environment.isPresent()) {
      u.report.add(
          PackerMapCode.SENSITIVE_VALUE,
          u.usage.range(),
          "The image template made from this source would contain the value of the environment"
              + " variable "
              + environment.get().name()
              + " of the process running the converter, whose name says it holds a credential,"
              + " so it was not written. Packer reads such variables at build time and stores"
              + " none; copied while converting, the value would publish the secret of the"
              + " machine or CI job that runs the converter. Find where the template takes it"
              + " from (a file it reads that holds the value, or a variable's default that reads"
              + " the variable with env()) and keep it out of what Image Builder runs: a step can"
              + " fetch a secret on the build VM (from Key Vault, with the VM's identity).");
      return true;
    }
    return false;
  }

  /** The provisioner types whose inline commands become a step's commands. */
  private static final Set<String> COMMAND_TYPES = Set.of("shell", "powershell", "windows-shell");

  /**
   * The inline command of a provisioner of this usage that holds {@code text} (a secret the final
   * scan found), where it is written ({@link FieldPart}); empty when no command holds it as written
   * (a tag, a name, a script's text, a changed value). The secret is most often written into a
   * command (a literal elevated_password passed to a command too), and the build's use of the
   * source, which the scan points at otherwise, left the user of a template of many steps to find
   * it.
   */
  private static Optional<FieldPart> commandHolding(Unit u, String text) {
    String key = UsageFilter.key(u.usage);
    for (Provisioner p : u.build.provisioners()) {
      if (!COMMAND_TYPES.contains(p.type()) || !UsageFilter.applies(p.only(), p.except(), key)) {
        continue;
      }
      Config body = UsageFilter.merged(p.config(u.usage), p.override(), u.usage);
      Optional<Setting> inline = body.setting("inline");
      if (inline.isEmpty() || !holdsText(inline.get().value(), text)) {
        continue;
      }
      Setting s = inline.get();
      Field f =
          new Field(
              "inline",
              s.value(),
              s.nameRange(),
              s.valueRange(),
              s.unknownFrom(),
              s.layout(),
              s.reads());
      return Optional.of(FieldPart.first(f, v -> holdsText(v, text)));
    }
    return Optional.empty();
  }

  private static boolean holdsText(Value v, String text) {
    for (String t : Secrets.texts(v)) {
      if (t.contains(text)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the template's JSON holds {@code secret}, as it is or as JSON escapes it, or as a
   * region's name normalizes it ({@link Secrets#normalizedForm}): a location built from a secret
   * was written in lower case, which the search for the secret as written missed.
   */
  private static boolean holds(CutText json, String secret) {
    Optional<String> normalized = Secrets.normalizedForm(secret);
    return holdsAsWritten(json, secret)
        || (normalized.isPresent() && holdsAsWritten(json, normalized.get()));
  }

  /** Whether the template's JSON holds {@code secret}, as it is or as JSON escapes it. */
  private static boolean holdsAsWritten(CutText json, String secret) {
    String escaped = DocWriter.jsonStringContent(secret);
    // Most secrets need no escaping: then one scan of the template does.
    return json.contains(new LowByteSearch(secret))
        || (!escaped.equals(secret) && json.contains(new LowByteSearch(escaped)));
  }

  private static void withheld(Unit u, String whose, String text) {
    Optional<FieldPart> command = commandHolding(u, text);
    if (command.isPresent()) {
      u.report.add(
          PackerMapCode.SENSITIVE_VALUE,
          command.get().at(),
          command.get().subject()
              + " writes the value of "
              + whose
              + " into a command, so the image template made from this source was not written."
              + " Keep the value out of the command (a step can fetch a secret on the build VM,"
              + " for instance from Key Vault with the VM's identity).");
      return;
    }
    u.report.add(
        PackerMapCode.SENSITIVE_VALUE,
        u.usage.range(),
        "The image template made from this source would contain the value of "
            + whose
            + ", so it was not written. Find where the value is used (a provisioner, a tag, a"
            + " name) and keep it out of what Image Builder runs.");
  }

  /**
   * The searches for the options' texts (as JSON writes them), made for these texts. Only the five
   * texts count: a bulk run gives each template its own options (its conversion root differs), and
   * comparing whole options found them unequal every time.
   */
  private record OptionSearches(
      Optional<String> identity,
      Optional<String> subscription,
      Optional<String> location,
      Optional<String> scriptBaseUri,
      Optional<String> fileBaseUri,
      List<LowByteSearch> searches) {

    boolean madeFor(MapOptions o) {
      return same(identity, o.identity())
          && same(subscription, o.subscription())
          && same(location, o.location())
          && same(scriptBaseUri, o.scriptBaseUri())
          && same(fileBaseUri, o.fileBaseUri());
    }

    private static boolean same(Optional<String> a, Optional<String> b) {
      return a == b || a.equals(b);
    }
  }

  /**
   * The last options' searches: a run maps every template with the same option texts, and building
   * the escaped texts and search tables again for each template was a visible cost in bulk runs. A
   * race between threads only builds them twice.
   */
  private static volatile OptionSearches lastOptionSearches;

  private static List<LowByteSearch> optionSearches(MapOptions options) {
    OptionSearches last = lastOptionSearches;
    if (last != null && last.madeFor(options)) {
      return last.searches();
    }
    List<LowByteSearch> searches = new ArrayList<>();
    for (Optional<String> option :
        List.of(
            options.identity(),
            options.subscription(),
            options.location(),
            options.scriptBaseUri(),
            options.fileBaseUri())) {
      if (option.isPresent() && !option.get().isEmpty()) {
        searches.add(new LowByteSearch(DocWriter.jsonStringContent(option.get())));
      }
    }
    OptionSearches made =
        new OptionSearches(
            options.identity(),
            options.subscription(),
            options.location(),
            options.scriptBaseUri(),
            options.fileBaseUri(),
            List.copyOf(searches));
    lastOptionSearches = made;
    return made.searches();
  }
}
