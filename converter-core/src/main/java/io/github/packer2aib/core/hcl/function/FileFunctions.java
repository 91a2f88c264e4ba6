package io.github.packer2aib.core.hcl.function;

import static io.github.packer2aib.core.hcl.function.DefinedFunction.define;

import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.Strings;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Functions on paths and files. Reads go through the caller's {@link FileSystemView}; relative
 * paths resolve against its base directory; {@code ~} expands to its home directory. Paths are
 * handled with {@code /} separators, as Packer does on Linux.
 */
final class FileFunctions {
  private FileFunctions() {}

  static List<HclFunction> all(
      FileSystemView fs,
      TemplateRenderer renderer,
      java.util.function.Supplier<FunctionRegistry> registry) {
    List<HclFunction> out = new ArrayList<>();
    Filesets filesets = new Filesets();
    out.add(
        define("file")
            .param("path", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  String path = a.get(0).asString();
                  byte[] b = read(fs, path);
                  return Value.string(
                      EncodingFunctions.utf8(
                          b,
                          0,
                          "contents of "
                              + path
                              + " are not valid UTF-8; use the filebase64 function to obtain the"
                              + " Base64 encoded contents or the other file functions (e.g."
                              + " filemd5, filesha256) to obtain file hashing results instead"));
                }));
    out.add(
        define("filebase64")
            .param("path", Type.STRING)
            .returns(Type.STRING)
            .impl(a -> Value.string(EncodingFunctions.base64(read(fs, a.get(0).asString())))));
    out.add(
        define("fileexists")
            .param("path", Type.STRING)
            .returns(Type.BOOL)
            .impl(
                a -> {
                  String path = a.get(0).asString();
                  String abs = resolve(fs, path);
                  switch (fs.kind(abs)) {
                    case FILE:
                      return Value.TRUE;
                    case DIRECTORY:
                      throw FunctionException.call(
                          shown(path, abs) + " is not a regular file, but a directory");
                    default:
                      return Value.FALSE;
                  }
                }));
    out.add(
        define("fileset")
            .param("path", Type.STRING)
            .param("pattern", Type.STRING)
            .returns(Type.set(Type.STRING))
            .impl(a -> filesets.get(fs, a.get(0).asString(), a.get(1).asString())));
    out.add(
        define("abspath")
            .param("path", Type.STRING)
            .returns(Type.STRING)
            // Packer's working directory, not the template's folder: abspath("./image.json") in
            // a local names the file beside where packer runs, as templates that take an image
            // definition from the command line expect.
            .impl(a -> Value.string(clean(join(fs.workingDirectory(), a.get(0).asString())))));
    out.add(
        define("pathexpand")
            .param("path", Type.STRING)
            .returns(Type.STRING)
            .impl(a -> Value.string(expand(fs, a.get(0).asString(), 0))));
    out.add(
        define("basename")
            .param("path", Type.STRING)
            .returns(Type.STRING)
            .impl(a -> Value.string(basename(a.get(0).asString()))));
    out.add(
        define("dirname")
            .param("path", Type.STRING)
            .returns(Type.STRING)
            .impl(a -> Value.string(dirname(a.get(0).asString()))));
    out.add(
        define("templatefile")
            .param("path", Type.STRING)
            .param("vars", Type.DYNAMIC)
            .returns(Type.DYNAMIC)
            .impl(
                a -> {
                  if (renderer == null) {
                    throw new FunctionException(
                        FunctionCode.UNSUPPORTED_FUNCTION,
                        -1,
                        "templatefile is not available yet: rendering a template file needs the HCL"
                            + " template engine, which this build does not include");
                  }
                  Value vars = a.get(1);
                  Map<String, Value> m;
                  if (vars instanceof ObjectValue) {
                    m = ((ObjectValue) vars).attributes();
                  } else if (vars instanceof MapValue) {
                    m = ((MapValue) vars).entries();
                  } else {
                    throw FunctionException.arg(1, "invalid vars value: must be a map");
                  }
                  for (String k : m.keySet()) {
                    if (!k.matches("[\\p{L}_][\\p{L}\\p{N}_-]*")) {
                      throw FunctionException.arg(
                          1,
                          "invalid template variable name "
                              + Strings.quote(k)
                              + ": must start with a letter, followed by zero or more letters,"
                              + " digits, and underscores");
                    }
                  }
                  String path = a.get(0).asString();
                  String text =
                      EncodingFunctions.utf8(
                          read(fs, path), 0, "contents of " + path + " are not valid UTF-8");
                  return renderer.render(text, path, new LinkedHashMap<>(m), registry.get());
                }));
    return out;
  }

  static String expand(FileSystemView fs, String path, int argIndex) throws FunctionException {
    if (!path.startsWith("~")) {
      return path;
    }
    if (path.length() > 1 && path.charAt(1) != '/' && path.charAt(1) != '\\') {
      throw FunctionException.ofOwnArg(argIndex, "cannot expand user-specific home dir");
    }
    return clean(fs.homeDirectory() + "/" + path.substring(1));
  }

  /**
   * The absolute path of a file function's {@code path} argument. One with a NUL character is
   * refused: no file can have it (Go's calls fail with "invalid argument"), and the file view is
   * not asked about it.
   */
  static String resolve(FileSystemView fs, String path) throws FunctionException {
    if (ControlCharacters.hasNul(path)) {
      throw FunctionException.ofOwnArg(
          0,
          "the path "
              + ControlCharacters.quote(path)
              + " contains a NUL character (\\u0000), which no file name can hold");
    }
    String expanded = expand(fs, path, 0);
    return clean(expanded.startsWith("/") ? expanded : join(fs.baseDirectory(), expanded));
  }

  /**
   * The largest file {@code file()}, {@code filebase64()} and {@code templatefile()} read: their
   * result is a string in the template, which Azure limits to a few megabytes as a whole, and a
   * file of gigabytes read whole would exhaust the memory of a bulk run.
   */
  static final int MAX_FILE = 16 * 1024 * 1024;

  /**
   * The bytes of the file at {@code path} (argument 0). Its failures quote the path alone, so they
   * are told also when another argument is sensitive ({@link FunctionException#ofOwnArg}: the vars
   * of templatefile("autounattend.pkrtpl", { password = var.pw })).
   */
  private static byte[] read(FileSystemView fs, String path) throws FunctionException {
    String abs = resolve(fs, path);
    refuseHostFile(fs, path, abs);
    if (fs.kind(abs) != FileSystemView.Kind.FILE) {
      // Packer says "no file exists" only when nothing is there; a folder (also the empty path,
      // which is the template's folder) or a pipe exists but cannot be read: "failed to read".
      String why = fs.whyNotAFile(abs);
      if (why.equals(FileSystemView.NO_SUCH_FILE)) {
        throw FunctionException.ofOwnArg(0, "no file exists at " + path);
      }
      throw FunctionException.ofOwnArg(0, "failed to read " + shown(path, abs) + ": " + why);
    }
    byte[] bytes;
    try {
      bytes = fs.readUpTo(abs, MAX_FILE);
    } catch (IOException e) {
      throw FunctionException.ofOwnArg(0, "failed to read " + path);
    }
    if (bytes == null) {
      throw FunctionException.ofOwnArg(
          0,
          path
              + " is larger than "
              + MAX_FILE
              + " bytes, more than a template can hold; larger files are not read");
    }
    return bytes;
  }

  /**
   * Refuses a file of the machine running the converter ({@link HostFile}): asked before its kind,
   * so that {@code /dev/stdin} or {@code /proc/self/environ} is told for what it is.
   */
  private static void refuseHostFile(FileSystemView fs, String path, String abs)
      throws FunctionException {
    // The view's base is the template's folder here (or, in a variable's validation, the working
    // directory): its files are the template's own.
    Optional<HostFile> host = HostFile.of(fs, abs, List.of());
    if (host.isPresent()) {
      throw hostFile(shown(path, abs), host.get());
    }
  }

  /** The failure of a file function asked to read {@code shown}, which is {@code host}. */
  static FunctionException hostFile(String shown, HostFile host) {
    return FunctionException.ofOwnArg(
        FunctionCode.HOST_FILE,
        0,
        "The file functions do not read " + shown + ": it " + host.what() + ". " + host.advice());
  }

  /**
   * A path as messages name it: as written, but the resolved path for the empty one (which names
   * the template's folder, and would otherwise print as nothing).
   */
  private static String shown(String path, String abs) {
    return path.isEmpty() ? abs : path;
  }

  static String join(String a, String b) {
    if (b.startsWith("/")) {
      return clean(b);
    }
    if (a.isEmpty()) {
      return clean(b);
    }
    return clean(a + "/" + b);
  }

  /** Go's {@code path.Clean}. */
  static String clean(String p) {
    return GoPath.clean(p);
  }

  /** Go's {@code filepath.Base}. */
  static String basename(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    String s = p;
    while (s.length() > 0 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty()) {
      return "/";
    }
    int i = s.lastIndexOf('/');
    return i >= 0 ? s.substring(i + 1) : s;
  }

  /** Go's {@code filepath.Dir}. */
  static String dirname(String p) {
    int i = p.lastIndexOf('/');
    String dir = clean(p.substring(0, i + 1));
    return dir;
  }

  // ------------------------------------------------------------------ fileset

  /**
   * The answers of {@code fileset} for one template, by folder and pattern: the files do not change
   * while a template is read, and a loop that called it a million times (a {@code for} over {@code
   * range(1000)} twice, within the iteration budget) walked the folder each time, for 18 s. A
   * failure is kept as well, so that a folder too large to glob is not walked again. Bounded, and
   * safe for the threads that may share a registry.
   */
  private static final class Filesets {
    private static final int MAX_KEPT = 256;
    private final Map<String, Object> kept = new ConcurrentHashMap<>();

    Value get(FileSystemView fs, String path, String pattern) throws FunctionException {
      String key = path + "\u0000" + pattern;
      Object known = kept.get(key);
      if (known == null) {
        try {
          known = fileset(fs, path, pattern);
        } catch (FunctionException e) {
          known = e;
        }
        if (kept.size() >= MAX_KEPT) {
          kept.clear(); // a bound, not a policy: templates glob a few patterns
        }
        kept.put(key, known);
      }
      if (known instanceof FunctionException e) {
        throw e;
      }
      return (Value) known;
    }
  }

  private static Value fileset(FileSystemView fs, String path, String pattern)
      throws FunctionException {
    String root = resolve(fs, path);
    // Only names come back, but a glob over /proc lists processes and their files, and a template
    // has nothing to find there: refused as file() refuses what it would read next.
    refuseHostFile(fs, path, root);
    List<String> found = Glob.fileset(fs, root, pattern);
    for (String f : found) {
      String abs = join(root, f);
      Optional<HostFile> host = HostFile.system(abs, abs);
      if (host.isPresent()) {
        throw hostFile(abs, host.get());
      }
    }
    return Value.set(Type.STRING, Args.strings(found));
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
