"""Press releases: the record every other layer works with, and readers that make it from files."""
from corpus.release import Release

__all__ = ["Release"]
