"""Prioritering (issue 9; recommendation 10 of seed 000, §1.6.2): which open measures get the scarce IV capacity.

`model` holds the plain rows; `invoer` reads them, `rangorde` scores and ranks, `inpassing` fits the ranking into
the capacity per chain and period, `scenario` tries changes without touching the register and saves them as a
decision; `capaciteit` and `besluit` are the use cases that write. No Qt here: the page and the PDF share all of it.
"""
