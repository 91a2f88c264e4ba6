a = [for]
b = {for = 1}
c = [for x y]
d = [for x in y]
e = {for k, v in x: k}
f = [for x in y: x z]
g = [for 1 in x: 1]
h = [for a, in x: 1]
i = {for k in x: k => k z}
