package io.github.packer2aib.core.legacy.template;

/**
 * {@code {{ pipeline }}}.
 *
 * @param pipeline what the action computes
 * @param trimLeft written with {@code {{- }: the whitespace before it is removed
 * @param trimRight written with {@code -}}}: the whitespace after it is removed
 * @param source the action exactly as written, delimiters included; an action that refers to
 *     provisioner-time data ({@code {{ .Path }}}) is kept as this text
 * @param span the action, delimiters included
 */
public record Action(
    Pipeline pipeline, boolean trimLeft, boolean trimRight, String source, Span span)
    implements TemplateNode {}
