a = "%{ for 1 in x }%{ endfor }"
b = "%{ for k, in x }%{ endfor }"
c = "%{ for v x }%{ endfor }"
