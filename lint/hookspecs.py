"""The pluggy hook specifications: how rule packs, built-in or not, offer rules."""
import pluggy

PROJECT = "reportlint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def reportlint_rules():
    """Return a list of Rule objects.

    A package offers rules by naming a module (or object) with this hook in the
    entry-point group ``reportlint``::

        [project.entry-points.reportlint]
        my_rules = "my_package.rules"
    """
