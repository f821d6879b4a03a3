"""The form-token guard, made here and put on the app by the factory, so any
view may name it (csrf.exempt) without importing the factory."""

from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
