"""sache: Smart Accelerators of Creative Heritage Entrepreneurship."""

__version__ = "0.1.0"
