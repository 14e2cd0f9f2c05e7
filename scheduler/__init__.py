"""duban (督办): deadline reminders for government work plans, counted in official working days."""

__version__ = "0.1.0"
