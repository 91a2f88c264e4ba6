a = "hello ${~ "world" }"
b = "%{ if true ~} hello %{~ endif }"
c = "${"hello" ~}${" world"}"
d = "a  ${~ x ~}  b"
e = <<EOT
%{ if true ~}
   kept indentation
%{~ endif }
EOT
