from_auto = "not loaded for a file input"
