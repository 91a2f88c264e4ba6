packages = ["curl", "jq"]
ports    = [22]
pair     = [["x"], "y"]
typed    = ["a", "b"]
