a = 1
b = 2
a = 3
block {
  x = 1
  x = 2
}
