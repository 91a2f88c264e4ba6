locals {
  # File functions resolve relative paths in the template's folder.
  script     = file("scripts/setup.sh")
  has_script = fileexists("scripts/setup.sh")
  rendered   = templatefile("templates/motd.tftpl", { name = "web", ports = [80, 443] })
  encoded    = base64encode("hello")
  # The clock is frozen for the whole run.
  stamp      = timestamp()
  day        = formatdate("YYYY-MM-DD", timestamp())
  id         = uuidv4()
  joined     = join(",", [for r in ["a", "b"] : upper(r)])
  tried      = try(local.missing_key["x"], "fallback")
  missing_key = {}
}
