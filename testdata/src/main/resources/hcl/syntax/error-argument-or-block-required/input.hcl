name
b = 1
123 456
[1, 2]
block {
  42
  inner = 2
}
