package io.github.packer2aib.core.hcl.syntax;

/**
 * An expression of the HCL expression language (spec: "Expressions"). Parentheses are kept as
 * {@link Parenthesized} nodes, so the tree records how the source grouped operands.
 */
public sealed interface Expression extends SyntaxNode
    permits LiteralValue,
        TemplateExpr,
        ScopeTraversal,
        RelativeTraversal,
        SplatItem,
        FunctionCall,
        Conditional,
        BinaryOp,
        UnaryOp,
        Tuple,
        ObjectCons,
        ForExpr,
        SplatExpr,
        IndexExpr,
        Parenthesized {}
