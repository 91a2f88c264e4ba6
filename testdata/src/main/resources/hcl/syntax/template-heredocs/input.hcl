a = <<EOT
hello
  world
EOT
b = <<-EOT
    indented
      more
    back
    EOT
c = <<EOF-MARKER
a line ending with EOF-MARKER
  EOF-MARKER
d = <<EOT
${x} and %{ if y }z%{ endif }
$${escaped} %%{escaped} \n stays
EOT
e = <<EOT
EOT
f = [<<EOT
in a tuple
EOT
, 2]
g = f(<<EOT
argument
EOT
)
h = <<-EOT
    first

    after a blank line
  ${x}
  EOT
i = <<EOT
closing marker with spaces around
   EOT   
