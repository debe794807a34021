"""The fast configuration reader gives what ruamel.yaml's round-trip loader gives: the
same data and the same line:col of every node, key, value and item, or it gives way."""
import random

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from reportlint.configyaml import Unsupported, load


def described(node, seen=None):
    """Data, positions and which nodes are one object (an alias), comparable across
    both readers."""
    seen = {} if seen is None else seen
    if isinstance(node, (dict, list)):
        if id(node) in seen:
            return ("alias", seen[id(node)])
        seen[id(node)] = len(seen)
        lc = node.lc
        if isinstance(node, dict):
            return ("map", lc.line, lc.col,
                    [(k, lc.key(k), lc.value(k), described(v, seen)) for k, v in node.items()])
        return ("seq", lc.line, lc.col,
                [(lc.item(i), described(v, seen)) for i, v in enumerate(node)])
    kind = next((t for t in (bool, int, float, str, type(None)) if isinstance(node, t)), None)
    if kind is None:              # a date, a set …: only ruamel.yaml reads those
        return ("other", type(node).__name__)
    return (kind.__name__, node if kind is not str else str(node))


def both(text):
    expected = described(YAML(typ="rt").load(text))    # raises on what is not YAML
    try:
        got = load(text)
    except Unsupported:
        return expected, None
    return expected, described(got)


WORDS = ["a", "rule", "统筹兼顾", "x y", "reports/**/*.txt", "1", "-1", "2.5", "0", "true",
         "off", "null", "~", "2024年", "a#b", "a:b", "第1项：说明", "!x", "&a", "'q'", '"d"',
         "it's", "[x]", "{y}", "x,y", "012", "1e3", "2024-01-02", "<<", "=", "-", "a: b",
         "- x", "#c", ".5", "　全角", ""]


def scalar(rng, flow=False):
    w = rng.choice(WORDS)
    style = rng.random()
    if style < 0.15:
        return "'" + w.replace("'", "''") + "'"
    if style < 0.25 and '"' not in w and "\\" not in w:
        return '"' + w + '"'
    return w


def node(rng, depth, indent, anchors):
    r = rng.random()
    if depth > 2 or r < 0.35:
        if anchors and rng.random() < 0.1:
            return " *" + rng.choice(anchors)
        return " " + scalar(rng)
    if r < 0.6:
        # on one line or several, with comments and anchors; nested
        sep = rng.choice([", ", ", ", ",\n" + " " * (indent + rng.randint(0, 3)),
                          ", # c\n\n" + " " * (indent + 2)])
        items = [scalar(rng, True) for _ in range(rng.randint(0, 3))]
        if items and rng.random() < 0.2:
            name = f"n{len(anchors)}"
            anchors.append(name)
            items[0] = f"&{name} {items[0]}"
        if rng.random() < 0.2 and anchors:
            items.append("*" + rng.choice(anchors))
        if rng.random() < 0.2:
            items.append("[" + ", ".join(scalar(rng, True) for _ in range(2)) + "]")
        if r < 0.5:
            return " [" + sep.join(items) + "]"
        return " {" + sep.join(f"{rng.choice(['k', 'x', 'y', 'z'])}{i}: {v}"
                               for i, v in enumerate(items)) + "}"
    anchor = ""
    if rng.random() < 0.2:
        name = f"n{len(anchors)}"
        anchors.append(name)
        anchor = " &" + name
    step = rng.choice([1, 2, 4])
    inner = indent + step
    lines = []
    if r < 0.8:
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.1:
                lines.append(" " * rng.randint(0, 6) + "# note")
            lines.append(" " * inner + rng.choice(["k", "key", "第一", "x y", "'q k'", "1", "true"])
                         + rng.choice([":", " :"]) + node(rng, depth + 1, inner, anchors)
                         + rng.choice(["", "  # c", "#c"]))
        return anchor + "\n" + "\n".join(lines)
    dash_indent = inner if rng.random() < 0.7 else indent
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.3:
            key = rng.choice(["k", "rule", "files"])
            lines.append(" " * dash_indent + "- " + key + ":" + node(rng, depth + 1,
                                                                    dash_indent + 2, anchors))
        else:
            lines.append(" " * dash_indent + "-" + node(rng, depth + 1, dash_indent, anchors))
    return anchor + "\n" + "\n".join(lines)


def document(rng):
    anchors: list = []
    keys = rng.sample(["rules", "exclude", "ignore", "per-file", "vocab", "language", "k"],
                      rng.randint(1, 4))
    return "\n".join(k + ":" + node(rng, 0, 0, anchors) for k in keys) + rng.choice(["", "\n"])


# A random document may define an anchor twice, which YAML allows (the later one wins)
# and ruamel.yaml warns about.
@pytest.mark.filterwarnings("ignore::ruamel.yaml.error.ReusedAnchorWarning")
def test_random_documents_read_as_ruamel_reads_them():
    rng = random.Random(10)
    read = 0
    for _ in range(700):
        text = document(rng)
        try:
            expected, got = both(text)
        except YAMLError:         # not YAML: the fast reader must give way
            with pytest.raises(Unsupported):
                load(text)
            continue
        if got is not None:
            read += 1
            assert got == expected, text
    assert read > 80              # many of them took the fast way


@pytest.mark.parametrize("text", [
    "a: 1\n",
    "exclude: &g [a, b]\nignore:\n  - {rule: x, text: y, files: *g}\n",
    "vocab:\n  words:\n    - {kind: typo, right: 统筹兼顾, wrong: [统愁兼顾], source: 本单位}\n",
    "per-file:\n- files: [a/*.txt]\n  rules:\n    mixed-width-pair: 'off'\n",
    "bounded-rates: [成功率, 办结率,  # 率\n  满意率]\nwords:\n  - {source: &xd 《词典》, a: 1}\n"
    "  - {source: *xd}\n",
    "rules:\r\n  x: warning\r\n",
    "a:\n  - x\n  -   y: 1\n      z: [1, -2, 2.5]\n",
    "priority: -1\nname: '第1项: 说明'\n",
])
def test_common_shapes_take_the_fast_way(text):
    expected, got = both(text)
    assert got == expected


@pytest.mark.parametrize("text", [
    "a:\n",                      # an empty value: its place depends on what follows
    "a: b\n  c\n",               # a scalar over two lines
    "a: |\n  x\n",               # a block scalar
    "a: !tag x\n",
    "a: 1\na: 2\n",              # a duplicate key: ruamel.yaml says where
    "a: 2024-01-02\n",           # a date
    "a: [x\n  y]\n",             # a plain scalar over two lines
    "a: [x,\ny]\n",              # a flow collection's line not indented
    "a:\tb\n",
    "--- \na: 1\n",
    'a: "x\\ny"\n',
    "a: 0o17\n",
])
def test_the_rest_is_left_to_ruamel(text):
    with pytest.raises(Unsupported):
        load(text)


def _builtin_yaml_files():
    import glob
    import os

    import reportlint.rules
    base = os.path.dirname(os.path.abspath(reportlint.rules.__file__))
    return sorted(glob.glob(os.path.join(base, "**", "*.yaml"), recursive=True))


@pytest.mark.parametrize("path", _builtin_yaml_files(), ids=lambda p: p.rsplit("/", 2)[-1])
def test_every_builtin_data_file_takes_the_fast_way(path):
    # The first run with an empty cache parses the built-in data: a file that gives way
    # imports ruamel.yaml, about 30 ms of that start-up.
    with open(path, encoding="utf-8") as f:
        text = f.read()
    expected, got = both(text)
    assert got == expected


def test_the_builtin_data_files_are_found():
    names = {p.rsplit("/", 1)[-1] for p in _builtin_yaml_files()}
    assert {"annual-report.yaml", "words.yaml", "gioa.yaml"} <= names
