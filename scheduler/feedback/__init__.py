"""Feedback from units (进展/办结/延期), the coordinator's review, and the write-back (SPEC §3.4)."""
