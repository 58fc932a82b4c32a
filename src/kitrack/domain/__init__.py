"""The facts of the domain: partial dates, the record models, problem codes and values, and the
as-of rules. The bottom layer: it imports nothing else of kitrack's."""
