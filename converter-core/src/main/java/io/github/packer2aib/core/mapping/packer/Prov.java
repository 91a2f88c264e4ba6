package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.Provisioner;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One provisioner being mapped for one usage: its merged fields and what its mapper needs. */
final class Prov {
  final Unit u;
  final Provisioner p;

  /** The body with the usage's override merged in. */
  final Config config;

  final Fields f;

  /** 1-based position among the provisioners that apply to the usage; names temporary files. */
  final int index;

  Prov(Unit u, Provisioner p, Config config, int index) {
    this.u = u;
    this.p = p;
    this.config = config;
    // The override's settings reach the plugin as a second raw configuration, decoded weakly.
    Config override = p.override().get(u.usage.name());
    this.f =
        Fields.of(config, "", u.report, u.secrets)
            .typed(u.typing(), override == null ? Set.of() : Set.copyOf(override.names()));
    this.index = index;
  }

  /** The same provisioner with another body (for a generalization step split in two). */
  Prov withConfig(Config other) {
    return new Prov(u, p, other, index);
  }

  Range range() {
    return p.range();
  }

  /**
   * The customizer name: the provisioner's own name, if it has one that did not come from a
   * sensitive value (which {@link Provisioners} refuses).
   */
  String name() {
    String name = p.name().orElse(null);
    return name == null || p.isSensitive(name) ? null : name;
  }

  /** "the shell provisioner", for messages. */
  String what() {
    return "the " + p.type() + " provisioner";
  }

  /** "The shell provisioner", to start a sentence. */
  String whatCapitalized() {
    return "The " + p.type() + " provisioner";
  }

  /**
   * The {@code inline} setting of a provisioner that runs commands ({@code shell}, {@code
   * powershell}, {@code windows-shell}); empty for other types.
   */
  Optional<Setting> inlineCommands() {
    String type = p.type();
    return type.equals("shell") || type.equals("powershell") || type.equals("windows-shell")
        ? config.setting("inline")
        : Optional.empty();
  }

  Report report() {
    return u.report;
  }

  /** Reports a field that is dropped because it has no use in Image Builder (a note). */
  void dropNote(String key, String why) {
    if (f.has(key)) {
      f.consume(key);
      u.report.add(
          PackerMapCode.FIELD_DROPPED, f.nameRange(key), Words.concat(key, " was dropped: ", why));
    }
  }

  /** Reports a field whose effect Image Builder cannot reproduce (a warning). */
  void dropWarning(String key, String why) {
    if (f.has(key)) {
      f.consume(key);
      u.report.add(
          PackerMapCode.NO_EQUIVALENT, f.nameRange(key), Words.concat(key, " was dropped: ", why));
    }
  }

  /** Reports a credential that is never copied. */
  void dropCredential(String key) {
    if (f.has(key)) {
      f.consume(key);
      u.report.add(
          PackerMapCode.CREDENTIAL_DROPPED,
          f.nameRange(key),
          Words.concat(
              key,
              " is a credential; credentials are never copied into the image template, and Image"
                  + " Builder runs its steps with its own build user."));
    }
  }

  /** The settings of a provisioner block that Packer reads itself, not its plugin. */
  private static final Set<String> BLOCK_SETTINGS =
      Set.of("pause_before", "max_retries", "timeout", "only", "except", "override");

  /**
   * Reports every field nobody read, suggesting a near known name ({@link UnknownFields}): an error
   * for a provisioner built into Packer, whose fields {@code known} lists completely, else a
   * warning.
   */
  void unknownFields(List<String> known) {
    List<Fields.Leftover> leftovers = f.leftovers();
    boolean core = UnknownFields.CORE_PROVISIONERS.contains(p.type());
    PackerMapCode code = core ? PackerMapCode.FIELD_PACKER_REFUSES : PackerMapCode.UNKNOWN_FIELD;
    for (int i = 0; i < leftovers.size(); i++) { // by index: no iterator (C1 code)
      Fields.Leftover l = leftovers.get(i);
      if (core && UnknownFields.PACKER_CONFIG.contains(l.key())) {
        u.report.add(
            PackerMapCode.FIELD_DROPPED, l.range(), UnknownFields.packerConfigDropped(l.name()));
        continue;
      }
      if (BLOCK_SETTINGS.contains(l.key())) {
        // The block's own settings never reach the body; one here came through an override.
        u.report.add(
            code,
            l.range(),
            l.key()
                + " is a setting of the provisioner block itself, but an override's fields go to"
                + " the settings of "
                + what()
                + ", which have no "
                + l.key()
                + ", so Packer refuses the template (\""
                + UnknownFields.packerSays(f, l)
                + "\")"
                + (core ? "." : "; it was dropped.")
                + " Set it on the provisioner block, in a provisioner of its own with only or"
                + " except if it is meant for one source.");
        continue;
      }
      String close = Words.closest(l.key(), known);
      u.report.add(
          code,
          l.range(),
          core
              ? UnknownFields.refused(f, l, whatCapitalized(), l.name(), close)
              : UnknownFields.unknown(
                  f,
                  l,
                  "the field " + l.name() + " of " + what(),
                  "the plugin that provides the " + p.type() + " provisioner",
                  close,
                  ""));
    }
  }

  /**
   * The script sources: {@code inline}, {@code script} or {@code scripts}, exactly one of which
   * must be set (as Packer requires).
   */
  Optional<Commands> commands(String destination) {
    // The first source set, and a list only when there are more (a conflict): every step comes
    // here, nearly always with exactly one.
    String first = null;
    List<String> set = null;
    for (int i = 0; i < SCRIPT_SOURCES.size(); i++) {
      String k = SCRIPT_SOURCES.get(i);
      if (f.has(k)) {
        if (first == null) {
          first = k;
        } else {
          if (set == null) {
            set = new ArrayList<>();
            set.add(first);
          }
          set.add(k);
        }
      }
    }
    if (set != null) {
      u.report.add(
          PackerMapCode.CONFLICTING_FIELDS,
          f.nameRange(set.get(1)),
          whatCapitalized()
              + " takes exactly one of inline, script and scripts, but "
              + Words.and(set)
              + " are set. Keep one of them (or split the provisioner in two).",
          f.nameRange(set.get(0)),
          set.get(0) + " set here");
      f.consume("inline");
      f.consume("script");
      f.consume("scripts");
      return Optional.empty();
    }
    if (first == null) {
      // A list written but empty is not set (as Packer decodes it); saying that none is written
      // would send the user looking for a missing line (scripts = [for f in fileset(...) : ...]
      // over a pattern that matched no file).
      String empty = null;
      for (String k : SCRIPT_SOURCES) {
        if (empty == null && f.written(k)) {
          empty = k;
        }
      }
      f.consume("inline");
      f.consume("script");
      f.consume("scripts");
      if (empty != null) {
        u.report.add(
            PackerMapCode.NOTHING_TO_RUN,
            f.nameRange(empty),
            whatCapitalized()
                + " has nothing to run: its "
                + empty
                + " is empty. Give it commands or scripts, or remove the provisioner (an empty"
                + " list may come from a fileset() that matched no file).");
        return Optional.empty();
      }
      u.report.add(
          PackerMapCode.NOTHING_TO_RUN,
          range(),
          whatCapitalized() + " has no inline commands, script or scripts. Add one of them.");
      return Optional.empty();
    }
    String k = first;
    Range at = f.nameRange(k);
    if (k.equals("inline")) {
      Optional<List<String>> lines = f.strings("inline", destination);
      if (lines.isPresent() && lines.get().isEmpty()) {
        u.report.add(
            PackerMapCode.NOTHING_TO_RUN,
            at,
            whatCapitalized()
                + " has an empty inline list. Add commands, or remove the provisioner.");
        return Optional.empty();
      }
      // No Optional chains here: every step comes here, and in C1 code each capturing lambda is
      // an allocation through a method handle.
      if (lines.isEmpty()) {
        return Optional.empty();
      }
      Field inline = f.take("inline").get();
      Range listAt = inline.valueRange();
      if (!UnfitCharacters.commandsFit(this, lines.get(), inline)) {
        return Optional.empty();
      }
      TemplateFields.check(this, lines.get(), inline);
      return Optional.of(new Commands(lines.get(), List.of(), at, listAt, inline));
    }
    List<String> paths;
    if (k.equals("script")) {
      Optional<String> path = f.string("script", SCRIPT_DESTINATION);
      paths = path.isPresent() ? List.of(path.get()) : null;
    } else {
      paths = f.strings("scripts", SCRIPT_DESTINATION).orElse(null);
    }
    if (paths == null) {
      return Optional.empty();
    }
    return Optional.of(new Commands(List.of(), paths, at, f.valueRange(k), null));
  }

  /** The fields that give a step's commands (a constant: no list per step). */
  private static final List<String> SCRIPT_SOURCES = List.of("inline", "script", "scripts");

  /** A script's path names its file in the template (scriptUri, or the file the step writes). */
  static final String SCRIPT_DESTINATION = "the step that runs the script (its scriptUri or path)";

  /**
   * Inline commands or local script paths, and where they are written.
   *
   * @param field the inline field, which knows where each command is written; null for scripts
   */
  record Commands(
      List<String> inline, List<String> scripts, Range nameRange, Range valueRange, Field field) {
    boolean isInline() {
      return scripts.isEmpty();
    }

    /**
     * {@code step} with each inline command located where it is written, as command {@code first +
     * k} of the step's inline list: a message about one command of a step (a credential or a shared
     * access signature in it) then points at that command, not at the list's bracket.
     */
    Step locatingEach(Step step, int first) {
      if (field == null) {
        return step;
      }
      Step out = step;
      for (int k = 0; k < inline.size(); k++) {
        Optional<Range> at = field.elementRange(k);
        if (at.isEmpty()) {
          return step; // not written out as a list (inline = var.commands): the list it is
        }
        out = out.with("/inline/" + (first + k), at.get());
      }
      return out;
    }
  }
}
