a = 1 2
b = "x" "y"
c {
  d = 1 }
