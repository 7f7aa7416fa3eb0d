"""cc-career: career planning for call-center and customer-support staff."""

__version__ = "0.1.0"
