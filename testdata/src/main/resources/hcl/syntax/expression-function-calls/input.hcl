a = f()
b = f(1)
c = f(1, "two", three)
d = f(1, 2,)
e = f(list...)
f = f(a, list...)
g = f(
  1,
  2,
)
h = provider::aws::arn_parse("x")
i = f(g(h(1)))
