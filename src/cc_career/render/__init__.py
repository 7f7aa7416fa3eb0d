"""Documents made from a plan: the Markdown career plan, the interview answer, the cohort summary."""
