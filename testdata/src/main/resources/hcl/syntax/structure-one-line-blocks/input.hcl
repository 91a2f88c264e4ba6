a { b = 1 }
c "x" y { d = [1, 2] }
e {}
f "label" {}
