"""Delivery channels: one small class per kind behind the Channel protocol (base.py)."""
