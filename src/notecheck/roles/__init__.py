"""Sentence roles: what each sentence of a note's body does, read once per note and shared by the content rules."""

from notecheck.roles.model import ROLE_HELP, Cue, Reading, Role
from notecheck.roles.reader import cue_between, cue_in, in_scope, read_roles

__all__ = ["ROLE_HELP", "Cue", "Reading", "Role", "cue_between", "cue_in", "in_scope", "read_roles"]
