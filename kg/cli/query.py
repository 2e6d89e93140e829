"""`kg sparql`, `kg serve`, `kg lookup`: asking the graph questions (issue 4)."""
