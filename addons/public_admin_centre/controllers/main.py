"""Portal and public pages: see portal.py, catalogue.py, status.py."""
