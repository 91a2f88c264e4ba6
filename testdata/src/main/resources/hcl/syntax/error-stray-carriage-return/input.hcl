a = "xy"
b = <<EOT
xy
EOT
c = 1 # a comment may hold a stray 
