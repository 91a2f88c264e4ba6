c_auto_var_file = "auto var file"
d_var_file      = "auto var file"
e_command_line  = "auto var file"
