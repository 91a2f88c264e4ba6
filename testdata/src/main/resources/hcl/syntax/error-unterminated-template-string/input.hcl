a = "abc
b = "x${y"
c = "ok"
d = "no end