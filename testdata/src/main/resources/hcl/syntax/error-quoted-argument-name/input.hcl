"quoted" = 1
ok = 2
