"""Fuzz targets for newsparse (``make fuzz``); the short CI pass lives in tests/test_reliability.py."""
