data "http" "regions" {
  url = "https://example.com/regions.json"
}

source "azure-arm" "x" {
  location = "westeurope"
  dynamic "target_region" {
    for_each = jsondecode(data.http.regions.body)
    content {
      name = target_region.value
    }
  }
}
