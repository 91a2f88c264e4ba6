package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Diagnostics;
import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.packer.Build;
import io.github.packer2aib.core.packer.EnvironmentCredentials;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.PostProcessor;
import io.github.packer2aib.core.packer.Provisioner;
import io.github.packer2aib.core.packer.Source;
import io.github.packer2aib.core.packer.SourceUsage;
import io.github.packer2aib.core.packer.UsageGlob;
import io.github.packer2aib.core.packer.UsageSelection;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.TextMemo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a Packer template (the Packer model) to AIB image templates: one per (build × azure-arm
 * source usage), every dropped, rewritten, approximated or refused field explained by a diagnostic
 * at its source location (mapping.md, Part 1). Never throws for bad input.
 */
public final class PackerMapper {
  private PackerMapper() {}

  static final String AZURE_ARM = "azure-arm";

  /** One (build × usage) to convert. */
  /**
   * An azure-arm usage of a build.
   *
   * @param legacy whether the template is legacy JSON (or YAML), whose users know a builder by its
   *     name alone ({@code web}, not {@code azure-arm.web}): the only form Packer's -only takes
   *     there
   */
  private record Candidate(int buildIndex, Build build, SourceUsage usage, boolean legacy) {}

  /**
   * Maps a template.
   *
   * @param template the Packer model from a front end
   * @param options the inputs Packer lacks and the user's choices
   * @param files read-only access to the files provisioners refer to
   */
  public static MapResult map(PackerTemplate template, MapOptions options, FileSystemView files) {
    return map(template, options, files, template.root(), Map.of());
  }

  /** {@link #map(PackerTemplate, MapOptions, FileSystemView, String, Map)} named by its root. */
  public static MapResult map(
      PackerTemplate template,
      MapOptions options,
      FileSystemView files,
      Map<String, String> environment) {
    return map(template, options, files, template.root(), environment);
  }

  /**
   * Maps a template whose file or folder the run names {@code shownRoot} (the input's display
   * name), converted in {@code environment}. Messages name the template's folder, and the files
   * found in it, after that name, not after the absolute path the mapper resolves them with, so
   * that the diagnostics and reports of one tree are the same wherever it is checked out
   * (PKRMAP-E306 named its folder absolute); no image template may hold the value of one of the
   * environment's credentials ({@link EnvironmentCredentials}), and messages mask them.
   *
   * @param environment the environment of the process running the converter (as {@code
   *     PackerOptions.environment} holds it)
   */
  public static MapResult map(
      PackerTemplate template,
      MapOptions options,
      FileSystemView files,
      String shownRoot,
      Map<String, String> environment) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(shownRoot, "shownRoot");
    Report global = new Report();
    Secrets secrets = new Secrets(template, EnvironmentCredentials.of(environment));
    Optional<BaseUri> scriptBase = baseUri(global, SCRIPT_BASE_URIS, options.scriptBaseUri());
    // Both are often the same address; its checks and parts are then the script one's.
    Optional<BaseUri> fileBase =
        scriptBase.isPresent() && options.fileBaseUri().equals(options.scriptBaseUri())
            ? Optional.of(scriptBase.get().named("--file-base-uri"))
            : baseUri(global, FILE_BASE_URIS, options.fileBaseUri());
    LocalFiles localFiles =
        new LocalFiles(files, template.root(), options.conversionRoot(), shownRoot);

    template
        .packer()
        .ifPresent(
            p ->
                global.add(
                    PackerMapCode.PACKER_SETTINGS_IGNORED,
                    p.range(),
                    (UsageFilter.isLegacy(template.syntax())
                            ? "min_packer_version"
                            : "The packer block (required_version, required_plugins)")
                        + " configures Packer itself; Image Builder has no equivalent, so it is"
                        + " not part of the image template."));
    List<Candidate> azure = candidates(template, global);
    checkFilters(template, global);
    List<Candidate> selected = select(template, azure, options, global);

    Map<Candidate, String> names = names(azure, selected, global);
    List<MappedTemplate> templates = new ArrayList<>();
    List<Diagnostic> all = new ArrayList<>(global.all());
    // An unusable option spoils every template; map them anyway to report all problems at once.
    boolean spoiled = global.hasErrors();
    for (Candidate c : selected) {
      Unit unit =
          new Unit(
              template, c.build(), c.usage(), options, secrets, localFiles, scriptBase, fileBase);
      Optional<MappedTemplate> mapped = UnitMapper.map(unit, names.get(c));
      all.addAll(unit.report.all());
      if (!spoiled) {
        mapped.ifPresent(templates::add);
      }
    }
    // Sorted in place: distinct made a fresh list already, so no collector and its copies.
    List<Diagnostic> kept = distinct(all);
    kept.sort(Diagnostics.ORDER);
    // The texts the output was scanned for: the conversion masks them in its messages too.
    return new MapResult(templates, List.copyOf(kept), secrets.allTexts(), azure.size());
  }

  /**
   * The diagnostics without repeats, the first of each kept in place: a provisioner shared by two
   * usages says the same thing twice.
   */
  private static List<Diagnostic> distinct(List<Diagnostic> all) {
    // An open-addressing table of kept index + 1 (0: empty) beside each one's hash, at least
    // twice as long as the diagnostics (never grown): a HashSet made a wrapper, a node and a
    // table per template, a visible share of mapping in the C1 code of bulk runs.
    int n = all.size();
    List<Diagnostic> out = new ArrayList<>(n);
    int size = 8;
    while (size < 2 * n) {
      size <<= 1;
    }
    int[] slots = new int[size];
    int[] hashes = new int[size];
    int mask = size - 1;
    for (int i = 0; i < n; i++) {
      Diagnostic d = all.get(i);
      int h = distinctHash(d);
      int s = (h ^ (h >>> 16)) & mask;
      boolean seen = false;
      for (; slots[s] != 0; s = (s + 1) & mask) {
        if (hashes[s] == h && out.get(slots[s] - 1).equals(d)) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        out.add(d);
        slots[s] = out.size();
        hashes[s] = h;
      }
    }
    return out;
  }

  /**
   * A diagnostic's hash by its summary and where it starts alone (equal diagnostics have equal
   * summaries and places): hashing each one's detail text, which is made anew for each template,
   * was a visible part of mapping.
   */
  private static int distinctHash(Diagnostic d) {
    int h = d.summary().hashCode(); // a constant's, computed once
    return d.subject().isEmpty() ? h : 31 * h + d.subject().get().startOffset();
  }

  private static Optional<BaseUri> baseUri(
      Report r, TextMemo<ParsedBaseUri> parses, Optional<String> text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    ParsedBaseUri parsed = parses.get(text.get());
    if (parsed.uri().isEmpty()) {
      r.add(PackerMapCode.BAD_BASE_URI, null, parsed.problem());
    }
    return parsed.uri();
  }

  /** A base URI option's text, parsed (or what is wrong with it). */
  private record ParsedBaseUri(Optional<BaseUri> uri, String problem) {}

  private static ParsedBaseUri parse(String option, String text) {
    StringBuilder problem = new StringBuilder();
    Optional<BaseUri> uri = BaseUri.parse(option, text, problem);
    return new ParsedBaseUri(uri, problem.toString());
  }

  /**
   * The base URIs parsed, per option: a run maps every template with the same options (or a few,
   * from a settings file), and checking the URL with its patterns again for each template was a
   * visible cost in bulk runs.
   */
  private static final TextMemo<ParsedBaseUri> SCRIPT_BASE_URIS =
      new TextMemo<>(256, text -> parse("--script-base-uri", text));

  private static final TextMemo<ParsedBaseUri> FILE_BASE_URIS =
      new TextMemo<>(256, text -> parse("--file-base-uri", text));

  /** Every azure-arm usage, noting the other sources and unused azure-arm sources. */
  private static List<Candidate> candidates(PackerTemplate template, Report r) {
    List<Candidate> out = new ArrayList<>();
    Set<String> used = new HashSet<>();
    boolean legacy =
        template.syntax() == PackerTemplate.Syntax.LEGACY_JSON
            || template.syntax() == PackerTemplate.Syntax.LEGACY_YAML;
    boolean mistyped = false;
    for (int b = 0; b < template.builds().size(); b++) {
      Build build = template.builds().get(b);
      for (SourceUsage usage : build.sources()) {
        used.add(usage.source().reference());
        String type = usage.source().type();
        if (type.equals(AZURE_ARM)) {
          out.add(new Candidate(b, build, usage, legacy));
          continue;
        }
        // Named only for the messages below: the usual azure-arm source builds no text.
        String which = legacy ? "The builder " + usage.name() : "The source " + usage.reference();
        if (isMistypedAzureArm(type)) {
          mistyped = true;
          r.add(
              PackerMapCode.MISTYPED_AZURE_TYPE,
              usage.range(),
              which
                  + " is of type "
                  + type
                  + ", which is no builder of Packer or of its Azure plugin, so Packer refuses the"
                  + " template ("
                  + (legacy ? "\"Unknown builder " : "\"Unknown source type ")
                  + type
                  + "\"). Did you mean \"azure-arm\"? Correct the type; the converter does not"
                  + " guess it, so nothing is converted until then.");
        } else {
          r.add(
              PackerMapCode.SOURCE_SKIPPED,
              usage.range(),
              which
                  + " is of type "
                  + type
                  + "; only azure-arm sources become image templates, so it was skipped.");
        }
      }
    }
    for (Source s : template.sources()) {
      if (s.type().equals(AZURE_ARM) && !used.contains(s.reference())) {
        r.add(
            PackerMapCode.SOURCE_NOT_BUILT,
            s.range(),
            "The source "
                + s.reference()
                + " is used by no build, so Packer never builds it and it is not converted. List"
                + " it in a build's sources to convert it.");
      }
    }
    // A mistyped azure-arm is the error to fix; that nothing else is azure-arm follows from it.
    if (out.isEmpty() && !mistyped) {
      Range at =
          !template.builds().isEmpty()
              ? template.builds().get(0).range()
              : !template.sources().isEmpty() ? template.sources().get(0).range() : null;
      r.add(
          PackerMapCode.NO_AZURE_SOURCE,
          at,
          "No build uses an azure-arm source, so there is nothing to convert: Azure VM Image"
              + " Builder templates are made from azure-arm sources only.");
    }
    return out;
  }

  /**
   * Whether {@code type} is a misspelt azure-arm ({@code azure-rm}, {@code Azure-arm}, {@code
   * azure_arm}): azure-arm in another case, or at most two edits from it. No builder of Packer or
   * of a known plugin is that close (azure-chroot and azure-dtl are three edits or more away), and
   * Packer refuses a type no plugin provides, so such a type is a typo, not another cloud's builder
   * to skip.
   */
  static boolean isMistypedAzureArm(String type) {
    return !type.equals(AZURE_ARM)
        && (type.equalsIgnoreCase(AZURE_ARM) || Words.distance(type, AZURE_ARM) <= 2);
  }

  /** Whether the --except pattern {@code p} matches a post-processor of the template. */
  private static boolean namesPostProcessor(PackerTemplate template, String p) {
    for (Build b : template.builds()) {
      for (List<PostProcessor> chain : b.postProcessors()) {
        for (PostProcessor pp : chain) {
          if (UsageGlob.matches(p, List.of(pp.name().orElse(pp.type())))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Applies --only/--except, matched like Packer's -only/-except. */
  private static List<Candidate> select(
      PackerTemplate template, List<Candidate> azure, MapOptions options, Report r) {
    UsageSelection selection = options.selection();
    if (selection.isAll()) {
      return azure;
    }
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : azure) {
      // The loader's rule too, which left the bodies only left-out usages use unchecked.
      if (selection.selects(filterNames(c))) {
        out.add(c);
      }
    }
    for (String p : options.only()) {
      if (azure.stream().noneMatch(c -> UsageGlob.matches(p, filterNames(c)))) {
        r.add(
            PackerMapCode.FILTER_MATCHES_NOTHING,
            null,
            "--only "
                + Excerpts.cut(p, 200)
                + UsageGlob.problem(p)
                    .map(why -> invalidGlob(why, "-only") + ".")
                    .orElse(" matches no azure-arm source usage.")
                + " The usages are "
                + Words.and(azure.stream().map(c -> Words.quote(shownName(c))).toList())
                + ".");
      }
    }
    for (String p : options.except()) {
      // Packer's -except skips post-processors by name (their type when they have none) too;
      // Image Builder has none, and each is reported as dropped anyway.
      if (azure.stream().noneMatch(c -> UsageGlob.matches(p, filterNames(c)))
          && !namesPostProcessor(template, p)) {
        r.add(
            PackerMapCode.FILTER_MATCHES_NOTHING,
            null,
            "--except "
                + Excerpts.cut(p, 200)
                + UsageGlob.problem(p)
                    .map(why -> invalidGlob(why, "-except") + ", so it excludes nothing.")
                    .orElse(" matches no azure-arm source usage, so it excludes nothing."));
      }
    }
    if (out.isEmpty() && !azure.isEmpty()) {
      r.add(
          PackerMapCode.NO_USAGE_SELECTED,
          null,
          (options.only().isEmpty()
                  ? "--except"
                  : options.except().isEmpty() ? "--only" : "--only and --except")
              + " leave"
              + (options.only().isEmpty() || options.except().isEmpty() ? "s" : "")
              + " no azure-arm source usage to convert. The usages are "
              + Words.and(azure.stream().map(c -> Words.quote(shownName(c))).toList())
              + ".");
    }
    return out;
  }

  /**
   * The words after a filter pattern Packer cannot compile, {@code why} being the reason: it
   * matches nothing, in Packer (whose -only and -except then select nothing, without a word) and
   * here.
   */
  private static String invalidGlob(String why, String option) {
    return " is no valid glob: " + why + ". It matches nothing (as with Packer's " + option + ")";
  }

  /**
   * The fullest name of a usage that may be shown: {@code build.type.name}, or {@code type.name}
   * when the build's name came from a sensitive value; a legacy builder's name.
   */
  private static String shownName(Candidate c) {
    if (c.legacy()) {
      return c.usage().name();
    }
    Optional<String> build = c.build().name();
    return build.isPresent() && !c.build().isSensitive(build.get())
        ? build.get() + "." + c.usage().reference()
        : c.usage().reference();
  }

  /** The names --only/--except match: {@code build.type.name}, {@code type.name}, {@code name}. */
  private static List<String> filterNames(Candidate c) {
    return UsageSelection.names(c.build().name(), c.usage());
  }

  /** A usage's wanted name, before names are made unique. */
  private record Wanted(Candidate candidate, String base, String name, boolean prefixed) {}

  /**
   * Output names: the usage name, cleaned for file names and Azure (without leading dots, which
   * would hide the output file); {@code <build>.<usage>} where usages of different builds share a
   * name; a numeric suffix for what is still equal. Names are worked out over every azure-arm usage
   * of the template, selected or not, so that --only/--except never change a template's name (in
   * Packer too a build's name does not depend on -only), and compared ignoring case, as Azure
   * compares resource names. A build without a usable name is called {@code build-<n>}; names that
   * come from the template claim theirs before such made-up ones. Notes only for the selected.
   */
  private static Map<Candidate, String> names(
      List<Candidate> azure, List<Candidate> selected, Report r) {
    Map<String, Integer> count = new HashMap<>();
    // The builds each name is used in: one build that lists a source twice is told apart.
    Map<String, Set<Integer>> builds = new HashMap<>();
    // The spellings of each name: Ubuntu and ubuntu are one name to Azure.
    Map<String, Set<String>> spellings = new HashMap<>();
    // Each usage's name cleaned for files and Azure, in the order of azure.
    List<String> stems = new ArrayList<>(azure.size());
    for (Candidate c : azure) {
      String stem = TemplateNames.stem(c.usage().name(), "template");
      stems.add(stem);
      String key = key(stem);
      count.merge(key, 1, Integer::sum);
      builds.computeIfAbsent(key, k -> new HashSet<>()).add(c.buildIndex());
      spellings.computeIfAbsent(key, k -> new HashSet<>()).add(stem);
    }
    List<Wanted> given = new ArrayList<>();
    List<Wanted> madeUp = new ArrayList<>();
    for (int i = 0; i < azure.size(); i++) {
      Candidate c = azure.get(i);
      String base = stems.get(i);
      if (count.get(key(base)) > 1 && builds.get(key(base)).size() > 1) {
        // A build name from a sensitive value would name the file and the template: not used.
        Optional<String> named = c.build().name();
        boolean usable = named.isPresent() && !c.build().isSensitive(named.get());
        String build = usable ? named.get() : "build-" + (c.buildIndex() + 1);
        Wanted w =
            new Wanted(
                c, base, TemplateNames.stem(build + "." + c.usage().name(), "template"), true);
        (usable ? given : madeUp).add(w);
      } else {
        given.add(new Wanted(c, base, base, false));
      }
    }
    // By identity: a candidate's record hash would walk the whole build model.
    Map<Candidate, String> out = new IdentityHashMap<>();
    Map<Candidate, String> because = new IdentityHashMap<>();
    // Lower-case name → the usage that holds it.
    Map<String, Candidate> holders = new HashMap<>();
    given.addAll(madeUp);
    for (Wanted w : given) {
      Candidate c = w.candidate();
      String unique = w.name();
      int n = 2;
      while (holders.putIfAbsent(key(unique), c) != null) {
        String suffix = "-" + n++;
        unique = w.name().substring(0, Math.min(w.name().length(), 64 - suffix.length())) + suffix;
      }
      out.put(c, unique);
      if (!unique.equals(c.usage().name())) {
        because.put(c, renamedBecause(w, unique, holders.get(key(w.name())), out, spellings));
      }
    }
    for (Candidate c : selected) {
      if (because.containsKey(c)) {
        r.add(
            PackerMapCode.TEMPLATE_RENAMED,
            c.usage().range(),
            "The image template made from \""
                + (c.legacy() ? c.usage().name() : c.usage().reference())
                + "\" is named \""
                + out.get(c)
                + "\""
                + because.get(c));
      }
    }
    return out;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * Why the template of {@code w} is named {@code unique}, not after its usage; {@code holder}
   * holds the name it wanted, when that is another usage.
   */
  private static String renamedBecause(
      Wanted w,
      String unique,
      Candidate holder,
      Map<Candidate, String> names,
      Map<String, Set<String>> spellings) {
    String wanted = w.candidate().usage().name();
    String cleaned = TemplateNames.clean(wanted, "template");
    String why;
    if (w.prefixed()) {
      why =
          spellings.get(key(w.base())).size() > 1
              ? ", because another build uses a source name that differs only in case, and Azure"
                  + " resource names ignore case"
              : ", because another build uses the same source name";
    } else if (!cleaned.equals(wanted)) {
      why =
          ": template names may hold only ASCII letters (A-Z, a-z), digits, '-', '_' and '.'"
              + " (at most 64)";
    } else if (!w.base().equals(cleaned)) {
      why = ": the name also names the output file, which must not start with '.' (a hidden file)";
    } else {
      why = null;
    }
    if (!unique.equals(w.name())) {
      String held = names.get(holder);
      String clash;
      if (!held.equals(w.name())) {
        clash =
            "the template made from \""
                + shownName(holder)
                + "\" is named \""
                + held
                + "\", and Azure resource names ignore case";
      } else if (!w.prefixed()
          && holder.buildIndex() == w.candidate().buildIndex()
          && holder.usage().name().equals(wanted)) {
        clash =
            "the build lists the same source name more than once (Packer builds it once for"
                + " each)";
      } else {
        clash = "another template already has the name \"" + held + "\"";
      }
      why = why == null ? ", because " + clash : why + "; and " + clash;
    }
    return why + ".";
  }

  /**
   * Override keys that match no usage of their build: Packer silently ignores them, which usually
   * hides a typo. (only/except entries that match none are the binder's PKR-W056, at the entry;
   * legacy entries are references the loader made from builder names it checked, which match.)
   */
  private static void checkFilters(PackerTemplate template, Report r) {
    for (Build b : template.builds()) {
      if (!hasFilters(b)) {
        continue; // the usual case: no names to gather or check
      }
      List<String> names = new ArrayList<>();
      for (SourceUsage u : b.sources()) {
        names.add(u.name());
      }
      List<Provisioner> all = b.provisioners();
      Optional<Provisioner> cleanup = b.errorCleanupProvisioner();
      // By index, the error-cleanup provisioner last; no copy of the list and no bound method
      // reference (an allocation through a method handle in C1 code) for every template.
      for (int i = 0; i < all.size() + (cleanup.isPresent() ? 1 : 0); i++) {
        Provisioner p = i < all.size() ? all.get(i) : cleanup.get();
        if (p.override().isEmpty()) {
          continue; // the usual case: nothing to check
        }
        for (String k : p.override().keySet().stream().sorted().toList()) {
          if (!names.contains(k) && p.isSensitive(k)) {
            // Neither the key nor a name close to it: either would show the secret.
            r.add(
                PackerMapCode.OVERRIDE_MATCHES_NOTHING,
                p.overrideKeyRange(k),
                "An override key of the "
                    + p.type()
                    + " provisioner comes from a sensitive value, which is not shown, and matches"
                    + " no source of this build, so Packer ignores it. Override keys are source"
                    + " names without the type.");
          } else if (!names.contains(k)) {
            String close = Words.closest(k, names);
            r.add(
                PackerMapCode.OVERRIDE_MATCHES_NOTHING,
                p.overrideKeyRange(k),
                "The override for \""
                    + k
                    + "\" in the "
                    + p.type()
                    + " provisioner matches no source of this build, so Packer ignores it."
                    + (close != null ? " Did you mean \"" + close + "\"?" : "")
                    + " Override keys are source names without the type.");
          }
        }
      }
    }
  }

  /** Whether a provisioner of the build has an override. */
  private static boolean hasFilters(Build b) {
    // By index: no iterators (C1 code); every build of every template comes here.
    List<Provisioner> all = b.provisioners();
    for (int i = 0; i < all.size(); i++) {
      if (!all.get(i).override().isEmpty()) {
        return true;
      }
    }
    Optional<Provisioner> cleanup = b.errorCleanupProvisioner();
    return cleanup.isPresent() && !cleanup.get().override().isEmpty();
  }
}
