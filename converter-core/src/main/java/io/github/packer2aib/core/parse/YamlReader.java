package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.source.SourceFile;

/**
 * Reads a YAML stream into located {@link io.github.packer2aib.core.doc.DocNode} trees, one per
 * document, with SnakeYAML's event parser.
 *
 * <ul>
 *   <li>Plain scalars are typed by the YAML 1.2 core schema ({@code yes} and {@code on} are
 *       strings) and marked {@code untyped}, so {@code version: 1.10} can still be read as the
 *       string "1.10". Quoted and block scalars are strings, kept exactly.
 *   <li>The tags {@code !!str !!int !!float !!bool !!null} (and {@code !!map}, {@code !!seq} on
 *       their own kinds) are honoured; other tags give a warning and are ignored.
 *   <li>Anchors and aliases are resolved. An alias shares the anchored subtree (nothing is copied),
 *       but the tree is counted as if expanded: when the whole stream would hold more than {@link
 *       #MIN_NODE_LIMIT} nodes and more than {@link #NODES_PER_EVENT} nodes per parser event read
 *       so far, reading stops with an error. A "billion laughs" input therefore fails at once. So
 *       does one that repeats a long string through a few aliases: the characters of the values
 *       aliases repeat are counted too ({@link #aliasCharLimit}), as every copy is written out.
 *   <li>Merge keys ({@code <<: *base}, {@code <<: [*a, *b]}) are applied: the merged members take
 *       the place of the {@code <<} entry, explicit keys win, earlier sources win over later ones.
 *   <li>Duplicate keys and non-scalar keys are errors; the first definition is kept.
 * </ul>
 */
public final class YamlReader {
  private YamlReader() {}

  /** SnakeYAML's limit on the size of one document, raised from its 3 MiB default. */
  public static final int CODE_POINT_LIMIT = 64 * 1024 * 1024;

  /** The deepest nesting of collections accepted, counting aliased content; as Jackson's limit. */
  public static final int MAX_DEPTH = 1000;

  /** Alias expansion is always allowed up to this many nodes in the stream. */
  public static final long MIN_NODE_LIMIT = 10_000;

  /** Beyond {@link #MIN_NODE_LIMIT}, the stream may hold this many nodes per event read. */
  public static final long NODES_PER_EVENT = 100;

  /** Aliases may always repeat this many characters of text in the stream (1 MiB). */
  public static final long MIN_ALIAS_CHARS = 1024 * 1024;

  /** Beyond {@link #MIN_ALIAS_CHARS}, aliases may repeat this many characters per character. */
  public static final long ALIAS_CHARS_PER_CHAR = 4;

  /**
   * The characters that aliases may repeat in a stream of {@code length} characters: {@link
   * #ALIAS_CHARS_PER_CHAR} times its length, at least {@link #MIN_ALIAS_CHARS} and at most {@link
   * #CODE_POINT_LIMIT} (as much as a document may hold).
   */
  static long aliasCharLimit(long length) {
    return Math.min(CODE_POINT_LIMIT, Math.max(MIN_ALIAS_CHARS, ALIAS_CHARS_PER_CHAR * length));
  }

  public static ParseResult read(SourceFile file) {
    return new YamlTreeBuilder(file).read();
  }
}
