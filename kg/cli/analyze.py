"""`kg stats`, `kg path`, `kg neighbors`, `kg export`: the graph as a network (issue 4)."""
