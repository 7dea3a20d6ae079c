"""Coding: from parsed sentences and actor mentions to events."""
