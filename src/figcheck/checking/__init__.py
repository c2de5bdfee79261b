"""The checking stage: claims (and reference tables) in, findings out.

- :mod:`.options`: the options of a run (:class:`~.options.CheckOptions`) and severities;
- :mod:`.intervals`: claim intervals, their distances and how they are written;
- :mod:`.keys`: which claims are about the same thing;
- :mod:`.claim_level`: checks inside one claim or one sentence;
- :mod:`.between_claims`: conflicts and corroborations between claims;
- :mod:`.against_reference`: claims matched to reference rows.

Defaults of every option are in ``figcheck/data/checks.toml`` and documented there.
"""
