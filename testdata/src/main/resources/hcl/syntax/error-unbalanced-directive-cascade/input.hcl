locals {
  e = <<-EOT
${ "x" }%{ if "a" == "a" }%{ for x in ["a","b"] }%{~ for x in ["a"] }%{~ endfor ~}%{~ for x in ["a"] ~}a b%%{z}%{ endfor }%{ endfor }~%{ if "a" == "a" }%{ for x in [] }
% 
    %%%{~ endfor }%{~ for x in ["a","b"] ~}  
%%{z}%{ endfor }${ " w " }%{ else }
    %{ endif ~}%{ else ~}%{ if false }%{ endif }a b%  
%{~ endif }
EOT
}
