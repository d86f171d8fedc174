"""Dossier views: files.py (private downloads); citizens', officers' and tracking pages beside."""
