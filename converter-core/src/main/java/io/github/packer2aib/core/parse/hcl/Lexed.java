package io.github.packer2aib.core.parse.hcl;

/**
 * The tokens of the default channel of a text, as {@link HclTokenizer#scan} leaves them for {@link
 * HclParser}: what the descent parser reads, as parallel arrays (token {@code i} has type {@code
 * types[i]} and spans the code point indexes {@code starts[i]} to {@code stops[i]}, inclusive, as
 * ANTLR's tokens do; every token type fits in a byte), ending with the end-of-file token; and the
 * nesting check's verdict. The arrays may be longer than the tokens; nothing reads past the
 * end-of-file token.
 *
 * @param tooDeep the index of the first token that exceeds a limit of the {@link NestingCheck}
 *     (nesting deeper than {@link HclParser#MAX_NESTING}, or too long a chain of operators), or -1
 * @param exceeded the limit that token exceeds, or null
 */
record Lexed(
    byte[] types, int[] starts, int[] stops, int tooDeep, NestingCheck.Exceeded exceeded) {}
