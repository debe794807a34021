"""The pluggy hook specifications: how rule packs, built-in or not, offer rules,
document types and vocabulary."""
import pluggy

from .rule import hookimpl  # noqa: F401 - the marker's old home

PROJECT = "reportlint"
hookspec = pluggy.HookspecMarker(PROJECT)


@hookspec
def reportlint_rules():
    """Return a list of Rule objects.

    A package offers rules by naming a module (or object) with this hook in the
    entry-point group ``reportlint``::

        [project.entry-points.reportlint]
        my_rules = "my_package.rules"
    """


@hookspec
def reportlint_profiles():
    """Return a list of document types, each a mapping in the schema of ``profiles:`` in
    .reportlint.yaml (a new type, or ``extends:`` a known one).  Validated like the
    configuration: a plugin whose profiles are wrong is an error, and is not used."""


@hookspec
def reportlint_vocab():
    """Return a mapping in the schema of ``vocab:`` in .reportlint.yaml (subsets, rates …),
    added to the built-in vocabulary; validated like the configuration."""
