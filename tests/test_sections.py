"""Profiles, missing-section, section-order and missing-title."""
import glob
import os

import pytest

from reportlint.residue import title_of
from reportlint.cli import main
from reportlint.runner import Linter
from tests.helpers import findings, linted

SEEDS = os.path.join(os.path.dirname(__file__), "..", "seeds")
CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")


@pytest.fixture(scope="module")
def seeds():
    linter = Linter(use_config=False)
    return {os.path.basename(p)[:-4]: linted(linter, p)
            for p in sorted(glob.glob(os.path.join(SEEDS, "*.txt")))}


def of(result, category=None, rule=None):
    return [f for f in result.findings
            if (category is None or f.category == category) and (rule is None or f.rule == rule)]


# -- golden seeds (from the issue) --------------------------------------------------------


@pytest.mark.parametrize("name,profile", [
    ("nanhu-2023", "annual-report"), ("hongqi-2021", "annual-report"),
    ("pujiang-2023", "annual-report"), ("shengsi-2022", "implementation-opinion"),
    ("qinzhou-2023", "annual-report")])
def test_seed_profiles(seeds, name, profile):
    assert seeds[name].profile == profile


def test_nanhu_parts_sit_in_the_body(seeds):
    r = seeds["nanhu-2023"]
    missing = of(r, rule="missing-section")
    assert [f.severity for f in missing if f.severity != "info"] == []
    # Its shortfalls and next year's plans are in the closing paragraph (line 57).
    lines = {r.doc.position(f.start)[0] for f in missing}
    assert 57 in lines


def test_hongqi_lacks_the_shortfalls(seeds):
    r = seeds["hongqi-2021"]
    errors = [f for f in of(r, rule="missing-section") if f.severity == "error"]
    assert len(errors) == 1
    assert "存在的不足和原因" in errors[0].zh and "shortfalls" in errors[0].en


def test_pujiang_lacks_the_leaders_duty(seeds):
    r = seeds["pujiang-2023"]
    errors = [f for f in of(r, rule="missing-section") if f.severity == "error"]
    assert len(errors) == 1
    assert "第一责任人" in errors[0].zh


def test_shengsi_has_every_part_in_order(seeds):
    r = seeds["shengsi-2022"]
    assert of(r, "sections") == [] and of(r, "headings") == []


def test_qinzhou_has_no_title(seeds):
    r = seeds["qinzhou-2023"]
    (f,) = of(r, rule="missing-title")
    assert r.doc.position(f.start) == (1, 1)
    assert [f for f in of(r, rule="missing-section") if f.severity != "info"] == []


@pytest.mark.parametrize("name", ["nanhu-2023", "hongqi-2021", "pujiang-2023", "shengsi-2022"])
def test_titled_seeds_have_no_missing_title(seeds, name):
    assert of(seeds[name], rule="missing-title") == []


def test_titles_are_found_after_residue(seeds):
    def title(name):
        d = seeds[name].doc
        span = title_of(d)
        return d.text[span.start:span.end]
    assert title("pujiang-2023") == "浦江县司法局2023年度法治政府建设情况的报告"
    assert title("shengsi-2022").startswith("嵊泗县人民政府办公室关于印发")
    assert title("hongqi-2021") == "红旗区人民政府2021年度法治政府建设工作报告"


def test_corpus_has_no_section_or_heading_false_alarms():
    files = sorted(glob.glob(os.path.join(CORPUS, "*.txt")))
    if not files:
        pytest.skip("the shared corpus is not beside this checkout")
    linter = Linter(use_config=False, select=["sections", "headings"])
    for path in files:
        r = linted(linter, path)
        assert r.profile == "generic", path
        assert r.findings == [], path


# -- unit cases -------------------------------------------------------------------------

ANNUAL = """某县2023年度法治政府建设情况报告
一、2023年法治政府建设主要举措和成效
全年开展法治督察13次。
二、存在的不足和原因
行政执法规范化水平有待提高。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县长主持召开常务会议专题研究法治建设4次。
四、2024年工作安排
深化行政执法体制改革。
"""


def test_a_complete_annual_report_is_silent():
    assert findings(ANNUAL, "missing-section") == []
    assert findings(ANNUAL, "section-order") == []
    assert findings(ANNUAL, "missing-title") == []


def test_a_missing_part_is_an_error_on_the_title():
    text = ANNUAL.replace("二、存在的不足和原因\n行政执法规范化水平有待提高。\n", "") \
        .replace("三、", "二、").replace("四、", "三、")
    (f,) = findings(text, "missing-section")
    assert f.severity == "error" and (f.start, f.end) == (0, text.index("\n"))
    assert "存在的不足和原因" in f.zh


def test_a_part_covered_only_in_the_body_is_info():
    text = ANNUAL.replace("二、存在的不足和原因\n行政执法规范化水平有待提高。\n", "") \
        .replace("全年开展法治督察13次。", "全年开展法治督察13次,但仍存在执法不规范等问题。")
    (f,) = findings(text, "missing-section")
    assert f.severity == "info"
    assert text[f.start:f.end].startswith("但仍存在")


def test_a_passing_phrase_does_not_cover_the_shortfalls():
    text = ANNUAL.replace("二、存在的不足和原因\n行政执法规范化水平有待提高。\n", "") \
        .replace("全年开展法治督察13次。", "全年开展法治督察13次,对存在的问题进行及时交办。")
    (f,) = findings(text, "missing-section")
    assert f.severity == "error"


def test_parts_out_of_order_are_a_warning():
    text = ("某县2023年度法治政府建设情况报告\n一、主要举措和成效\n开展法治督察13次。\n"
            "二、2024年工作安排\n深化改革。\n三、存在的不足和原因\n执法水平有待提高。\n"
            "四、党政主要负责人履行推进法治建设第一责任人职责情况\n专题研究4次。\n")
    # One part is misplaced: next year's plans, which belong after the leaders' duty.
    (f,) = findings(text, "section-order")
    assert text[f.start:f.end] == "2024年工作安排"
    assert f.severity == "warning"
    assert text[f.related[0].start:f.related[0].end].startswith("党政主要负责人")


def test_a_first_part_placed_last_is_the_one_reported():
    text = ("某县2023年度法治政府建设情况报告\n一、存在的不足和原因\n执法水平有待提高。\n"
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n专题研究4次。\n"
            "三、2024年工作安排\n深化改革。\n四、主要举措和成效\n开展法治督察13次。\n")
    (f,) = findings(text, "section-order")
    assert text[f.start:f.end] == "主要举措和成效" and "before" in f.en


def test_a_heading_with_wordings_of_two_parts_covers_one():
    # 重点工作 (next year) and 推进情况 (measures) are both four characters long:
    # the tie goes to the earlier part, the measures, so 四、 is next year, in order.
    text = ANNUAL.replace("一、2023年法治政府建设主要举措和成效", "一、重点工作推进情况")
    assert findings(text, "section-order") == []
    assert [f for f in findings(text, "missing-section") if f.severity != "info"] == []


def test_duty_inside_the_measures_section_is_not_out_of_order():
    # A part that is a sub-item (一是…) of an earlier section is not a top-level section.
    text = ("某县2023年度法治政府建设情况报告\n一、主要举措和成效\n"
            "(一)强化领导。一是切实履行第一责任人职责。二是统筹推进。\n"
            "二、存在的不足和原因\n执法水平有待提高。\n三、2024年工作安排\n深化改革。\n")
    assert findings(text, "section-order") == []
    assert findings(text, "missing-section") == []


def test_missing_title_look_alikes():
    assert findings("政府工作报告\n各位代表:\n", "missing-title") == []
    assert findings("# 年度报告\n\n正文。\n", "missing-title", path="r.md") == []
    assert findings("各位代表,现在,我代表国务院作政府工作报告。\n", "missing-title") == []
    # A report that opens with its addressee: no body text before it, nothing to show.
    assert findings("中共嘉兴市委、嘉兴市人民政府:\n2023年,全区……\n", "missing-title") == []
    assert len(findings("2023年,全区坚持依法行政。现将有关情况报告如下:\n一、总体情况\n",
                        "missing-title")) == 1
    assert len(findings("一、总体情况\n正文。\n", "missing-title")) == 1


def test_missing_title_points_below_page_residue():
    from reportlint.document import Document
    text = "当前位置:首页 > 政务公开\n\n  2023年,全区坚持依法行政。现将有关情况报告如下:\n"
    (f,) = findings(text, "missing-title")
    # line 1 is a breadcrumb, line 2 blank: line 3 is the first real content, after two spaces
    assert Document(text).position(f.start) == (3, 3)
    assert text[f.start:f.end] == "2023年,全区坚持依法行政。现将有关情况报告如下:"
    # a document that is only residue has no text of its own that lacks a title
    assert findings("当前位置:首页\n\n打印本页\n", "missing-title") == []


def test_recognition_from_the_body_when_there_is_no_title():
    from reportlint.document import Document
    from reportlint.profiles import profile_of
    doc = Document("2023年,市政府有序推进法治政府建设各项工作。现将有关情况报告如下:\n一、工作情况\n")
    assert profile_of(doc).name == "annual-report"
    doc = Document("2023年,市政府推进各项工作。现将有关情况报告如下:\n")
    assert profile_of(doc).name == "generic"


def test_recognition_with_many_cue_wordings_reads_them_all():
    # More wordings than FEW_CUES take the automaton's pass, fewer the one-by-one search:
    # both ask every group for a hit.
    from reportlint.document import Document
    from reportlint.profiles import FEW_CUES, Profile, builtin_profiles, recognise
    for count in (2, FEW_CUES + 5):
        wordings = tuple(f"专项{i}" for i in range(count))
        custom = Profile("custom", priority=99, body_cues=(wordings, ("报告如下",)))
        profiles = {**builtin_profiles(), "custom": custom}
        last = f"推进{wordings[-1]}工作。现将有关情况报告如下:\n"
        assert recognise(Document(last), profiles, None) is custom
        first_only = f"推进{wordings[0]}工作。\n"
        assert recognise(Document(first_only), profiles, None).name == "generic"


def test_a_heading_naming_a_found_part_does_not_name_the_optional_one():
    # (一) holds 其他情况, a wording of the optional part, inside the longer match of the
    # shortfalls' pattern: it names the shortfalls, found already, and 五、 the other part.
    from reportlint.document import Document
    from reportlint.rules import sections
    filler = "".join(f"({n})工作情况\n正文。\n" for n in range(2, 9))
    text = ANNUAL.replace("四、2024年工作安排", "(一)存在其他情况等问题\n" + filler
                          + "四、2024年工作安排") + "五、其他需要报告的情况\n无。\n"
    covered = sections.coverage(Document(text))
    assert [text[c.start:c.end] for c in covered] == [
        "2023年法治政府建设主要举措和成效", "存在的不足和原因",
        "党政主要负责人履行推进法治建设第一责任人职责情况", "2024年工作安排", "其他需要报告的情况"]


def test_a_part_only_a_pattern_names_is_looked_for_in_every_heading():
    # 存在的突出问题 holds no wording of the shortfalls, only their heading pattern.
    text = ANNUAL.replace("二、存在的不足和原因\n行政执法规范化水平有待提高。\n", "") \
        .replace("三、", "二、").replace("四、", "三、") + "四、存在的突出问题\n有待提高。\n"
    assert findings(text, "missing-section") == []
    (f,) = findings(text, "section-order")
    assert text[f.start:f.end] == "存在的突出问题"


def test_headings_after_the_last_wanted_wording_are_not_read(monkeypatch):
    # Cost, not timing: the four required parts are named by the first headings; of the
    # many after them, only those holding a wording of the optional part are read.
    from reportlint.document import Document
    from reportlint.rules import sections
    body = "".join(f"({n})工作情况\n正文。\n" for n in range(1, 40))
    doc = Document(ANNUAL + "五、专项工作\n" + body + "六、其他情况\n无。\n")
    read = []
    real = sections._Namer.parts_named
    monkeypatch.setattr(sections._Namer, "parts_named",
                        lambda self, start, end: read.append(start) or real(self, start, end))
    covered = sections.coverage(doc)
    assert covered[-1].start == doc.text.index("其他情况")
    assert len(read) == 5   # the four required parts' headings and 六、其他情况


def test_implementation_opinion_parts():
    text = "某县关于推进依法行政的实施意见\n一、指导思想\n正文。\n二、主要任务\n正文。\n三、保障措施\n正文。\n"
    (f,) = findings(text, "missing-section")
    assert "工作目标" in f.zh


# -- profiles in the configuration ---------------------------------------------------------


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_user_profile_is_recognised_and_enforced(tmp_path, capsys):
    write(tmp_path, ".reportlint.yaml", """\
profiles:
  - name: open-info-report
    description: 政府信息公开工作年度报告
    priority: 30
    recognise:
      title: [[政府信息公开], [年度报告]]
    parts:
      - id: overview
        name: 总体情况
        headings: [总体情况]
      - id: requests
        name: 收到和处理政府信息公开申请情况
        headings: [申请情况]
""")
    report = write(tmp_path, "r.txt", "某县2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n")
    assert main(["--format", "json", report]) == 1
    import json
    data = json.loads(capsys.readouterr().out)
    (file,) = data["files"]
    assert file["profile"] == "open-info-report"
    (f,) = [f for f in file["findings"] if f["rule"] == "missing-section"]
    assert "收到和处理政府信息公开申请情况" in f["message"]


def test_extending_a_builtin_profile_adds_a_part(tmp_path, capsys):
    write(tmp_path, ".reportlint.yaml", """\
profiles:
  - name: annual-report
    parts:
      - id: typical-cases
        name: 典型案例
        headings: [典型案例]
""")
    report = write(tmp_path, "r.txt", ANNUAL)
    assert main(["--select", "missing-section", report]) == 1
    assert "典型案例" in capsys.readouterr().out


def test_profile_forced_from_the_command_line_and_per_file(tmp_path, capsys):
    report = write(tmp_path, "r.txt", "关于某事的通知\n正文。\n")
    assert main(["--no-config", "--select", "missing-section", report]) == 0
    assert main(["--no-config", "--profile", "implementation-opinion", "--select",
                 "missing-section", report]) == 1
    write(tmp_path, ".reportlint.yaml", "per-file:\n  - files: '*.txt'\n    profile: annual-report\n")
    assert main(["--select", "missing-section", report]) == 1
    assert main(["--profile", "no-such-profile", report]) == 2
    assert "no-such-profile" in capsys.readouterr().err


@pytest.mark.parametrize("yaml,line,col,words", [
    ("profiles:\n  - name: x\n    partz: []\n", 3, 5, "unknown key 'partz'"),
    ("profiles:\n  - name: x\n    recognise:\n      title: 法治\n", 4, 14, "list of lists"),
    ("profiles:\n  - name: x\n    parts:\n      - id: a\n        name: A\n"
     "        body-patterns: ['(unclosed']\n", 6, 25, "regular expression"),
    ("profiles:\n  - name: x\n    parts:\n      - name: A\n", 4, 9, "'id'"),
    ("profile: nope\n", 1, 10, "unknown profile 'nope'"),
    ("profiles:\n  - name: x\n    extends: nope\n", 3, 14, "unknown profile 'nope'"),
    # not strings: once an unhashable dictionary key, an internal error
    ("profiles:\n  - name: x\n    extends: [x]\n", 3, 14, "'extends' must be the name"),
    ("profiles:\n  - name: [a]\n", 2, 5, "a profile needs a 'name'"),
])
def test_broken_profiles_give_path_line_col(tmp_path, capsys, yaml, line, col, words):
    cfg = write(tmp_path, ".reportlint.yaml", yaml)
    report = write(tmp_path, "r.txt", ANNUAL)
    assert main(["--lang", "en", report]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{cfg}:{line}:{col}: "), err
    assert words in err


def test_a_heading_joining_two_parts_with_he_covers_both():
    text = ("某县2023年度法治政府建设情况报告\n一、主要举措和成效\n开展法治督察13次。\n"
            "二、存在的问题和下一步工作打算\n执法水平有待提高。深化改革。\n"
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n专题研究4次。\n")
    # The plans come before the duty here: one warning, and nothing is missing.
    assert findings(text, "missing-section") == []
    (f,) = findings(text, "section-order")
    assert text[f.start:f.end] == "存在的问题和下一步工作打算"


class _CountingLookups(dict):
    """Where each wording next occurs, counting the lookups."""
    lookups = 0

    def get(self, *args):
        self.lookups += 1
        return super().get(*args)


def test_the_wordings_still_wanted_cost_a_heading_only_those_it_passed():
    # thousands of headings before the one wording of many (a user's profile) that occurs:
    # each wording looked at when it is passed, never wordings x headings
    from types import SimpleNamespace

    from reportlint.rules.sections import _Namer

    words = tuple(f"第{i}项工作情况" for i in range(400))
    text = "一、其他\n" * 4000 + "第7项工作情况\n"
    namer = _Namer(SimpleNamespace(parts=[], heading_patterns=[]), text)
    namer.next_at = counted = _CountingLookups()
    ends = [namer.soonest_end(words, 5 * k) for k in range(4000)]
    assert ends == [20000 + len("第7项工作情况")] * 4000
    assert counted.lookups <= 2 * len(words)
