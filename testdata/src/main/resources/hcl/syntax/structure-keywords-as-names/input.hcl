for = 1
if = 2
in {
  null = 3
}
true "false" endif {
  else = a.for.in.if
}
