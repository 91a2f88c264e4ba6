a = <<EOT
line
  EOT line
