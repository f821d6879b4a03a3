"""The app: its factory and settings, errors, headers, serving, and its jobs."""
