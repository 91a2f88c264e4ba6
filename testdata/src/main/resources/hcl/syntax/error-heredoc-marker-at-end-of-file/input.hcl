build {
  x = 1
}
v = <<-EOT
  a
  EOT  