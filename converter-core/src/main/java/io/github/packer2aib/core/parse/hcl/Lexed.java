package io.github.packer2aib.core.parse.hcl;

import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * A text's tokens as {@link HclTokenizer#lexed} leaves them for {@link HclParser}: the filled
 * stream for ANTLR's path, and, gathered in the same pass over the tokens, what the descent parser
 * reads (the tokens of the default channel and their types) and the nesting check's verdict.
 *
 * @param stream every token, up to and including the end-of-file token
 * @param visible the default channel's tokens, end-of-file included; the array may be longer
 * @param visibleTypes their types, index for index
 * @param tooDeep the first token that opens a bracket, brace or template sequence deeper than
 *     {@link HclParser#MAX_NESTING}, or null
 */
record Lexed(CommonTokenStream stream, Token[] visible, int[] visibleTypes, Token tooDeep) {}
