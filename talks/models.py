# The Talk model arrives with the talks issue (see DESIGN.md, "Data model").
