"""The web pages of SPEC §6: unit feedback pages, the coordinator's dashboard and review."""
