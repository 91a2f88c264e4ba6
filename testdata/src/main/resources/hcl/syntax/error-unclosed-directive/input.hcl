a = "%{ if x }y"
b = <<EOT
%{ for v in x }
${v}
EOT
