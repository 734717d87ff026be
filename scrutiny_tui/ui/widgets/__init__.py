"""Reusable widgets. They display what they are given and never touch the store."""
