"""The questionnaires: the only place in the program that prompts a person.

`prompts` holds the shared machinery (one Ctrl-C / Ctrl-D handler, drafts, resume);
`plan` asks the three steps of the method; `interview` asks for the interview details.
"""
