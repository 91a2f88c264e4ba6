a "${var.x}" {
}
b "%{ if x }y%{ endif }" {
}
