"""``--format html``: one self-contained page (the summary, the files worst first, every
finding with its lines and its span highlighted, fixes as diffs, related spans beside
the finding, filters).  Checked as HTML here (html5lib's parser in strict mode: any parse
error fails) and in a real headless Chromium (marker ``browser``: skipped, saying why,
where none is installed)."""
import json
import os
import re

import html5lib
import pytest
from reportlint import lint_paths
from reportlint.document import Document
from reportlint.formats import copied_share, render
from reportlint.formats.html import CONTEXT, HEAD, HEAD_LINES, TAIL, TAIL_LINES, esc, excerpt_html
from reportlint.plugins import default_registry
from reportlint.report import FileResult, Report
from reportlint.rule import Finding, Fix, Related

from browser import Chromium, find_chromium
from helpers import run_cli

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "seeds")
REALWORLD = os.path.join(os.path.dirname(ROOT), "shared", "realworld")
MARKUP = '<script>alert("x")</script>&amp;'


def parsed(page: str):
    """The page's tree; html5lib in strict mode raises at the first parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


def fragment(html: str):
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(html)


def text_of(element) -> str:
    return "".join(element.itertext())


def rows_of(element) -> list:
    return element.findall(".//div[@class='l']")


def finding(start, end, rule="demo", severity="warning", zh="消息", en="message", **kw):
    return Finding(rule=rule, category="demo", severity=severity, start=start, end=end,
                   zh=zh, en=en, **kw)


def page_of(*results, lang="zh") -> str:
    return render("html", Report(results=list(results)), default_registry(), lang)


def result(path, text, findings=(), profile="generic"):
    return FileResult(path=path, doc=Document(text, path), findings=list(findings),
                      profile=profile)


# -- the page as text ----------------------------------------------------------------------

def test_the_command_line_writes_one_valid_self_contained_page(tmp_path, capsys):
    out = tmp_path / "r.html"
    code, stdout, _ = run_cli(["--format", "html", "--output", str(out), SEEDS], capsys)
    assert code == 1 and "共检查 5 个文件" in stdout   # the summary still goes to the terminal
    page = out.read_text(encoding="utf-8")
    tree = parsed(page)
    report = lint_paths([SEEDS])
    assert len(tree.findall(".//article")) == len(report.findings) > 10
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    # Nothing is fetched: links stay inside the page, no element loads anything, and the
    # policy lets no other script or resource in.
    assert all(href.startswith("#") for href in re.findall(r'href="([^"]*)"', page))
    assert not re.search(r"<(?:link|img|iframe|object|embed)\b|\bsrc=|url\(|@import", page)
    policy = tree.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy.split(";")[2]
    assert len(tree.findall(".//script")) == 1 and tree.get("lang") == "zh-CN"


def test_without_output_the_page_goes_to_standard_output(capsys):
    code, out, _ = run_cli(["--format", "html", os.path.join(SEEDS, "nanhu-2023.txt")], capsys)
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    parsed(out)


def test_markup_in_any_text_stays_text():
    text = f"{MARKUP}第一行\n第二行{MARKUP}\n"
    f = finding(0, len(MARKUP), zh=MARKUP, en=MARKUP, rule="rule<b>",
                related=(Related(len(MARKUP) + 4, len(text) - 1, zh=MARKUP, en=MARKUP),),
                fix=Fix(0, len(MARKUP), MARKUP + "</div>"))
    for lang in ("zh", "en"):
        page = page_of(result(f"a{MARKUP}.txt", text, [f], profile=MARKUP), lang=lang)
        tree = parsed(page)
        assert page.count("<script") == 1 and len(tree.findall(".//script")) == 1
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;" in page
        assert text_of(tree.find(".//mark")) == MARKUP
        assert text_of(tree.find(".//mark[@class='rel']")) == "第二行" + MARKUP
        assert text_of(tree.find(".//ins")) == MARKUP + "</div>"
        assert tree.find(".//section[@class='file']").get("data-file") == f"a{MARKUP}.txt"
        assert tree.find(".//article").get("data-rule") == "rule<b>"


def test_characters_html_does_not_allow_become_replacement_characters():
    assert esc("a\x0bb\x00c\ufffe") == "a\ufffdb\ufffdc\ufffd"
    assert esc("\t\n") == "\t\n"
    parsed(page_of(result("a.txt", "控制\x0b字符\x7f\n", [finding(0, 4)])))


def test_the_span_is_highlighted_in_its_line_with_a_little_context():
    lines = ["甲" * 100, "前文" * 30 + "目标" + "后文" * 30, "乙" * 100]
    doc = Document("\n".join(lines))
    start = doc.offset(2, 61)
    rows = rows_of(fragment(excerpt_html(doc, start, start + 2, "", "zh")))
    assert [r.get("data-n") for r in rows] == ["1", "2", "3"]
    assert text_of(rows[1].find("mark")) == "目标"
    assert text_of(rows[1]) == "…" + ("前文" * 30)[-CONTEXT:] + "目标" + ("后文" * 30)[:CONTEXT] + "…"
    # The line above keeps its end, the line below its start: the sides nearer the span.
    assert text_of(rows[0]) == "…" + "甲" * CONTEXT and text_of(rows[2]) == "乙" * CONTEXT + "…"


def test_a_long_span_shows_its_start_and_its_end():
    doc = Document("\n".join(f"第{i}行" + "字" * 45 for i in range(1, 201)))
    start, end = doc.offset(10, 5), doc.offset(150, 20)
    tree = fragment(excerpt_html(doc, start, end, "", "en"))
    marks = [text_of(m) for m in tree.findall(".//mark")]
    assert doc.text[start:end].startswith(marks[0]) and doc.text[start:end].endswith(marks[-1])
    assert sum(map(len, marks)) <= HEAD + TAIL
    assert len(rows_of(tree)) <= 1 + HEAD_LINES + TAIL_LINES + 1
    gap = text_of(tree.find(".//div[@class='gap']"))
    assert re.search(r"\d+ characters omitted", gap)
    # One long line: its start and end, each with a little context.
    line = "前" * 2000 + "中" * 3000 + "后" * 2000
    doc = Document(line)
    tree = fragment(excerpt_html(doc, 2000, 5000, "", "zh"))
    assert [text_of(m) for m in tree.findall(".//mark")] == ["中" * HEAD, "中" * TAIL]
    assert "省略 2880 个字符" in text_of(tree) and len(text_of(tree)) < HEAD + TAIL + 2 * CONTEXT + 40


def test_an_empty_span_is_a_caret_between_two_characters():
    doc = Document("甲乙")
    mark = fragment(excerpt_html(doc, 1, 1, "", "zh")).find(".//mark")
    assert mark.get("class") == "at" and text_of(mark) == ""


def test_a_fix_is_shown_as_a_diff_of_its_lines():
    text = "前一行\n所获”枫桥式“称号。\n后一行\n"
    start = text.index("”")
    fixed = finding(start, start + 5, fix=Fix(start, start + 5, "“枫桥式”"))
    tree = parsed(page_of(result("a.txt", text, [fixed])))
    old, new = tree.find(".//div[@class='src old']"), tree.find(".//div[@class='src new']")
    assert [(r.get("data-n"), text_of(r)) for r in rows_of(old)] == [("2", "所获”枫桥式“称号。")]
    assert [(r.get("data-n"), text_of(r)) for r in rows_of(new)] == [("2", "所获“枫桥式”称号。")]
    assert text_of(old.find(".//del")) == "”枫桥式“" and text_of(new.find(".//ins")) == "“枫桥式”"


def test_a_fix_that_deletes_lines_shows_them_gone():
    text = "下载\n打印\n标题\n正文。\n"
    gone = finding(0, 5, fix=Fix(0, 6, ""))      # the two lines and their breaks
    fix = parsed(page_of(result("a.txt", text, [gone]))).find(".//div[@class='fix']")
    assert [text_of(r) for r in rows_of(fix.find("./div[@class='src old']"))] == ["下载", "打印"]
    assert fix.find("./div[@class='src new']") is None
    # Deleting a line break joins two lines.
    joined = finding(2, 3, fix=Fix(2, 3, ""))
    fix = parsed(page_of(result("a.txt", text, [joined]))).find(".//div[@class='fix']")
    assert [text_of(r) for r in rows_of(fix.find("./div[@class='src old']"))] == ["下载", "打印"]
    assert [text_of(r) for r in rows_of(fix.find("./div[@class='src new']"))] == ["下载打印"]


def test_related_spans_are_drawn_beside_the_finding(tmp_path, capsys):
    out = tmp_path / "r.html"
    run_cli(["--format", "html", "--output", str(out), os.path.join(SEEDS, "hongqi-2021.txt")],
            capsys)
    tree = parsed(out.read_text(encoding="utf-8"))
    duplicate = tree.find(".//article[@data-rule='duplicate-block']")
    pair = duplicate.find("./div[@class='pair']")
    related = pair.find(".//div[@class='related']")
    assert text_of(related.find("./p")).startswith("3:1 首次出现")
    assert rows_of(related)[1].get("data-n") == "3"
    # Both long: the copy and its original show their start and end, the same way.
    assert [text_of(m) for m in pair.findall(".//mark")][:2] == \
        [text_of(m) for m in related.findall(".//mark")][:2]


def test_a_related_span_in_another_file_shows_that_files_lines():
    source = result("2022.txt", "去年的标题\n抄来的一段话。\n")
    copy = result("2023.txt", "今年的标题\n抄来的一段话。\n", [finding(
        6, 13, related=(Related(6, 13, zh="来源", en="source", path="2022.txt"),
                        Related(0, 2, zh="来源", en="source", path="gone.txt")))])
    tree = parsed(page_of(source, copy))
    first, missing = tree.findall(".//div[@class='related']")
    assert text_of(first.find("./p")) == "2022.txt:2:1 来源"
    assert [r.get("data-n") for r in rows_of(first)] == ["1", "2", "3"]
    assert text_of(first.find(".//mark")) == "抄来的一段话。"
    assert text_of(missing).strip() == "gone.txt: 来源" and not rows_of(missing)


def test_a_finding_draws_at_most_a_few_related_spans():
    text = "\n".join(f"第{i}段。" for i in range(10))
    many = finding(0, 4, related=tuple(Related(i * 5, i * 5 + 4, zh="同上") for i in range(1, 9)))
    tree = parsed(page_of(result("a.txt", text, [many])))
    assert len(tree.findall(".//div[@class='related']")) == 3
    assert "另有 5 处" in text_of(tree.find(".//div[@class='pair']"))


def test_the_files_are_worst_first_and_only_those_with_findings_have_a_section():
    text = "一\n二\n三\n"
    clean = result("clean.txt", text)
    warned = result("warned.txt", text, [finding(0, 1), finding(2, 3)])
    erred = result("erred.txt", text, [finding(0, 1, severity="error")])
    tree = parsed(page_of(clean, warned, erred))
    table = tree.find(".//section[@id='files']/table")
    assert [text_of(r.findall("td")[-1]) for r in table.findall(".//tr")[1:]] == \
        ["erred.txt", "warned.txt", "clean.txt"]
    assert [s.get("data-file") for s in tree.findall(".//section[@class='file']")] == \
        ["erred.txt", "warned.txt"]


def test_the_copied_share_of_each_file_shows_once_something_is_copied():
    text = "抄" * 50 + "写" * 50
    copied = [finding(0, 30, rule="copied-passage"), finding(20, 50, rule="copied-passage"),
              finding(60, 70, rule="other")]
    assert copied_share(result("a.txt", text, copied)) == 0.5   # overlaps counted once
    heads = [text_of(th) for th in parsed(page_of(result("a.txt", text, copied)))
             .findall(".//section[@id='files']//th")]
    assert "雷同占比" in heads
    row = parsed(page_of(result("a.txt", text, copied))).findall(".//section[@id='files']//tr")[1]
    assert "50%" in [text_of(td) for td in row]
    heads = [text_of(th) for th in parsed(page_of(result("a.txt", text, copied[2:])))
             .findall(".//section[@id='files']//th")]
    assert "雷同占比" not in heads


def test_the_labels_are_in_the_language_of_the_run(tmp_path, capsys):
    seed = os.path.join(SEEDS, "pujiang-2023.txt")
    for lang, words in (("en", ["Summary", "Files, worst first", "Findings", "Show all"]),
                        ("zh", ["概况", "文件（问题多者在前）", "问题", "全部显示"])):
        run_cli(["--lang", lang, "--format", "html", "--output", str(tmp_path / "r.html"),
                 seed], capsys)
        page = (tmp_path / "r.html").read_text(encoding="utf-8")
        assert all(w in page for w in words), lang
        assert parsed(page).get("lang") == ("en" if lang == "en" else "zh-CN")


def test_files_that_could_not_be_linted_are_listed(tmp_path, capsys):
    seed = os.path.join(SEEDS, "nanhu-2023.txt")
    code, out, _ = run_cli(["--format", "html", seed, str(tmp_path / "missing.txt")], capsys)
    problems = parsed(out).find(".//section[@id='problems']")
    assert code == 2 and text_of(problems.find(".//li")) == f"{tmp_path / 'missing.txt'}: 没有这个文件或目录"


def test_a_report_without_findings_is_a_page_too(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("法治政府建设年度报告\n正文。\n", encoding="utf-8")
    code, out, _ = run_cli(["--format", "html", "--select", "reversed-quotes",
                            str(tmp_path / "a.txt")], capsys)
    tree = parsed(out)
    assert code == 0 and tree.find(".//form") is None and not tree.findall(".//article")


def test_500_findings_stay_under_2_mb():
    """The bounds hold on the worst findings: long spans over many long lines, each with
    a fix that deletes it and a long related span."""
    line = "，".join(f"第{i}项工作取得明显成效" for i in range(20)) + "。"   # ~230 characters
    text = "\n".join(f"{n}{line}" for n in range(400))
    doc = Document(text)
    results = []
    for k in range(50):
        findings = []
        for j in range(10):
            start, end = doc.offset(20 * j + 1, 5), doc.offset(20 * j + 12, 40)
            other = doc.offset(20 * j + 13, 1)
            findings.append(finding(start, end, zh=f"重复的段落，与第{j}段相同" * 3,
                                    related=(Related(other, other + end - start, zh="首次出现"),),
                                    fix=Fix(start, end, "")))
        results.append(FileResult(path=f"reports/county-{k:03}/2023年度报告.txt", doc=doc,
                                  findings=findings, profile="annual-report"))
    page = render("html", Report(results=results), default_registry(), "zh")
    size = len(page.encode("utf-8"))
    assert page.count("<article") == 500
    assert size < 2 * 1024 * 1024, size


# -- the page in a browser -----------------------------------------------------------------

@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    executable = find_chromium()
    if executable is None:
        pytest.skip("no Chromium installed: apt-get install chromium (Debian's package), "
                    "or name an executable in REPORTLINT_CHROMIUM")
    browser = Chromium(executable, str(tmp_path_factory.mktemp("chromium-profile")))
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def audit(tmp_path_factory):
    """The page and the JSON report of one run over the seeds (and the scraped real
    reports, where they are beside this checkout), as the command line writes them."""
    from reportlint.cli import main

    folder = tmp_path_factory.mktemp("audit")
    paths = [SEEDS] + ([REALWORLD] if os.path.isdir(REALWORLD) else [])
    main(["--format", "html", "--output", str(folder / "r.html"), *paths])
    main(["--format", "json", "--output", str(folder / "r.json"), *paths])
    with open(folder / "r.json", encoding="utf-8") as f:
        return folder / "r.html", json.load(f)


# Reads a screenshot's pixels back through a canvas: the share of pixels with ink and the
# number of distinct colours.
INK = """new Promise(function(done){var image=new Image();image.onload=function(){
var c=document.createElement("canvas");c.width=image.width;c.height=image.height;
var g=c.getContext("2d");g.drawImage(image,0,0);var d=g.getImageData(0,0,c.width,c.height).data,
ink=0,colours=new Set();for(var k=0;k<d.length;k+=4){if(d[k]<200||d[k+1]<200||d[k+2]<200)ink++;
colours.add(d[k]<<16|d[k+1]<<8|d[k+2])}done([ink/(d.length/4),colours.size])};
image.src="data:image/png;base64,%s"})"""


def visible(page) -> list:
    """(file, rule, severity) of each finding on screen."""
    return page.evaluate(
        "[].filter.call(document.querySelectorAll('.finding'),function(f){"
        "return f.getClientRects().length>0}).map(function(f){return [f.closest('section')"
        ".dataset.file,f.dataset.rule,f.dataset.severity]})")


@pytest.mark.browser
def test_the_page_renders_in_a_browser(chromium, audit, tmp_path):
    import base64

    path, report = audit
    page = chromium.open(path.as_uri())
    png = page.screenshot()
    (tmp_path / "report.png").write_bytes(png)
    assert png.startswith(b"\x89PNG")
    blank = chromium.open("about:blank")
    ink, colours = blank.evaluate(INK % base64.b64encode(png).decode())
    assert ink > 0.02 and colours > 50, (ink, colours)
    assert page.evaluate("document.querySelector('h1').textContent") == "reportlint 检查报告"
    total = report["summary"]["findings"]
    assert len(visible(page)) == total
    assert page.evaluate("document.querySelectorAll('#rules tr').length") == \
        len(report["summary"]["by_rule"]) + 1
    assert page.evaluate("document.querySelectorAll('#files tr').length") == \
        len(report["files"]) + 1
    # The filters show: the one script ran, allowed by the page's policy.
    assert page.evaluate("document.getElementById('filters').getClientRects().length") > 0
    assert page.evaluate("document.querySelector('#filters output').textContent") == str(total)
    page.close()
    blank.close()


@pytest.mark.browser
def test_a_file_link_scrolls_to_its_findings_below_the_filters(chromium, audit):
    path, _ = audit
    page = chromium.open(path.as_uri())
    page.click("#files a[href='#file-2']")
    top, bar = page.evaluate("[document.getElementById('file-2').getBoundingClientRect().top,"
                             "document.getElementById('filters').getBoundingClientRect().bottom]")
    assert bar - 1 <= top < bar + 20, (top, bar)
    page.close()


@pytest.mark.browser
def test_the_filters_change_what_shows(chromium, audit):
    path, report = audit
    page = chromium.open(path.as_uri())
    everything = visible(page)
    rule = next(iter(report["summary"]["by_rule"]))           # the most frequent
    page.click(f"#filters input[name=rule][value='{rule}']")
    shown = visible(page)
    assert shown == [v for v in everything if v[1] != rule] and shown
    assert page.evaluate("document.querySelector('#filters output').textContent") == str(len(shown))
    page.click("#filters input[name=severity][value=error]")
    assert visible(page) == [v for v in shown if v[2] != "error"]
    page.click("#filters button")                              # show all
    assert visible(page) == everything
    chosen = report["files"][-1]["path"] if report["files"][-1]["findings"] else everything[0][0]
    page.evaluate("(function(s){s.value=%s;s.dispatchEvent(new Event('change',{bubbles:true}))})"
                  "(document.querySelector('#filters select'))" % json.dumps(chosen))
    assert visible(page) == [v for v in everything if v[0] == chosen]
    # A file section with nothing left to show is hidden with its findings.
    assert page.evaluate("[].filter.call(document.querySelectorAll('section.file'),function(s){"
                         "return s.getClientRects().length>0}).length") == 1
    page.close()


# Per finding on the page: its file, its line, and per row of its own excerpt the row's
# line, the text before the mark (less any "…") and the marked text.
ROWS = """[].map.call(document.querySelectorAll('.finding'),function(f){
var src=f.querySelector('.src'),rows=[];src.querySelectorAll('.l').forEach(function(r){
var m=r.querySelector('mark');if(!m)return;var before='';for(var n=r.firstChild;n!==m;
n=n.nextSibling)if(!(n.classList&&n.classList.contains('cut')))before+=n.textContent;
var box=m.getBoundingClientRect();rows.push([r.dataset.n,before,m.textContent,box.height>0])});
return [f.closest('section').dataset.file,+f.dataset.line,!!src.querySelector('.gap'),rows]})"""


@pytest.mark.browser
def test_each_highlight_is_where_its_finding_says(chromium, audit):
    path, report = audit
    page = chromium.open(path.as_uri())
    drawn = {}
    for file, line, cut, rows in page.evaluate(ROWS):
        drawn.setdefault(file, []).append((line, cut, rows))
    checked = 0
    for entry in report["files"]:
        if not entry["findings"]:
            continue
        with open(entry["path"], encoding="utf-8") as f:
            doc = Document(f.read())
        for f, (line, cut, rows) in zip(entry["findings"], drawn[entry["path"]], strict=True):
            assert line == f["line"] == int(rows[0][0])
            assert all(shown for _, _, _, shown in rows if _)   # every mark is on screen
            # The text before the mark is the line's text up to the finding's column.
            assert doc.line_text(f["line"])[:f["column"] - 1].endswith(rows[0][1])
            marks = [text for _, _, text, _ in rows]
            # The span itself (the JSON excerpt of a long span is shortened).
            excerpt = doc.text[f["start"]:f["end"]].replace("\r\n", "\n").removesuffix("\n")
            if cut:   # a long span: its start and its end
                assert excerpt.startswith(marks[0]) and excerpt.endswith(marks[-1])
            else:
                assert "\n".join(marks) == excerpt
            checked += 1
    assert checked == report["summary"]["findings"]
    page.close()


@pytest.mark.browser
def test_without_scripts_everything_shows(chromium, audit):
    path, report = audit
    page = chromium.open(path.as_uri(), scripts=False)
    assert len(visible(page)) == report["summary"]["findings"]
    assert page.evaluate("document.getElementById('filters').getClientRects().length") == 0
    page.close()


@pytest.mark.browser
def test_markup_in_the_text_stays_text_in_a_browser(chromium, tmp_path):
    text = f"{MARKUP}第一行\n第二行\n"
    f = finding(0, len(MARKUP), zh=MARKUP, fix=Fix(0, len(MARKUP), MARKUP + "</div>"))
    (tmp_path / "r.html").write_text(page_of(result(f"a{MARKUP}.txt", text, [f])),
                                     encoding="utf-8")
    page = chromium.open((tmp_path / "r.html").as_uri())
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.querySelector('.finding mark').textContent") == MARKUP
    assert page.evaluate("document.querySelector('.finding ins').textContent") == MARKUP + "</div>"
    assert len(visible(page)) == 1
    page.close()
