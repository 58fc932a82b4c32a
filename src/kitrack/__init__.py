"""kitrack: track industrial estates and the infrastructure that serves them."""

__version__ = "0.1.0"
