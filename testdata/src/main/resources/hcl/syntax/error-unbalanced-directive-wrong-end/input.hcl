a = "%{ if true }%{ endfor }"
b = <<EOT
%{ for x in [1] }
%{ if true }
line
%{ endfor }
EOT
c = "%{ for x in y }%{ if x }%{ endif }%{ endif }%{ endfor }"
d = "%{ if a }%{ for x in y }%{ endif }%{ endfor }%{ endif }"
e = "%{ if a }%{ if b }%{ endfor }%{ endif }"
f = "%{ for x in y }%{ for z in x }%{ endif }%{ endfor }%{ endfor }"
