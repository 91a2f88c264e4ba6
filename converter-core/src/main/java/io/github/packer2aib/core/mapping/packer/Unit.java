package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.aib.Capabilities;
import io.github.packer2aib.core.packer.Build;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.SourceUsage;
import io.github.packer2aib.core.source.Range;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the mapping of one source usage shares: the inputs, the diagnostics, and the facts the
 * builder fields establish for the provisioners (operating system, location, subscription).
 */
final class Unit {
  final PackerTemplate template;
  final Build build;
  final SourceUsage usage;
  final MapOptions options;
  final ApiVersion api;
  final Report report = new Report();
  final Secrets secrets;
  final Trace trace;
  final LocalFiles files;
  final Optional<BaseUri> scriptBase;
  final Optional<BaseUri> fileBase;

  /** The upload addresses given out so far ({@link UploadUris}). */
  final UploadUris uploads = new UploadUris();

  Os os = Os.LINUX;

  /** Whether {@link #os} was guessed from the provisioners (os_type missing or invalid). */
  boolean osGuessed;

  String location;

  /** The template's {@code subscription_id}, if any, and the fields it was read from. */
  Optional<Field> subscriptionField = Optional.empty();

  Fields subscriptionFields;
  private boolean subscriptionExplained;

  /** Whether the note on how inline shell commands are assumed to run was given (once). */
  boolean inlineAssumptionSaid;

  /** The relative paths already said to name two different things ({@link LocalFile}). */
  final Set<String> twoPlacesSaid = new HashSet<>();

  /** The subscription ids already found not to be GUIDs: each is said once per source usage. */
  private final Set<String> oddSubscriptions = new HashSet<>();

  Unit(
      PackerTemplate template,
      Build build,
      SourceUsage usage,
      MapOptions options,
      Secrets secrets,
      LocalFiles files,
      Optional<BaseUri> scriptBase,
      Optional<BaseUri> fileBase) {
    this.template = template;
    this.build = build;
    this.usage = usage;
    this.options = options;
    this.api = options.apiVersion();
    this.secrets = secrets;
    this.trace = new Trace(usage.range());
    this.files = files;
    this.scriptBase = scriptBase;
    this.fileBase = fileBase;
  }

  /** How Packer types the values of this template's bodies. */
  Fields.Typing typing() {
    return switch (template.syntax()) {
      case HCL2 -> Fields.Typing.HCL_NATIVE;
      case HCL2_JSON -> Fields.Typing.HCL_JSON;
      case LEGACY_JSON -> Fields.Typing.WEAK;
      case LEGACY_YAML -> Fields.Typing.WEAK_YAML;
    };
  }

  /** Whether the target API version has a feature ({@link Capabilities} path). */
  boolean supports(String feature) {
    return Capabilities.supports(feature, api);
  }

  /** The versions that have a feature, in words ("from API version 2022-07-01"). */
  static String availability(String feature) {
    return Capabilities.describeAvailabilityInApiVersions(feature);
  }

  /**
   * The subscription for a resource id that {@code field} needs: the template's {@code
   * subscription_id}, else {@code --subscription}; an error naming the field when neither exists.
   */
  Optional<String> subscription(String field, Range at) {
    if (subscriptionField.isPresent()) {
      Field sub = subscriptionField.get();
      if (!sub.value().containsSensitive()) {
        Optional<String> text = subscriptionFields.text(sub, null);
        text.ifPresent(t -> checkSubscriptionId(t, "subscription_id", sub.valueRange()));
        return text;
      }
      // A sensitive subscription_id is not copied; an explicit --subscription is.
      if (!subscriptionExplained) {
        subscriptionExplained = true;
        if (options.subscription().isPresent()) {
          report.add(
              PackerMapCode.FIELD_REWRITTEN,
              sub.nameRange(),
              "subscription_id comes from "
                  + secrets.origin(sub.value(), sub.reads())
                  + ", so it is not copied into the resource ids of the template; they use the"
                  + " subscription given with --subscription instead.");
        } else {
          secrets.refuse(
              report,
              sub.value(),
              sub.reads(),
              "subscription_id",
              sub.valueRange(),
              "the resource ids of the template (such as that of " + field + ")");
          report.add(
              PackerMapCode.NO_SUBSCRIPTION,
              at,
              sensitiveSubscription(field, "the source's subscription_id"));
        }
      }
      return options.subscription();
    }
    if (options.subscription().isPresent()) {
      return options.subscription();
    }
    if (subscriptionFields != null
        && subscriptionFields.written("subscription_id")
        && !subscriptionFields.has("subscription_id")) {
      // subscription_id = var.subscription_id, which a var file sets to "": at that line, which
      // "the source has no subscription_id" sent the reader looking for; the field that needs the
      // id is the related place.
      report.add(
          PackerMapCode.NO_SUBSCRIPTION,
          subscriptionFields.nameRange("subscription_id"),
          "The resource id for "
              + field
              + " needs a subscription id, but "
              + BuilderChecks.absentOrEmpty(subscriptionFields, List.of("subscription_id"))
              + " Or pass --subscription.",
          at,
          "the resource id for " + field + " needs it");
      return Optional.empty();
    }
    report.add(
        PackerMapCode.NO_SUBSCRIPTION,
        at,
        "The resource id for "
            + field
            + " needs a subscription id, but the source has no subscription_id (Packer would use"
            + " the subscription you are logged in to). Set subscription_id in the source or pass"
            + " --subscription.");
    return Optional.empty();
  }

  /**
   * The subscription a nested block names for a resource id ({@code
   * shared_image_gallery_destination.subscription}, {@code shared_image_gallery.subscription}). A
   * sensitive one is not copied: when it is the subscription given with --subscription, that one is
   * written instead (which adds nothing secret to the template), as for a sensitive {@code
   * subscription_id}; otherwise it is refused, and without --subscription the error says how to
   * give it.
   *
   * @param block the nested block, as in {@code shared_image_gallery_destination}
   * @param destination where the subscription is written, as in {@code
   *     properties.distribute[].galleryImageId}
   */
  Optional<String> nestedSubscription(Fields nested, String block, String destination) {
    Optional<Field> written = nested.take("subscription");
    if (written.isEmpty() || !written.get().value().containsSensitive()) {
      return nested.string("subscription", destination);
    }
    Field sub = written.get();
    Optional<String> given = options.subscription();
    if (given.isPresent() && given.equals(nested.text(sub, null))) {
      report.add(
          PackerMapCode.FIELD_REWRITTEN,
          sub.nameRange(),
          sub.name()
              + " comes from "
              + secrets.origin(sub.value(), sub.reads())
              + ", so it is not copied into "
              + destination
              + "; it is the subscription given with --subscription, which is written instead.");
      return given;
    }
    Optional<String> refused = nested.string("subscription", destination);
    if (given.isEmpty()) {
      report.add(
          PackerMapCode.NO_SUBSCRIPTION,
          sub.valueRange(),
          sensitiveSubscription(block, sub.name()));
    }
    return refused;
  }

  /**
   * What to do when the subscription {@code field} of the resource id for {@code resource} is
   * sensitive.
   */
  private static String sensitiveSubscription(String resource, String field) {
    return "The resource id for "
        + resource
        + " needs a subscription id, and "
        + field
        + " is sensitive. Pass the subscription with --subscription (it is then written into the"
        + " template), or make the variable non-sensitive.";
  }

  /**
   * Warns when a subscription id that goes into resource ids is not a GUID. Packer checks it only
   * when it signs in, so templates keep placeholders such as "<subscription_id>" or
   * "xxxxxxxx-xxxx-…" that convert into ids Azure refuses when the image template is created.
   */
  void checkSubscriptionId(String id, String field, Range at) {
    if (GUID.matcher(id).matches() || !oddSubscriptions.add(id)) {
      return;
    }
    report.add(
        PackerMapCode.SUBSCRIPTION_NOT_A_GUID,
        at,
        field
            + " is \""
            + id
            + "\", which is not a subscription id: Azure's are GUIDs such as"
            + " 00000000-0000-0000-0000-000000000000, so the resource ids of the image template"
            + " built from it will be refused. Set the subscription's id.");
  }

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
}
