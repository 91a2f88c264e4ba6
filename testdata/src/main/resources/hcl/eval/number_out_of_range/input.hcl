huge = 1e20000
