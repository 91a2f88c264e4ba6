a = 1 + 2 * 3
b = !x && y || z
c = a == b != c
d = 1 < 2 == true
e = -a * b
f = a - -b
g = (1 + 2) * 3
h = a % b / c * d
i = a || b && c
j = a >= b && a <= c && a > d && a < e
k = !!a
l = 1 - 2 - 3
m = -a.b[0]
