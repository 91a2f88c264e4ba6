region = "westeurope"
size   = "Standard_D2s_v5"
