"""An example reportlint plugin: one rule, one document type and some vocabulary.

Installed (``pip install examples/plugin``), its entry point in the group ``reportlint``
makes reportlint load this module; each hook below adds what it returns.
"""
import re

from reportlint import Fix, Rule, hookimpl

class NoTodo(Rule):
    name = "no-todo"
    category = "custom"
    severity = "warning"
    summary = {"zh": "文中留有 TODO", "en": "a TODO left in the text"}
    fixable = "unsafe"                      # its fixes: "" none, "safe" or "unsafe"

    def check(self, doc, options):          # doc.text, doc.folded, doc.paragraphs, doc.headings …
        for m in re.finditer("TODO", doc.folded):
            yield self.finding(m.start(), m.end(), zh="文中留有 TODO", en="a TODO is left in the text",
                               fix=Fix(m.start(), m.end(), "", safe=False))

@hookimpl
def reportlint_rules():
    return [NoTodo()]


@hookimpl
def reportlint_profiles():
    # A document type: recognised by its title, with the parts it must contain.
    return [{
        "name": "meeting-minutes",
        "description": {"zh": "会议纪要", "en": "minutes of a meeting"},
        "priority": 40,
        "recognise": {"title": [["会议纪要"]]},
        "parts": [
            {"id": "attendance", "name": {"zh": "出席人员", "en": "who attended"},
             "headings": ["出席人员", "参会人员"], "body": ["出席会议", "参加会议"]},
            {"id": "decisions", "name": {"zh": "议定事项", "en": "what was decided"},
             "headings": ["议定事项", "会议议定", "会议决定"]},
        ],
    }]


@hookimpl
def reportlint_vocab():
    # Counts the arithmetic rules now relate: no more 帮扶 than 走访.
    return {"subsets": [{"subset": ["帮扶"], "superset": ["走访"]}]}
