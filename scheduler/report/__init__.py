"""Reports (SPEC §3.5): the 台账 (.xlsx, .csv) and the 通报 draft (.md, .docx), from the read model."""
