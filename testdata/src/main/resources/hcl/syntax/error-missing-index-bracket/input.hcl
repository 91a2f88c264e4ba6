a = x[1 2]
b = x[*.y
