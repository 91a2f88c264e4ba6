package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Files that file provisioners put on the VM, and whether their text generalizes it (Sysprep with
 * /generalize, waagent -deprovision), so that a later step running one by its path on the VM
 * ({@code & C:\sysprep.ps1}) is known to generalize (mapping.md §B.8: the command text of the last
 * step is the uploaded script's). Read without diagnostics: the file provisioners report their own
 * problems when they are mapped.
 */
final class UploadedScripts {
  /**
   * A file a file provisioner puts on the VM.
   *
   * @param by the file provisioner that puts it there
   * @param path where it lands on the VM, as the step that runs it would name it
   * @param local the local file it is read from, or null when it is {@code content}
   * @param content the {@code content}, or null when it is a local file
   */
  record Upload(Prov by, String path, String local, String content) {}

  private final List<Prov> provisioners;
  private final Os os;
  private final List<List<Upload>> uploads = new ArrayList<>();
  private final Map<Upload, Boolean> generalizes = new HashMap<>();
  private final boolean any;
  private Boolean anyGeneralizes;

  /**
   * The uploads of {@code provisioners} (the applicable ones, in order). Local files are read when
   * a step is first asked about, through the conversion's memo of their contents, which their file
   * provisioners read anyway (for the checksum).
   */
  UploadedScripts(List<Prov> provisioners, Os os) {
    this.provisioners = provisioners;
    this.os = os;
    boolean found = false;
    for (Prov pr : provisioners) {
      List<Upload> of = pr.p.type().equals("file") ? uploads(pr) : List.of();
      uploads.add(of);
      found |= !of.isEmpty();
    }
    this.any = found;
  }

  /**
   * The generalizing upload of a provisioner before {@code index} that the inline commands of the
   * provisioner at {@code index} run, if any.
   */
  Optional<Upload> runBy(int index) {
    // Every step is asked (PKRMAP-W404 for one before the last), but almost no upload generalizes:
    // then no command needs searching for the uploads' paths, which was 5% of a JSON bulk run.
    if (!any || !anyGeneralizes()) {
      return Optional.empty();
    }
    Optional<List<String>> commands = inline(provisioners.get(index));
    if (commands.isEmpty()) {
      return Optional.empty();
    }
    // The latest upload to a path is the file there: an earlier one to the same path is not run.
    Set<String> shadowed = new HashSet<>();
    List<String> searched = searchable(commands.get());
    for (int j = index - 1; j >= 0; j--) {
      for (Upload up : uploads.get(j)) {
        if (runs(commands.get(), searched, up) && shadowed.add(key(up.path())) && generalizes(up)) {
          return Optional.of(up);
        }
      }
    }
    return Optional.empty();
  }

  /** A path as the VM tells paths apart: on Windows in any case and with either separator. */
  private String key(String path) {
    return os == Os.WINDOWS ? path.replace('/', '\\').toLowerCase(Locale.ROOT) : path;
  }

  /** Whether any upload's text generalizes the VM (worked out once). */
  private boolean anyGeneralizes() {
    if (anyGeneralizes == null) {
      boolean found = false;
      for (List<Upload> of : uploads) {
        for (Upload up : of) {
          found |= generalizes(up);
        }
      }
      anyGeneralizes = found;
    }
    return anyGeneralizes;
  }

  /** Whether the text of an upload generalizes the VM (read once). */
  private boolean generalizes(Upload up) {
    Boolean known = generalizes.get(up);
    if (known == null) {
      known =
          up.local() != null
              ? Generalization.fileMentions(up.by().u.files, up.local(), language(up))
              : Generalization.mentions(up.content(), language(up));
      generalizes.put(up, known);
    }
    return known;
  }

  /** The language of an upload's text, by where it lands on the VM. */
  private CommandLanguage language(Upload up) {
    return CommandLanguage.ofScript(up.path(), os);
  }

  /** Whether one of {@code commands} names the path of {@code up}. */
  boolean runs(List<String> commands, Upload up) {
    return runs(commands, searchable(commands), up);
  }

  /** {@link #runs(List, Upload)} with the {@link #searchable} forms of the commands. */
  private boolean runs(List<String> commands, List<String> searched, Upload up) {
    for (int i = 0; i < commands.size(); i++) {
      if (names(commands.get(i), searched.get(i), up.path())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The commands as a path is looked for in them: on Windows in small letters, the case a path's
   * file name is looked for in ({@link #names}).
   */
  List<String> searchable(List<String> commands) {
    if (os != Os.WINDOWS) {
      return commands;
    }
    List<String> out = new ArrayList<>(commands.size());
    for (String c : commands) {
      out.add(c.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** The inline commands of a shell, powershell or windows-shell provisioner, when known. */
  static Optional<List<String>> inline(Prov pr) {
    Optional<Setting> inline = pr.inlineCommands();
    if (inline.isEmpty() || !inline.get().value().isWhollyKnown()) {
      return Optional.empty();
    }
    return Optional.of(Secrets.texts(inline.get().value()));
  }

  /**
   * Whether a command runs {@code path}: names it (on Windows in any case and with either
   * separator), not as part of a longer name ({@code C:\sysprep.ps1.bak}, {@code /var/tmp/x.sh} for
   * {@code /tmp/x.sh}), where a command starts or after a word that runs a script ({@code &},
   * {@code .}, {@code sudo}, {@code bash}, {@code powershell -File}, {@code cmd /c}); a command
   * that only removes or copies the file ({@code Remove-Item C:\sysprep.ps1}) does not run it.
   */
  boolean names(String command, String searched, String path) {
    boolean windows = os == Os.WINDOWS;
    int n = path.length();
    // Every step of a template is asked about every upload before it: the path's file name, which
    // holds no separator, is found by indexOf (a scan per position and upload was a tenth of a bulk
    // run's time), and the whole path is compared where it would start. A file name outside ASCII,
    // or a command whose small letters have another length, is scanned position by position (as
    // the tests do, with an empty searched text).
    int cut = Math.max(path.lastIndexOf('/'), windows ? path.lastIndexOf('\\') : -1) + 1;
    String name = windows ? path.substring(cut).toLowerCase(Locale.ROOT) : path.substring(cut);
    boolean byName = !name.isEmpty() && isAscii(name) && searched.length() == command.length();
    for (int at = byName ? nextByName(searched, name, cut, 0) : 0;
        at >= 0 && at + n <= command.length();
        at = byName ? nextByName(searched, name, cut, at + 1) : at + 1) {
      if (!matchesAt(command, at, path, windows)) {
        continue;
      }
      int end = at + n;
      boolean before =
          at == 0
              || !isNameCharacter(command.charAt(at - 1)) && !isSeparator(command.charAt(at - 1));
      boolean after = end == command.length() || !isNameCharacter(command.charAt(end));
      if (before && after && runsAt(command, at)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first place from {@code from} where a path whose file name {@code name} starts {@code cut}
   * characters in may stand, or -1.
   */
  private static int nextByName(String searched, String name, int cut, int from) {
    int hit = searched.indexOf(name, from + cut);
    return hit < 0 ? -1 : hit - cut;
  }

  /** Words after which a path is run (in small letters, without quotes). */
  private static final Set<String> RUNNERS =
      Set.of(
          ".",
          "call",
          "source",
          "exec",
          "sh",
          "bash",
          "/bin/sh",
          "/bin/bash",
          "sudo",
          "-e",
          "-h",
          "-s",
          "-c",
          "cmd",
          "cmd.exe",
          "/c",
          "/k",
          "powershell",
          "powershell.exe",
          "pwsh",
          "pwsh.exe",
          "-file",
          "-filepath",
          "-command",
          "start-process",
          "invoke-expression",
          "iex");

  /** Whether the path at {@code at} of {@code command} starts a command or follows a runner. */
  private static boolean runsAt(String command, int at) {
    int k = at;
    while (k > 0 && isQuoteOrBlank(command.charAt(k - 1))) {
      k--;
    }
    if (k == 0) {
      return true;
    }
    char last = command.charAt(k - 1);
    if (last == '&' || last == ';' || last == '|' || last == '(' || last == '{') {
      return true;
    }
    int start = k;
    while (start > 0 && !Character.isWhitespace(command.charAt(start - 1))) {
      start--;
    }
    String word = command.substring(start, k);
    while (!word.isEmpty() && isQuoteOrBlank(word.charAt(0))) {
      word = word.substring(1);
    }
    return RUNNERS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static boolean isQuoteOrBlank(char c) {
    return c == '"' || c == '\'' || c == ' ' || c == '\t';
  }

  /** Whether {@code path} stands at {@code at}; on Windows in any case, either separator. */
  private static boolean matchesAt(String text, int at, String path, boolean windows) {
    if (!windows) {
      return text.startsWith(path, at);
    }
    for (int k = 0; k < path.length(); k++) {
      char a = text.charAt(at + k);
      char b = path.charAt(k);
      if (isSeparator(a) && isSeparator(b)) {
        continue;
      }
      if (Character.toLowerCase(a) != Character.toLowerCase(b)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) { // no stream: C1 code, per step and upload
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSeparator(char c) {
    return c == '/' || c == '\\';
  }

  private static boolean isNameCharacter(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
  }

  /** The files a file provisioner puts on the VM (local files resolved, not read). */
  private List<Upload> uploads(Prov pr) {
    Optional<String> direction = text(pr, "direction");
    if (direction.isPresent() && !direction.get().equalsIgnoreCase("upload")) {
      return List.of();
    }
    Optional<String> dest = text(pr, "destination");
    if (dest.isEmpty() || dest.get().isEmpty()) {
      return List.of();
    }
    Optional<String> content = text(pr, "content");
    if (content.isPresent()) {
      return List.of(new Upload(pr, linuxPath(pr, dest.get(), false), null, content.get()));
    }
    List<String> sources = new ArrayList<>();
    Optional<Setting> many = pr.config.setting("sources");
    if (many.isPresent()) {
      Value v = many.get().value();
      if (!v.isWhollyKnown() || v.deepMarks().contains(Mark.SENSITIVE)) {
        return List.of();
      }
      sources.addAll(Secrets.texts(v));
    } else {
      text(pr, "source").ifPresent(sources::add);
    }
    String destination = linuxPath(pr, dest.get(), FileProvisioner.intoFolder(pr, sources));
    List<Upload> out = new ArrayList<>();
    for (String source : sources) {
      if (FileProvisioner.isUrl(source) || LocalFiles.nameless(source)) {
        continue;
      }
      LocalFiles.Resolved r = pr.u.files.resolve(source);
      if (r.kind() == FileSystemView.Kind.FILE) {
        String name = LocalFiles.fileName(r.path());
        out.add(
            new Upload(
                pr, FileProvisioner.target(destination, name, sources.size() > 1), r.path(), null));
      }
    }
    return out;
  }

  /** A setting's text when it is a known string from no sensitive value. */
  /**
   * A destination as the file provisioner places it ({@link FileProvisioner#fromHome}): on Linux
   * from the home directory or with a leading variable expanded where Packer's scp expands it.
   */
  private String linuxPath(Prov pr, String dest, boolean folder) {
    return os == Os.LINUX
        ? FileProvisioner.fromHome(dest, !FileProvisioner.overSftp(pr), folder)
        : dest;
  }

  private static Optional<String> text(Prov pr, String key) {
    Optional<Setting> s = pr.config.setting(key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Value v = s.get().value();
    if (v.isSensitive()) {
      return Optional.empty();
    }
    Value u = v.unmarked();
    // A string-typed null (a variable of type string whose default is null) has no text.
    return u.isKnown() && !u.isNull() && u.type() == Type.STRING
        ? Optional.of(u.asString())
        : Optional.empty();
  }
}
