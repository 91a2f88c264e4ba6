package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.source.Range;
import java.util.HashMap;
import java.util.Map;

/**
 * The addresses the local files of one template are uploaded under. A file outside the conversion
 * root is known by its file name alone (mapping decision 4), so two such files with the same name,
 * say {@code ../a/setup.sh} and {@code ../b/setup.sh}, would get one address: only one of them can
 * be uploaded there, and the step of the other would fail its checksum at build time.
 */
final class UploadUris {
  /** Where an address was first given out, and to which file. */
  private record First(LocalFile file, Range at) {}

  private final Map<String, First> seen = new HashMap<>();

  /**
   * {@code base} + the file's upload path; an error when a file with other contents already has
   * that address (the same file, or a copy with the same bytes, may share it).
   */
  String resolve(Unit u, BaseUri base, LocalFile file, Range at) {
    String uri = base.resolve(u.files.uploadPath(file.path()));
    First first = seen.putIfAbsent(uri, new First(file, at));
    if (first != null && !first.file().sha256().equals(file.sha256())) {
      u.report.add(
          PackerMapCode.UPLOAD_ADDRESS_SHARED,
          at,
          "The files "
              + u.files.shown(first.file().path())
              + " and "
              + u.files.shown(file.path())
              + " differ but would both be uploaded to "
              + uri
              + ": a file outside the conversion root (the template's folder, or the folder given"
              + " to convert -r) is known by its file name alone, so the step of one of them would"
              + " fail its checksum. Rename one of the files, or convert from a folder that holds"
              + " both (convert -r with a common parent folder).",
          first.at(),
          "first uploaded here");
    }
    return uri;
  }
}
