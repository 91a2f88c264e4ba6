// Placeholder grammar: it keeps the ANTLR build of this module exercised until the HCL native
// syntax grammar (issue 3) and the Go-template grammar (issue 4) land here. It recognises a
// dotted reference such as `var.image_sku`, the smallest piece both languages share.
grammar Placeholder;

reference
    : IDENTIFIER (DOT IDENTIFIER)* EOF
    ;

DOT        : '.' ;
IDENTIFIER : [A-Za-z_] [A-Za-z0-9_-]* ;
WS         : [ \t\r\n]+ -> channel(HIDDEN) ;
