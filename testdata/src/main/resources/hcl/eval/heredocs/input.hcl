plain = <<EOT
line one
  line two ${var.name}
EOT
indented = <<-EOT
    first
      second ${var.count}
    third
    EOT
