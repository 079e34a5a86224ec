"""Domain objects and rules: plain Python, standard library only."""
