location = "westeurope"
sku      = "22_04-lts"
location = "northeurope"
