count = "many"
zones = { a = 1 }
