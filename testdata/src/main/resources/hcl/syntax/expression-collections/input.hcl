a = []
b = [1, "two", three, [4], {five = 5}]
c = [1, 2,]
d = [
  1,
  2
]
e = {}
f = {a = 1, b = 2}
g = {a: 1, "b": 2}
h = {
  a = 1
  b = 2,
  c = 3

  d = 4
}
i = {(key) = 1, "${k}" = 2, key.attr = 3, 4 = "four"}
j = {nested = {deep = [1, {x = y}]}}
