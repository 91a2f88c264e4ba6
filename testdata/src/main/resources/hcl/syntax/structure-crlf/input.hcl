a = 1
b {
  c = "x"
}
d = <<EOT
line
EOT
