"""The modules' imports, read from the source: no module of the package takes part in
an import cycle, deferred imports inside functions included; no stage imports a later
one; the output formats read only the report model."""
import ast
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
PACKAGES = {"reportlint": "lint", "reportlint.rules": "rules"}


def modules() -> dict:
    """reportlint module name -> source path."""
    out = {}
    for package, folder in PACKAGES.items():
        for name in sorted(os.listdir(os.path.join(ROOT, folder))):
            path = os.path.join(ROOT, folder, name)
            if name.endswith(".py"):
                out[package if name == "__init__.py" else f"{package}.{name[:-3]}"] = path
            elif os.path.isfile(os.path.join(path, "__init__.py")) and f"{package}.{name}" not in PACKAGES:
                for sub in sorted(os.listdir(path)):
                    if sub.endswith(".py"):
                        sub_name = f"{package}.{name}" + ("" if sub == "__init__.py" else f".{sub[:-3]}")
                        out[sub_name] = os.path.join(path, sub)
    return out


def imports(name: str, path: str, known: set) -> set:
    """The package's modules that ``name`` imports, anywhere in its source."""
    package = name if path.endswith("__init__.py") else name.rpartition(".")[0]
    deps = set()
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    # `if TYPE_CHECKING:` imports are read by the type checker only, never run.
    type_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                 and getattr(block.test, "id", "") == "TYPE_CHECKING"
                 for stmt in block.body for n in ast.walk(stmt)}
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from . import sources` imports the submodule, `from . import __version__`
            # the package itself.
            subs = {f"{target}.{a.name}" for a in node.names} & known
            deps |= subs or ({target} & known)
        elif isinstance(node, ast.Import):
            deps |= {a.name for a in node.names} & known
    return deps - {name}


def cycles(graph: dict) -> list:
    """Every import cycle found by a depth-first walk, as [a, b, …, a]."""
    done, found = set(), []

    def visit(node, path):
        for dep in sorted(graph[node]):
            if dep in path:
                found.append(path[path.index(dep):] + [dep])
            elif dep not in done:
                visit(dep, path + [dep])
        done.add(node)

    for node in sorted(graph):
        if node not in done:
            visit(node, [node])
    return found


def graph_of(mods: dict) -> dict:
    return {name: imports(name, path, set(mods)) for name, path in mods.items()}


def test_no_import_cycle():
    graph = graph_of(modules())
    assert {"reportlint.config", "reportlint.profiles", "reportlint.rules.pairs"} <= set(graph)
    assert cycles(graph) == []


def test_the_walk_finds_a_cycle_through_a_deferred_import(tmp_path, monkeypatch):
    # The test above can fail: two modules importing each other, one inside a function.
    for folder in ("lint", "rules"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "__init__.py").write_text("")
    (tmp_path / "lint" / "a.py").write_text("def f():\n    from .b import g\n")
    (tmp_path / "lint" / "b.py").write_text("from .a import f\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", str(tmp_path))
    assert cycles(graph_of(modules())) == [["reportlint.a", "reportlint.b", "reportlint.a"]]


# The stages in data-flow order (ARCHITECTURE.md): a module may import modules of its own
# layer or of an earlier one, never of a later one.  Modules not listed here are the
# rule families (layer "rules") and the formats (layer "output").
LAYERS = [
    ("model", {"rule", "record", "report", "context", "messages", "patterns", "hookspecs", "numbers", "datacache",
               "configerrors", "configyaml", "reading", "writing", "location"}),
    ("inputs", {"config", "profiles", "vocab", "words", "plugins", "discovery", "resolve", "sources",
                "document", "residue", "tables", "readers", "readers.base", "readers.html",
                "readers.docx", "readers.pdf"}),
    ("rules", {"engine", "timelimit", "ruledoc"}),
    ("filters", {"filters", "suppress", "baseline"}),
    ("pipeline", {"pipeline", "fixes"}),
    ("executor", {"executor"}),
    ("run", {"runner", "compare"}),
    ("output", {"cli", "progress", "testing", "__main__"}),
]
# What an output format may read: the report model, the rule metadata, the Document (a
# result's positions), the other formats, the package's version.
FORMAT_IMPORTS = {"reportlint", "reportlint.report", "reportlint.rule", "reportlint.ruledoc",
                  "reportlint.messages", "reportlint.location",
                  "reportlint.document"}


# The package itself: its top level defines only the rule API (a rule imports hookimpl
# from it); its functions are the public API and call the whole run, so it is not held
# to a layer as an importer.
FACADE = "reportlint"


def layer_of(module: str) -> int:
    if module in (FACADE, "reportlint.rules"):   # the API; the rules' data folder
        return 0
    if module.startswith("reportlint.rules."):
        return 2
    if module.startswith("reportlint.formats"):
        return len(LAYERS) - 1
    short = module.removeprefix("reportlint.")
    return next(i for i, (_, names) in enumerate(LAYERS) if short in names)


def backward_imports(graph: dict) -> list:
    return sorted((m, dep) for m, deps in graph.items() if m != FACADE for dep in deps
                  if layer_of(dep) > layer_of(m))


def test_every_module_has_a_layer():
    for module in modules():
        layer_of(module)   # StopIteration names a module missing from LAYERS


def test_no_module_imports_a_later_stage():
    assert backward_imports(graph_of(modules())) == []


def test_the_formats_read_only_the_report_model_and_the_rule_metadata():
    graph = graph_of(modules())
    for module, deps in graph.items():
        if module.startswith("reportlint.formats"):
            assert {d for d in deps if not d.startswith("reportlint.formats")} <= FORMAT_IMPORTS, \
                module


def test_the_layer_check_can_fail():
    assert backward_imports({"reportlint.engine": {"reportlint.pipeline"},
                             "reportlint.pipeline": set()}) == \
        [("reportlint.engine", "reportlint.pipeline")]
