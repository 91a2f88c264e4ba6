package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.HostFile;
import io.github.packer2aib.core.source.Range;
import java.io.IOException;
import java.util.Optional;

/**
 * A local file a provisioner refers to, read and checksummed.
 *
 * @param written the path as the template writes it
 * @param path the absolute path it resolved to
 * @param bytes the content; null for a file over {@link LocalFiles#KEEP_LIMIT}, known by its size
 *     and checksum alone
 * @param size the content's length in bytes
 * @param sha256 lowercase hex SHA-256 of the content
 */
record LocalFile(String written, String path, byte[] bytes, long size, String sha256) {

  LocalFile(String written, String path, LocalFiles.Content c) {
    this(written, path, c.bytes(), c.size(), c.sha256());
  }

  String fileName() {
    return LocalFiles.fileName(path);
  }

  /** The content as text; empty when it is not UTF-8 text, or too large to have been kept. */
  Optional<String> text() {
    return bytes != null && LocalFiles.isText(bytes) ? LocalFiles.decode(bytes) : Optional.empty();
  }

  /**
   * Resolves and reads a regular file; reports a missing file, a path no file can have, a directory
   * or a read error at {@code at} and gives empty.
   */
  static Optional<LocalFile> load(Prov pr, String written, Range at, String what) {
    return load(pr, written, pr.u.files.resolve(written), at, what);
  }

  /** As {@link #load(Prov, String, Range, String)}, where the caller has resolved the path. */
  static Optional<LocalFile> load(
      Prov pr, String written, LocalFiles.Resolved r, Range at, String what) {
    if (LocalFiles.nameless(written)) {
      pr.report()
          .add(
              PackerMapCode.INVALID_VALUE,
              at,
              "The "
                  + what
                  + " path "
                  + ControlCharacters.quote(written)
                  + " contains a NUL character (\\u0000), which no file name can hold. Remove it"
                  + " from the path.");
      return Optional.empty();
    }
    // Before its kind: /dev/stdin is not "not found", and /proc/self/environ is a regular file.
    Optional<HostFile> host = pr.u.files.hostFile(r.path());
    if (host.isPresent()) {
      refuseHostFile(pr, at, what, written, host.get());
      return Optional.empty();
    }
    if (r.kind() == FileSystemView.Kind.MISSING) {
      String special = notAFile(pr, written, r);
      if (special != null) {
        // It is there: "not found, check the path" would send the user looking for another name.
        pr.report()
            .add(
                PackerMapCode.FILE_READ_FAILED,
                at,
                "The " + what + " " + special + ". Give the path of a regular file.");
        return Optional.empty();
      }
      pr.report()
          .add(
              PackerMapCode.LOCAL_FILE_NOT_FOUND,
              at,
              "The "
                  + what
                  + " \""
                  // An absolute path into the template's folder ({{template_dir}}/x) by its name.
                  + pr.u.files.shown(written)
                  + "\" was found neither in the template's folder ("
                  + pr.u.files.shownFolder()
                  + ") nor in the working directory. "
                  + backslashHint(pr, written));
      return Optional.empty();
    }
    if (r.kind() == FileSystemView.Kind.DIRECTORY) {
      pr.report()
          .add(
              PackerMapCode.INVALID_VALUE,
              at,
              "The "
                  + what
                  + " \""
                  + written
                  + "\" is a directory ("
                  + pr.u.files.shown(r.path())
                  + "), not a file.");
      return Optional.empty();
    }
    foundInWorkingDirectory(pr, written, r, at);
    try {
      return Optional.of(new LocalFile(written, r.path(), pr.u.files.content(r.path())));
    } catch (IOException e) {
      readFailed(pr, at, what, pr.u.files.shown(r.path()), e);
      return Optional.empty();
    }
  }

  /**
   * What a path the view calls missing is when something is there (a named pipe, a device, a broken
   * link or a loop of links: "/dev/zero is not a regular file (a character device)"), in the
   * template's folder or else in the working directory; null when nothing is.
   */
  private static String notAFile(Prov pr, String written, LocalFiles.Resolved r) {
    String why = pr.u.files.whyNotAFile(r.path());
    if (!why.equals(FileSystemView.NO_SUCH_FILE)) {
      return pr.u.files.shown(r.path()) + " " + why;
    }
    String inCwd = pr.u.files.inWorkingDirectory(written);
    if (inCwd != null && !inCwd.equals(r.path())) {
      why = pr.u.files.whyNotAFile(inCwd);
      if (!why.equals(FileSystemView.NO_SUCH_FILE)) {
        return pr.u.files.shown(inCwd) + " " + why;
      }
    }
    return null;
  }

  /**
   * Reports that the {@code what} ("script", "file", "directory") at {@code path} could not be
   * read, with what a {@link LocalFiles.HostFileRefused} refusal is.
   */
  static void readFailed(Prov pr, Range at, String what, String path, IOException e) {
    if (e instanceof LocalFiles.HostFileRefused refused) {
      refuseHostFile(pr, at, what, path, refused.host());
      return;
    }
    pr.report()
        .add(
            PackerMapCode.FILE_READ_FAILED,
            at,
            "The " + what + " " + path + " could not be read: " + e.getMessage() + ".");
  }

  /**
   * Reports that the {@code what} {@code shown} is a file of the machine running the converter,
   * which is not read ({@link HostFile}).
   */
  static void refuseHostFile(Prov pr, Range at, String what, String shown, HostFile host) {
    pr.report()
        .add(
            PackerMapCode.HOST_FILE,
            at,
            "The "
                + what
                + " "
                + shown
                + " "
                + host.what()
                + ", so it was not read. "
                + host.advice());
  }

  /**
   * What to do about a missing file: templates written for Packer on Windows separate folders with
   * backslashes, which only Packer on Windows reads as separators (the converter reads them as
   * Packer on Linux does); when the path with slashes names a file, the message says so.
   */
  private static String backslashHint(Prov pr, String written) {
    if (written.indexOf('\\') >= 0) {
      LocalFiles.Resolved slashed = pr.u.files.resolve(written.replace('\\', '/'));
      if (slashed.kind() != FileSystemView.Kind.MISSING) {
        return "Backslashes separate folders only for Packer on Windows; with slashes, which"
            + " Packer reads everywhere, the path names "
            + pr.u.files.shown(slashed.path())
            + ". Write it with /.";
      }
    }
    return "Check the path.";
  }

  /**
   * Says where a relative path was found when it is not plainly the template folder's: found in the
   * working directory only (a note), or in both places with different contents (a warning, once per
   * path and image template), since Packer resolves provisioner paths from its working directory
   * and may upload the other file (mapping.md Part 1 §4: the converter says which file it used).
   */
  static void foundInWorkingDirectory(Prov pr, String written, LocalFiles.Resolved r, Range at) {
    if (r.alsoInWorkingDirectory() != null && differ(pr, r) && pr.u.twoPlacesSaid.add(written)) {
      pr.report()
          .add(
              PackerMapCode.FOUND_IN_TWO_PLACES,
              at,
              Words.concat(
                  "\"",
                  written,
                  "\" names something both in the template's folder (",
                  pr.u.files.shown(r.path()),
                  ") and in the working directory (",
                  pr.u.files.shown(r.alsoInWorkingDirectory()),
                  "), and they differ. The converter used ",
                  pr.u.files.shown(r.path()),
                  " (the template's folder first); Packer resolves the path from the directory it"
                      + " runs in, so run from here it would use the other one. Check that the"
                      + " converted template has the one meant, or write the path from the"
                      + " template's folder, as \"",
                  UsageFilter.isLegacy(pr.u.template.syntax())
                      ? "{{template_dir}}/"
                      : "${path.root}/",
                  written,
                  "\"."));
    }
    if (r.viaWorkingDirectory()) {
      pr.report()
          .add(
              PackerMapCode.FOUND_IN_WORKING_DIRECTORY,
              at,
              "\""
                  + written
                  + "\" is not in the template's folder ("
                  + pr.u.files.shownFolder()
                  + "); the converter used "
                  + pr.u.files.shown(r.path())
                  + " from the working directory.");
    }
  }

  /**
   * Whether the two things a path names differ: files with different contents, or anything else
   * (two folders are told apart by where they are; a file that cannot be read may differ).
   */
  private static boolean differ(Prov pr, LocalFiles.Resolved r) {
    LocalFiles files = pr.u.files;
    if (r.kind() != FileSystemView.Kind.FILE) {
      return true;
    }
    try {
      return !files
          .content(r.path())
          .sha256()
          .equals(files.content(r.alsoInWorkingDirectory()).sha256());
    } catch (IOException e) {
      return true;
    }
  }
}
