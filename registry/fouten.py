"""Errors a user can cause: each carries a Dutch message that can be shown as it is."""


class RegisterFout(Exception):
    """Base of every error the user can cause; its message is Dutch and complete."""

    def __init__(self, melding: str):
        super().__init__(melding)
        self.melding = melding

    def __str__(self) -> str:
        return self.melding


class ValidatieFout(RegisterFout):
    """Input breaks a rule of the register; `veld` names the field when there is one."""

    def __init__(self, melding: str, veld: str | None = None):
        super().__init__(melding)
        self.veld = veld


class NietGevonden(RegisterFout):
    """A code or id that does not exist (any more)."""


class ConflictFout(RegisterFout):
    """Someone else saved the same item since it was read: nothing was written."""

    def __init__(self, melding: str, wijzigingen: list | None = None):
        super().__init__(melding)
        self.wijzigingen = wijzigingen or []


class DatabaseFout(RegisterFout):
    """A database that cannot be used: not a database, another application's, too new, damaged, unreachable."""
