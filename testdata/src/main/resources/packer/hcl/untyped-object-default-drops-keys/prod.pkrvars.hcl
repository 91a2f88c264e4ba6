tags        = { owner = "platform", cost_center = "cc-42" }
network     = { vnet = "v2", subnet = { name = "s2", cidr = "10.0.0.0/24" }, peering = 2 }
secret_tags = { owner = "sec-team-7", key_vault = "kv-Zq9SecretValue" }
typed       = { owner = "platform", cost_center = "cc-42" }
same        = { owner = "images" }
block_tags  = { owner = "platform", cost_center = "cc-42" }
