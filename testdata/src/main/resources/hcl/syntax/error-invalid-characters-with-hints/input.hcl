a = 'text'
b = true & false
c = true | false
d = `two
lines`
e = 1; f = 2
g = ${var.x}
