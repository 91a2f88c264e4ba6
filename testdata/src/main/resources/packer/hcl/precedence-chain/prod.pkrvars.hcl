d_var_file     = "var file"
e_command_line = "var file"
