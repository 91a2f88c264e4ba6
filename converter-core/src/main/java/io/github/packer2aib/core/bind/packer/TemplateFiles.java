package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.HostFile;
import io.github.packer2aib.core.source.OtherEncodings;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and reads the files of a template, through the caller's {@link FileSystemView} only. As
 * Packer's {@code GetHCL2Files}: a file is read when its name ends in {@code .pkr.hcl} or {@code
 * .pkr.json}; a folder gives every such file directly in it (not in subfolders), the HCL ones
 * first, each group in lexical order, and likewise its {@code *.auto.pkrvars.hcl} and {@code
 * *.auto.pkrvars.json} files.
 */
final class TemplateFiles {
  static final String HCL = ".pkr.hcl";
  static final String JSON = ".pkr.json";
  static final String AUTO_VARS_HCL = ".auto.pkrvars.hcl";
  static final String AUTO_VARS_JSON = ".auto.pkrvars.json";

  /**
   * A file to read: where it is, how the user sees it, which syntax it is in, and whether the user
   * named it (a template file given as the input, a {@code --var-file}) rather than it being found
   * in a template's folder, which decides how it is judged as a file of the machine running the
   * converter ({@link #hostFile}).
   */
  record FileRef(String absolutePath, String displayName, boolean json, boolean named) {}

  /**
   * What an input holds.
   *
   * @param directory whether the input is a folder
   * @param configFiles the template files, HCL first
   * @param autoVarFiles the automatically loaded var files, HCL first
   */
  record Discovery(boolean directory, List<FileRef> configFiles, List<FileRef> autoVarFiles) {}

  private final FileSystemView fs;

  TemplateFiles(FileSystemView fs) {
    this.fs = fs;
  }

  /** The files of {@code input}; problems are reported and give an empty discovery. */
  Discovery discover(PackerInput input, String absolutePath, List<Diagnostic> out) {
    FileSystemView.Kind kind = fs.kind(absolutePath);
    if (kind == FileSystemView.Kind.MISSING) {
      out.add(cannotRead(input.displayName(), fs.whyNotAFile(absolutePath)));
      return new Discovery(false, List.of(), List.of());
    }
    if (kind == FileSystemView.Kind.FILE) {
      String name = baseName(absolutePath);
      // A lone file given by the user: *.pkr.hcl, *.pkr.json, or any other *.json the caller found
      // to hold HCL's JSON syntax by its content (top-level source/build/variable blocks).
      if (name.endsWith(HCL) || name.endsWith(".json")) {
        return new Discovery(
            false,
            List.of(new FileRef(absolutePath, input.displayName(), name.endsWith(".json"), true)),
            List.of());
      }
      out.add(
          noConfig(
              input.displayName()
                  + " is not a Packer HCL2 template: the name of a template file ends in "
                  + HCL
                  + " or "
                  + JSON
                  + ". Give such a file, or the folder that holds the template's files."));
      return new Discovery(false, List.of(), List.of());
    }
    List<String> names;
    try {
      names = new ArrayList<>(fs.list(absolutePath));
    } catch (IOException e) {
      out.add(cannotRead(input.displayName(), FileSystemView.reason(e)));
      return new Discovery(true, List.of(), List.of());
    }
    // Go's ReadDir order: by name, byte-wise (UTF-8 order is code point order).
    names.sort(io.github.packer2aib.core.hcl.value.Strings.CODE_POINT_ORDER);
    String prefix =
        input.displayName().endsWith("/") ? input.displayName() : input.displayName() + "/";
    List<FileRef> config = new ArrayList<>();
    List<FileRef> vars = new ArrayList<>();
    int unreadable = out.size();
    collect(absolutePath, prefix, names, HCL, false, config, out);
    collect(absolutePath, prefix, names, JSON, true, config, out);
    // A folder whose template files all failed to read has them: PKR-E002 said why, and "holds no
    // such file" after it would contradict it.
    boolean someUnreadable = out.size() > unreadable;
    collect(absolutePath, prefix, names, AUTO_VARS_HCL, false, vars, out);
    collect(absolutePath, prefix, names, AUTO_VARS_JSON, true, vars, out);
    if (config.isEmpty() && !someUnreadable) {
      out.add(
          noConfig(
              "The folder "
                  + input.displayName()
                  + " holds no file whose name ends in "
                  + HCL
                  + " or "
                  + JSON
                  + ". Give a folder that holds the template's files (subfolders are not read),"
                  + " or one template file."
                  + otherTemplates(absolutePath, names)));
    }
    return new Discovery(true, config, vars);
  }

  /**
   * A hint for a folder without HCL2 files that holds other inputs: a folder of legacy JSON or AIB
   * YAML templates (one template per file) or of template folders is a common first try, and "holds
   * no such file" alone left users guessing that such files must be named, or the tree given to
   * {@code -r}. Asked only on this error path, so the extra look at the folder costs nothing else.
   */
  private String otherTemplates(String dir, List<String> names) {
    List<String> files = new ArrayList<>();
    int folders = 0;
    for (String name : names) {
      String path = dir.endsWith("/") ? dir + name : dir + "/" + name;
      FileSystemView.Kind kind = fs.kind(path);
      if (kind == FileSystemView.Kind.DIRECTORY && !name.startsWith(".")) {
        folders++;
      } else if (kind == FileSystemView.Kind.FILE
          && (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml"))) {
        files.add(name);
      }
    }
    if (!files.isEmpty()) {
      return " It holds "
          + files.get(0)
          + (files.size() == 1
              ? ""
              : " and "
                  + (files.size() - 1)
                  + " more JSON or YAML file"
                  + (files.size() == 2 ? "" : "s"))
          + ": a legacy JSON or AIB template is one file, so name "
          + (files.size() == 1 ? "it" : "them")
          + ", or give the folder with -r (convert -r, validate -r) to take every template below"
          + " it.";
    }
    if (folders > 0) {
      return " It holds "
          + folders
          + (folders == 1 ? " subfolder" : " subfolders")
          + ": give the folder with -r (convert -r, validate -r) to take every template below it.";
    }
    return "";
  }

  private void collect(
      String dir,
      String prefix,
      List<String> names,
      String suffix,
      boolean json,
      List<FileRef> to,
      List<Diagnostic> out) {
    for (String name : names) {
      if (!name.endsWith(suffix)) {
        continue;
      }
      String path = dir.endsWith("/") ? dir + name : dir + "/" + name;
      FileSystemView.Kind kind = fs.kind(path);
      if (kind == FileSystemView.Kind.FILE) {
        to.add(new FileRef(path, prefix + name, json, false));
      } else if (kind == FileSystemView.Kind.MISSING) {
        // A broken link, a pipe or a device: Packer skips only folders, and fails on (or waits
        // for) such an entry; converting the folder without it could drop part of the template.
        out.add(
            Diagnostic.of(
                PackerCode.CANNOT_READ_FILE,
                null,
                "The file "
                    + prefix
                    + name
                    + " of the template's folder could not be read: "
                    + fs.whyNotAFile(path)
                    + ". Packer reads every such file of the folder and fails on it too: fix or"
                    + " remove it."));
      }
    }
  }

  /** The text of a template file, decoded as UTF-8 without a byte order mark. */
  Optional<SourceFile> read(FileRef ref, List<Diagnostic> out) {
    return read(ref, false, out);
  }

  /**
   * The text of a file, decoded as UTF-8 without a byte order mark.
   *
   * @param values whether the file holds values (a var file): see {@link SourceFile#ofValues}
   */
  Optional<SourceFile> read(FileRef ref, boolean values, List<Diagnostic> out) {
    byte[] bytes;
    try {
      // Asked before opening it: a named pipe would wait for a writer, a device never end.
      if (fs.kind(ref.absolutePath()) != FileSystemView.Kind.FILE) {
        out.add(cannotRead(ref.displayName(), fs.whyNotAFile(ref.absolutePath())));
        return Optional.empty();
      }
      Optional<Diagnostic> refused = refusal(ref, values);
      if (refused.isPresent()) {
        out.add(refused.get());
        return Optional.empty();
      }
      bytes = fs.read(ref.absolutePath());
    } catch (IOException e) {
      out.add(cannotRead(ref.displayName(), FileSystemView.reason(e)));
      return Optional.empty();
    }
    SourceFile file;
    try {
      file =
          values
              ? SourceFile.valuesFromUtf8(ref.displayName(), bytes)
              : SourceFile.fromUtf8(ref.displayName(), bytes);
    } catch (CharacterCodingException e) {
      // Utf8.Malformed says where the first bad byte is; a file saved as UTF-16 (or UTF-32) is
      // told how to fix it, as a JSON or YAML input is.
      String why = e.getMessage();
      out.add(
          cannotRead(
              ref.displayName(),
              OtherEncodings.describe(bytes).map(how -> why + ": " + how).orElse(why)));
      return Optional.empty();
    }
    // UTF-16 or UTF-32 without a byte order mark is ASCII between NULs, which is valid UTF-8: the
    // parser would stop at the first NUL ("U+0000") without saying what the file is.
    Optional<String> otherEncoding = OtherEncodings.nulsBetweenLetters(bytes);
    if (otherEncoding.isPresent()) {
      out.add(cannotRead(ref.displayName(), otherEncoding.get()));
      return Optional.empty();
    }
    return Optional.of(file);
  }

  /**
   * What makes {@code ref} a file of the machine running the converter, which is never read, or
   * empty. A link in a template's folder to {@code /proc/self/environ}, named {@code
   * a.auto.pkrvars.hcl}, had the converting process's environment read as a var file and its lines
   * quoted in HCL's syntax errors on stderr (a CI log). A file found in the folder is judged as the
   * files a template's functions read: a system file, or a private one outside the folders being
   * converted (a link to a token cache in the home folder). A file the user named is judged as a
   * system file only: a private file given so is the user's own choice (their var file of secrets),
   * but nothing under {@code /proc}, {@code /sys} or {@code /dev} is a template's, and the name may
   * come from a file the user does not control (a repository's settings file).
   */
  private Optional<HostFile> hostFile(FileRef ref) {
    String path = ref.absolutePath();
    if (ref.named()) {
      return HostFile.system(fs, path);
    }
    int slash = path.lastIndexOf('/');
    String folder = slash <= 0 ? "/" : path.substring(0, slash);
    return HostFile.of(fs, path, List.of(folder));
  }

  /**
   * The error for {@code ref} when it is a file of the machine running the converter ({@link
   * #hostFile}), which is not read; else empty.
   *
   * @param values whether the file holds values (a var file)
   */
  Optional<Diagnostic> refusal(FileRef ref, boolean values) {
    return hostFile(ref).map(host -> hostFileRefused(ref, values, host));
  }

  /** The error for {@code ref}, which is {@code host} and is not read. */
  private static Diagnostic hostFileRefused(FileRef ref, boolean values, HostFile host) {
    String file =
        ref.named()
            ? (values ? "The var file " : "The template file ") + ref.displayName()
            : "The file " + ref.displayName() + " of the template's folder";
    String instead;
    if (ref.named()) {
      instead =
          values
              ? "Give a file of variable values of your own (vars.pkrvars.hcl)."
              : "Give the template's own file, or the folder that holds it.";
    } else if (host.kind() == HostFile.Kind.SYSTEM) {
      instead = "Replace the link with a copy of the file the template needs, or remove it.";
    } else {
      instead =
          "Replace the link with a copy of the file the template needs, or run the converter"
              + " from a folder that holds that file (the repository's)"
              + (values ? "; a var file of secrets can be given with --var-file." : ".");
    }
    return Diagnostic.of(PackerCode.HOST_FILE, null, host.refusedAs(file, instead));
  }

  static String baseName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  static Diagnostic cannotRead(String name, String reason) {
    return Diagnostic.of(
        PackerCode.CANNOT_READ_FILE,
        null,
        "The file " + name + " could not be read: " + reason + ".");
  }

  private static Diagnostic noConfig(String detail) {
    return Diagnostic.of(PackerCode.NO_CONFIG_FILES, null, detail);
  }
}
