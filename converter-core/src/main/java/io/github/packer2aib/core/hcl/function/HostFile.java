package io.github.packer2aib.core.hcl.function;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A file of the machine running the converter that no template may copy into its output ({@link
 * #of}). A converter runs where a template is checked out, often a CI job whose environment and
 * home folder hold that job's credentials: {@code file("/proc/self/environ")} read the converting
 * process's environment (ARM_CLIENT_SECRET, GITHUB_TOKEN) into the image template, which the job
 * then committed or deployed. Packer reads a template's files at build time, on the machine that
 * builds; the converter has no business freezing the files of the machine it runs on.
 *
 * <p>The core judges this itself ({@link #of}), from what the caller's {@link FileSystemView} says
 * of the file: where its links lead and its permissions. The judgement lived in the view (a default
 * that looked at the path's text alone, which the command line's view replaced), so a program that
 * embedded the library with a view of its own over real files got neither check.
 *
 * @param kind what makes it one
 * @param realPath the path with symbolic links followed, where it differs from the path asked about
 *     (a link in the repository that leads to {@code /proc/self/environ}), else null
 * @param detail for {@link Kind#SYSTEM}, the area it lies in ({@code /proc}, {@code /sys}, {@code
 *     /dev}); for {@link Kind#PRIVATE}, its mode in octal ({@code 0600})
 */
public record HostFile(Kind kind, String realPath, String detail) {

  /** Why a file is one. */
  public enum Kind {
    /**
     * A file of the operating system's pseudo file systems and devices ({@code /proc}, {@code
     * /sys}, {@code /dev}): the running processes' environments and memory, the kernel's state,
     * devices and what a pipe or terminal of the process holds ({@code /dev/stdin}). Never a file
     * of a template.
     */
    SYSTEM,
    /**
     * A file that others may not read (no read permission for others in its mode), outside the
     * folders the converter was given and the one it runs in: {@code /etc/shadow}, a key or token
     * cache in a home folder ({@code ~/.azure}, {@code ~/.docker/config.json}). A file of the
     * repository is never one, whatever its mode.
     */
    PRIVATE
  }

  public HostFile {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  /** The areas whose files are {@link Kind#SYSTEM}. */
  private static final String[] SYSTEM_AREAS = {"/proc", "/sys", "/dev"};

  /**
   * The folder below {@code /dev} that holds users' files, not the system's: POSIX shared memory, a
   * tmpfs where people and CI jobs keep scratch copies of repositories. Its files are judged as any
   * other (a private one outside the converted folders is still {@link Kind#PRIVATE}).
   */
  private static final String USERS_AREA = "/dev/shm";

  /**
   * The {@link Kind#SYSTEM} file that {@code realPath} (an absolute path with {@code /} separators)
   * is by its text, or empty; {@code asked} is the path the template gave, which the result names
   * as the real path when it differs.
   */
  public static Optional<HostFile> system(String asked, String realPath) {
    if (realPath.length() > USERS_AREA.length() && within(realPath, USERS_AREA)) {
      return Optional.empty();
    }
    for (String area : SYSTEM_AREAS) {
      if (within(realPath, area)) {
        return Optional.of(
            new HostFile(Kind.SYSTEM, realPath.equals(asked) ? null : realPath, area));
      }
    }
    return Optional.empty();
  }

  /**
   * The {@link Kind#SYSTEM} file that {@code absolutePath} is, by its text or where its symbolic
   * links lead ({@link FileSystemView#realPath}), or empty: the check for a file the user named (a
   * template file or var file given as such), which may be private (the user's own choice) but
   * never one of the operating system's: nothing a template needs lives there, and a CI job may
   * take the name from a file it does not control (a settings file of the repository).
   */
  public static Optional<HostFile> system(FileSystemView files, String absolutePath) {
    Optional<HostFile> byText = system(absolutePath, absolutePath);
    if (byText.isPresent()) {
      return byText;
    }
    try {
      return system(absolutePath, files.realPath(absolutePath));
    } catch (IOException e) {
      return Optional.empty(); // nothing there: its read says why
    }
  }

  /** Whether {@code path} is {@code area} or below it. */
  private static boolean within(String path, String area) {
    return path.startsWith(area)
        && (path.length() == area.length() || path.charAt(area.length()) == '/');
  }

  /** The permission bit that lets others read a file ({@code 0004}). */
  private static final int OTHERS_READ = 04;

  /**
   * The file of the machine running the converter that {@code absolutePath} is, or empty: a path
   * under {@code /proc}, {@code /sys} or {@code /dev} by its text, else by where its symbolic links
   * lead ({@link FileSystemView#realPath}); else a regular file that others may not read ({@link
   * FileSystemView#filePermissions}) outside the folders that are the templates' own ({@link
   * FileSystemView#ownFolders}, the view's base directory, which is the template's folder where
   * file functions ask, and {@code templateFolders}). A path with nothing there is none (its read
   * fails and says why).
   *
   * @param templateFolders more folders whose files are the template's own (absolute, {@code /}
   *     separators): the template's folder, where the view's base is another
   */
  public static Optional<HostFile> of(
      FileSystemView files, String absolutePath, List<String> templateFolders) {
    Optional<HostFile> byText = system(absolutePath, absolutePath);
    if (byText.isPresent()) {
      return byText;
    }
    String real;
    try {
      real = files.realPath(absolutePath);
    } catch (IOException e) {
      return Optional.empty();
    }
    Optional<HostFile> system = system(absolutePath, real);
    if (system.isPresent()) {
      return system;
    }
    if (real.equals(absolutePath) && inFolderByName(files, absolutePath, templateFolders)) {
      // No link on its path, in a folder of the template: the template's own, whatever its mode,
      // known without asking for it (each file of each template of a bulk run is asked about).
      return Optional.empty();
    }
    OptionalInt permissions = files.filePermissions(real);
    if (permissions.isEmpty()
        || (permissions.getAsInt() & OTHERS_READ) != 0
        || inOwnFolder(files, real, templateFolders)) {
      return Optional.empty();
    }
    return Optional.of(privateFile(absolutePath, real, octal(permissions.getAsInt())));
  }

  /**
   * Whether the real path {@code real} lies in a folder that is the templates' own. Asked only of a
   * private file (rare), so the folders' real paths are not remembered. {@code /} and the home
   * folder own nothing: a run from there (a container's default, a user's shell) would make every
   * file of the machine, or the home folder's token caches, a template's own.
   */
  private static boolean inOwnFolder(
      FileSystemView files, String real, List<String> templateFolders) {
    List<String> folders = new ArrayList<>(files.ownFolders());
    folders.add(files.baseDirectory());
    folders.addAll(templateFolders);
    String home = realOrAsGiven(files, files.homeDirectory());
    for (String given : folders) {
      String folder = realOrAsGiven(files, given);
      if (isRoot(folder) || folder.equals(home) || isRoot(given)) {
        continue;
      }
      if (within(real, folder)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code path} lies below one of {@code folders} by their names alone (a path that has no
   * link on it lies where its name says), other than {@code /} and the home folder, which own
   * nothing ({@link #inOwnFolder}).
   */
  private static boolean inFolderByName(FileSystemView files, String path, List<String> folders) {
    for (String folder : folders) {
      if (!isRoot(folder)
          && path.length() > folder.length()
          && within(path, folder)
          // A prefix of a path without links has none either: the folder is its real path.
          && !folder.equals(realOrAsGiven(files, files.homeDirectory()))) {
        return true;
      }
    }
    return false;
  }

  /** A folder's real path, else the folder as given; without a final slash. */
  private static String realOrAsGiven(FileSystemView files, String folder) {
    String path;
    try {
      path = files.realPath(folder);
    } catch (IOException e) {
      path = folder;
    }
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** Whether {@code path} is the root of a file system: {@code /}, or a drive's ({@code C:/}). */
  private static boolean isRoot(String path) {
    return path.isEmpty()
        || path.equals("/")
        || (path.length() <= 3 && path.length() >= 2 && path.charAt(1) == ':');
  }

  /** Permission bits in octal, as a mode is written: {@code 0600}. */
  private static String octal(int permissions) {
    return String.format(Locale.ROOT, "%04o", permissions & 0777);
  }

  /** A {@link Kind#PRIVATE} file of mode {@code mode} (octal, {@code 0600}). */
  public static HostFile privateFile(String asked, String realPath, String mode) {
    return new HostFile(Kind.PRIVATE, realPath.equals(asked) ? null : realPath, mode);
  }

  /**
   * What the file is, as a clause that follows its path: {@code is a file of the operating system
   * of the machine running the converter (under /proc)}.
   */
  public String what() {
    String leads = realPath == null ? "" : "leads to " + realPath + ", which ";
    return switch (kind) {
      case SYSTEM ->
          leads
              + "is a file of the operating system of the machine running the converter (under "
              + detail
              + "), which may hold that machine's secrets, such as the environment variables of"
              + " the converting process";
      case PRIVATE ->
          leads
              + "is a private file of the machine running the converter (others may not read it:"
              + " mode "
              + detail
              + ") that lies outside the folders being converted and the working directory, as"
              + " that machine's secrets do (/etc/shadow, the token caches of a home folder)";
    };
  }

  /**
   * The detail of the error that a template file or var file named {@code file} ("The template
   * t.json") is this file and is not read, ending with {@code instead}: one sentence for the HCL2
   * (PKR-E006) and the legacy loader (LEGACY-E033).
   */
  public String refusedAs(String file, String instead) {
    return file
        + " is not read: it "
        + what()
        + ". A converter reads a template's own files, never those of the machine it runs on. "
        + instead;
  }

  /** Why it was not read and what to do instead, as sentences that follow {@link #what}. */
  public String advice() {
    return switch (kind) {
      case SYSTEM ->
          "A converter does not read the files of the machine it runs on into an image template:"
              + " Packer reads a template's files at build time, on the machine that builds. Put"
              + " what the template needs into a file of the template's folder, or have a step"
              + " read it on the build VM.";
      case PRIVATE ->
          "A converter does not copy the private files of the machine it runs on into an image"
              + " template. If the file belongs to the template and holds no secret, put it into"
              + " the template's folder (or let others read it: chmod o+r); for a secret, have a"
              + " step fetch it on the build VM (from Key Vault, with the VM's identity).";
    };
  }
}
