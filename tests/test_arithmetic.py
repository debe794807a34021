"""Arithmetic consistency: positives made by changing one number in a real seed
sentence (from the issue), and look-alikes that must stay silent."""
import glob
import os

import pytest

from reportlint import check_text
from tests.helpers import findings

SEEDS = os.path.join(os.path.dirname(__file__), "..", "seeds")
CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")


def seed(name):
    with open(os.path.join(SEEDS, name + ".txt"), encoding="utf-8") as f:
        return f.read()


def arithmetic(text):
    return [(f.rule, f.severity, text[f.start:f.end]) for f in check_text(text, select=["arithmetic"])]


def changed(name, old, new):
    text = seed(name)
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


# -- golden: the seeds are consistent ------------------------------------------------------


@pytest.mark.parametrize("name", ["nanhu-2023", "hongqi-2021", "pujiang-2023", "shengsi-2022",
                                  "qinzhou-2023"])
def test_no_arithmetic_finding_on_the_seeds(name):
    assert arithmetic(seed(name)) == []


def test_no_arithmetic_finding_on_the_corpus():
    files = sorted(glob.glob(os.path.join(CORPUS, "*.txt")))
    if not files:
        pytest.skip("the shared corpus is not beside this checkout")
    for path in files:
        with open(path, encoding="utf-8") as f:
            assert arithmetic(f.read()) == [], path


# -- golden: one number changed ----------------------------------------------------------------


def test_hongqi_more_resolved_than_screened():
    text = changed("hongqi-2021", "化解2836件", "化解2936件")
    (f,) = findings(text, "subset-exceeds-total")
    assert text[f.start:f.end] == "2936件"
    assert text[f.related[0].start:f.related[0].end] == "2887件"
    assert "2936件 > " in f.zh and "2887件" in f.zh


def test_nanhu_parts_over_their_total():
    text = changed("nanhu-2023", "宣布失效23件", "宣布失效33件")
    (f,) = findings(text, "parts-sum-mismatch")
    assert f.severity == "error"
    assert text[f.start:f.end] == "187件、废止41件、宣布失效33件、修改1件"
    assert "262" in f.zh and "252件" in f.zh
    assert text[f.related[0].start:f.related[0].end] == "252件"


def test_nanhu_parts_under_a_whole_breakdown_is_a_warning():
    text = changed("nanhu-2023", "宣布失效23件", "宣布失效13件")
    (f,) = findings(text, "parts-sum-mismatch")
    assert f.severity == "warning" and "242" in f.zh


def test_pujiang_rate_does_not_match():
    text = changed("pujiang-2023", "调解成功率99.97%", "调解成功率98.97%")
    (f,) = findings(text, "rate-mismatch")
    assert text[f.start:f.end] == "98.97%"
    assert "5929件/5931件" in f.zh and "99.97%" in f.zh


def test_qinzhou_changes_do_not_balance():
    text = changed("qinzhou-2023", "取消行政许可事项4项", "取消行政许可事项5项")
    (f,) = findings(text, "balance-mismatch")
    assert text[f.start:f.end] == "400项" and "401+3-5 = 399" in f.zh


def test_qinzhou_rate_over_100():
    text = changed("qinzhou-2023", "成功率为99%", "成功率为109%")
    (f,) = findings(text, "rate-out-of-range")
    assert text[f.start:f.end] == "109%"


def test_nanhu_closed_over_received_counts_the_carry_over():
    text = changed("nanhu-2023", "办结127件", "办结187件")
    (f,) = findings(text, "subset-exceeds-total")
    assert text[f.start:f.end] == "187件" and "152件" in f.zh
    # 157 - 6 carried over from last year = 151 ≤ 152: consistent.
    assert findings(changed("nanhu-2023", "办结127件", "办结157件"), "subset-exceeds-total") == []


# -- unit cases and look-alikes ------------------------------------------------------------------


def test_nested_breakdown_is_not_a_sum():
    text = "共收到行政复议案件17件,其中受理案件11件,已办结8件,3件正在办理中。"
    assert arithmetic(text) == []


def test_refused_is_not_accepted():
    # 不予受理6件 is not 受理: 审结9件 is not a subset of it.
    text = "共收到行政应诉案件18件,其中不予受理6件,人民法院已审结9件,正在审理3件。"
    assert arithmetic(text) == []


def test_item_of_a_breakdown_over_the_total():
    text = "共收到行政复议案件17件,其中受理案件19件。"
    (f,) = findings(text, "subset-exceeds-total")
    assert text[f.start:f.end] == "19件"


def test_different_units_are_different_things():
    assert arithmetic("共有112家企业参加,其中政策宣讲100次、培训200次。") == []


def test_statements_are_separate():
    # A number in one sentence is not a subset of a number in the next.
    assert arithmetic("全区排查矛盾纠纷100件。全市化解矛盾纠纷2836件。") == []
    assert arithmetic("排查矛盾纠纷100件;化解矛盾纠纷2836件。") == []


def test_inexact_numbers_are_never_compared():
    assert arithmetic("排查矛盾纠纷近100件,化解120余件。") == []
    assert arithmetic("共梳理文件100余件,其中继续有效87件、废止41件。") == []


def test_growth_rates_may_exceed_100():
    assert arithmetic("收到行政复议申请152件,同比上升156.7%。") == []
    assert arithmetic("行政诉讼案件数量同比增长120%,办结率为98%。") == []


def test_satisfaction_rates_listed_with_fenbie():
    assert arithmetic("办理工作和办理结果满意率分别为100%、98%。") == []
    assert [r for r, _, _ in arithmetic("办理工作和办理结果满意率分别为100%、108%。")] == \
        ["rate-out-of-range"]


def test_rates_rounded_or_truncated_at_their_precision():
    assert arithmetic("全区共排查各类矛盾纠纷2887件,化解2836件,调成率98%。") == []
    assert arithmetic("共受理127件,办结127件,其中纠错2件,纠错率为1.57%。") == []
    assert arithmetic("共受理127件,办结127件,其中纠错2件,纠错率为1.58%。") == []  # rounded
    assert [r for r, _, _ in arithmetic("共受理127件,办结127件,其中纠错2件,纠错率为1.6%。")] == []
    assert [r for r, _, _ in arithmetic("共受理127件,办结127件,其中纠错2件,纠错率为2.57%。")] == \
        ["rate-mismatch"]


def test_a_rate_matching_any_candidate_pair_is_fine():
    text = "排查纠纷2887件,化解2836件,其中书面案件625件,化解606件;口头案件2262件,化解2230件,调成率98%。"
    assert arithmetic(text) == []


def test_parts_of_one_unit_with_fenbie_and_under_sum_without_partition():
    # Parts that do not make up the whole (some kinds unnamed): a smaller sum is fine.
    assert arithmetic("共开展培训30场,其中法治讲座12场、专题培训10场。") == []
    (rule, sev, _), = arithmetic("共开展培训30场,其中法治讲座22场、专题培训10场。")
    assert (rule, sev) == ("parts-sum-mismatch", "error")


def test_balance_with_unknown_change_stays_silent():
    assert arithmetic("清单401项调整为400项,其中新增3项,合并调整2项。") == []
    assert arithmetic("清单401项调整为400项,其中新增3项,取消4项。") == []


@pytest.mark.parametrize("text", [
    "2023年共开展道路交通安全和运输执法领域专项监督、涉企执法多头检查、重复检查专项监督、征收拆迁专项监督、"
    "综合行政执法着装规范管理专项监督等4项专项监督工作。",
    "打造文旅、海洋、渔业三大特色产业。",
    "将国土空间划分为优化开发、重点开发、限制开发和禁止开发四类主体功能区。",
    "开展培训、宣传等5项活动。",           # 等 may leave items out
    "废止和修改、制定了一批法律法规。",      # 一批 counts nothing
    "制定党的第三个历史决议、实现第一个百年奋斗目标。",
])
def test_list_counts_that_are_fine(text):
    assert findings(text, "count-mismatch") == []


def test_list_with_more_items_than_its_count():
    text = "打造文旅、海洋、渔业、港航三大特色产业。"
    (f,) = findings(text, "count-mismatch")
    assert text[f.start:f.end] == "三大" and f.severity == "warning" and "4" in f.zh
    text = "开展A专项监督、B专项监督、C专项监督等2项专项监督工作。"
    (f,) = findings(text, "count-mismatch")
    assert text[f.start:f.end] == "2项"


# -- count-mismatch on real published reports (issue 8, item 4) --------------------------------
# Each excerpt is a real sentence of ../shared/realworld (the 2026 provincial
# 政府工作报告 as scraped from the web), cut to its clause; the old rule flagged each one.


@pytest.mark.parametrize("text", [
    # gwr26-shanghai (realworld scrape of the 2026 上海市政府工作报告): 709 counts projects
    "加强惠企政策全流程服务，市、区两级709个政策项目实现免申即享，服务企业超过628万次。",
    # gwr26-zhejiang (realworld scrape of the 2026 浙江省政府工作报告)
    "第一时间成立支持外经贸高质量发展指挥部、出台20条举措，持续打好“稳拓调优”组合拳。",
    # gwr26-guangxi (realworld scrape of the 2026 广西壮族自治区政府工作报告)
    "经济发展方面，围绕增速、结构、效率提出5项指标，综合考虑各方面因素。",
    # gwr26-guangdong (realworld scrape of the 2026 广东省政府工作报告)
    "新建和加密建设、改造提升24个高速公路服务区，其中根据当地资源禀赋打造14个特色服务区。",
    # gwr26-guangxi (realworld scrape of the 2026 广西壮族自治区政府工作报告)
    "实施医疗卫生强基、扩容、下沉项目785个，中国—东盟医疗保健合作中心等3个重大项目建成。",
    # gwr26-xinjiang (realworld scrape of the 2026 新疆维吾尔自治区政府工作报告)
    "加快国能哈密煤制油、准东3个煤制气、慧能煤炭清洁高效利用等项目建设。",
    # gwr26-chongqing (realworld scrape of the 2026 重庆市政府工作报告): each item holds its count
    "统筹推进扩消费六大工程、城建六大攻坚行动和房地产八大提升行动，启动14个民生领域重大项目。",
    # gwr26-chongqing: a real list of three (纤维及复合材料 is one item); 及 makes it uncertain
    "先进材料补链成群，形成轻合金、纤维及复合材料、合成材料三大优势集群。",
    # gwr26-neimenggu (realworld scrape of the 2026 内蒙古自治区政府工作报告): a heading line
    "三、全力抓好七项重点工作\n",
])
def test_real_list_counts_stay_silent(text):
    assert findings(text, "count-mismatch") == []


@pytest.mark.parametrize("text", [
    # a list of verbs: the count counts what is built, not the verbs
    "新建、改建、扩建两个污水处理厂。",
    "新建、重组三个全国重点实验室。",
    "完成新建、改扩建、提升改造四个口袋公园。",
    # a count inside a fixed name, out of quotes and in quotes
    "认真学习党章党规、践行三个代表重要思想。",
    "统筹推进五位一体总体布局、协调推进四个全面战略布局。",
    "深刻领悟两个确立、坚决做到两个维护。",
    "增强四个意识、坚定四个自信、做到两个维护。",
    "深刻领悟“两个确立”的决定性意义、坚决做到“两个维护”。",
    "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
    "坚持“三个代表”、“四个全面”两大重要思想和战略布局。",
    # quoted items are atomic: three items, 、 and counts inside quotes belong to the item
    "深化“放管服”改革、“一网通办”、“最多跑一次”三项改革。",
    "推进“放管服、一网通办”、“最多跑一次”两项改革。",
    "出台《促进民营经济发展若干措施》、《支持外贸稳定增长十条》两项政策。",
    # items joined by 和/及/以及: the number of items is not certain
    "发展文旅和康养、海洋三大产业。",
    "做强轻工以及纺织、食品三大产业。",
    "壮大新能源、新材料及高端装备三大产业。",
    # the count counts something other than the items
    "围绕增速、结构、效率提出五项指标。",
    "聚焦教育、医疗领域三项改革。",
    "围绕增速、效率的五项指标。",
    # an Arabic count right after an item counts things
    "建成文旅、海洋3个产业园。",
])
def test_list_count_look_alikes_stay_silent(text):
    assert findings(text, "count-mismatch") == []


@pytest.mark.parametrize("text,span,items", [
    ("深化“放管服”改革、“一网通办”三项改革。", "三项", 2),           # a quoted list of two
    ("形成轻合金、复合材料、合成材料、稀土材料三大优势集群。", "三大", 4),
    ("打造文旅、海洋三大特色产业。", "三大", 2),                        # fewer, without 等
    ("开展培训、宣传、督查、评估等3项活动。", "3项", 4),               # 等, but more items
    ("打造文旅、海洋、渔业、港航等三大特色产业。", "三大", 4),
    ("推进“一网通办”改革、“最多跑一次”改革、“跨省通办”改革两项改革。", "两项", 3),
    ("深化国企改革、财税改革、金融改革两大改革。", "两大", 3),            # a shared suffix
    ("落实“稳中求进，以进促稳”、“先立后破”三项原则。", "三项", 2),      # a comma inside quotes
    ("出台《A条例》、《B办法》、《C规定》两项制度。", "两项", 3),
])
def test_list_counts_that_do_not_match(text, span, items):
    (f,) = findings(text, "count-mismatch")
    assert text[f.start:f.end] == span and f.severity == "warning"
    assert f.zh == f"列举了{items}项，却称{span}"
    assert f.en == f"the list has {items} items but the text says {span}"
    (r,) = f.related                   # the list: up to the count, or to its 等
    assert r.start < r.end and text[r.end:f.start] in ("", "等") and "、" in text[r.start:r.end]


def test_list_counts_read_a_clause_of_thousands_of_segments():
    # Read once, not once per pair of segments (speed is measured in bench/, not here).
    text = "打造" + "、".join(["文旅"] * 3000) + "三大特色产业。"
    (f,) = findings(text, "count-mismatch")
    assert f.zh == "列举了3000项，却称三大"


def test_list_counts_among_many_clauses_are_each_found_in_place():
    # The walk passes over the clauses before a count or a quote at once: each list of a
    # long paragraph is still read from its own clause, quotes and 、 outside lists included.
    cases = ["打造文旅、海洋三大特色产业", "深化“放管服”改革、“一网通办”三项改革",
             "落实“稳中求进，以进促稳”、“先立后破”三项原则", "深化国企改革、财税改革、金融改革两大改革"]
    filler = "加强监督、完善制度，提升水平"
    text, expected = "", []
    for case in cases:
        text += filler + "，" + filler + "；"
        (f,) = findings(case + "。", "count-mismatch")
        expected.append((len(text) + f.start, len(text) + f.end, f.zh))
        text += case + "；"
    found = findings(text + filler + "。", "count-mismatch")
    assert [(f.start, f.end, f.zh) for f in found] == expected


def test_list_counts_with_no_count_after_a_mark_unless_a_quote_joins_the_clause():
    # No count after a 、 of its clause: the list is not read, unless a quote holding a
    # clause stop makes one clause of the list and its count.
    assert findings("打造文旅、海洋,渔业三大特色产业。", "count-mismatch") == []
    assert findings("打造文旅、“海洋”,渔业三大特色产业。", "count-mismatch") == []
    (f,) = findings("打造文旅、“海洋,渔业”三大特色产业。", "count-mismatch")
    assert f.zh == "列举了2项，却称三大"
    (f,) = findings("打造文旅、《海洋:渔业》三大特色产业。", "count-mismatch")
    assert f.zh == "列举了2项，却称三大"


@pytest.mark.parametrize("text,holds", [
    ("“海洋,渔业”", True), ("《甲(乙)》", True), ("“甲“乙:丙”", True),   # an opening inside
    ("“海洋”,渔业", False), ("“甲”“乙”,丙", False), ("“甲,乙", False),   # unclosed: no quote
    ("文旅,海洋", False), ("“甲”,《乙,丙", False),
])
def test_a_quote_holding_a_clause_stop(text, holds):
    from reportlint.rules import arithmetic

    assert arithmetic._quote_holds_stop(text) is holds


# -- the vocabulary in .reportlint.yaml --------------------------------------------------------


def test_a_relation_added_in_the_configuration(tmp_path, capsys):
    from reportlint.cli import main
    report = tmp_path / "r.txt"
    report.write_text("标题\n全年走访企业120家,帮扶企业130家。\n", encoding="utf-8")
    assert main(["--select", "arithmetic", str(report)]) == 0
    (tmp_path / ".reportlint.yaml").write_text(
        "vocab:\n  subsets:\n    - subset: [帮扶]\n      superset: [走访]\n", encoding="utf-8")
    assert main(["--select", "arithmetic", str(report)]) == 1
    out = capsys.readouterr().out
    assert "subset-exceeds-total" in out and "130家" in out


@pytest.mark.parametrize("yaml,line,col,words", [
    ("vocab:\n  subsetz: []\n", 2, 3, "unknown vocab key 'subsetz'"),
    ("vocab:\n  subsets:\n    - subset: [a]\n", 3, 7, "lacks superset"),
    ("vocab:\n  bounded-rates: 成功率\n", 2, 18, "list of words"),
    ("vocab:\n  subsets:\n    - {subset: [a], superset: b}\n", 3, 31, "'superset'"),
])
def test_broken_vocab_gives_path_line_col(tmp_path, capsys, yaml, line, col, words):
    from reportlint.cli import main
    cfg = tmp_path / ".reportlint.yaml"
    cfg.write_text(yaml, encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("标题\n正文。\n", encoding="utf-8")
    assert main(["--lang", "en", str(report)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{cfg}:{line}:{col}: "), err
    assert words in err


# -- look-alikes found in review ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "共投入资金0.29亿元,其中中央资金0.01亿元、省级资金0.28亿元。",     # float noise
    "全年招商引资任务完成率达112.5%。",                                 # a target beaten
    "共受理行政复议案件100件,办结95件,办结率同比提高5%。",             # a change of the rate
    "全年共受理信访事项86件,化解各类矛盾纠纷320件。",                   # different things
    "受理行政复议案件45件,办结行政诉讼案件52件。",
    "全市共受理行政复议案件60件,其中市本级受理10件,县区受理50件,审结55件。",  # parts of a total
    "共受理行政复议案件25件,办结26件,含上年度结转3件。",               # carry-over, no brackets
    "今年新受理行政复议案件20件,加上上年结转5件,共办结23件。",
    "共有工作人员12名,其中专职人员两三名。",                             # an estimate
    "新建公园2个、广场3个。",                                             # counts inside the list
    "全市共有律师事务所30家,其中合伙所20家、个人所8家。",
])
def test_review_look_alikes_stay_silent(text):
    assert arithmetic(text) == []


def test_amounts_in_yi_are_compared_exactly_and_shown_plainly():
    text = "共投入资金0.29亿元,其中中央资金0.02亿元、省级资金0.28亿元。"
    (f,) = findings(text, "parts-sum-mismatch")
    assert "30000000 > 0.29亿元" in f.zh and "e+" not in f.zh


def test_the_counted_thing_must_agree_for_a_subset():
    (f,) = findings("全区共排查各类矛盾纠纷2887件,化解矛盾纠纷2936件。", "subset-exceeds-total")
    assert "2936件" in f.zh


def test_a_rate_of_a_zero_count_contradicts_nothing_and_never_crashes():
    # 0件 received: 0% and 100% are both said of it; neither is a contradiction.
    for rate in ("0%", "100%"):
        assert [f.rule for f in check_text(f"某县报告\n共受理0件,办结0件,办结率{rate}。\n",
                                            select=["arithmetic"])] == []


def test_rate_out_of_range_names_the_rate_nearest_its_number_whatever_the_hash_seed():
    """Two rate names of one length in one clause: the message names the one next to the
    number, in every process (it once depended on the order of a set)."""
    import subprocess
    import sys

    script = ("from tests.helpers import findings\n"
              "(f,) = findings('参与率和答复率为120%。', 'rate-out-of-range')\n"
              "print(f.en)")
    names = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}, check=True,
                             cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        names.add(out.stdout.strip())
    (message,) = names
    assert "答复率" in message and "参与率" not in message


def test_the_walk_over_lists_looks_ahead_to_the_first_count_after_each_mark():
    """Of the counts after a 、 of their clause, the first after each 、 is where the walk
    stops: one that follows it in the clause is found with it."""
    from reportlint.rules import arithmetic

    text = "甲、乙、丙三项工作四个部门,丁五类问题;戊、己两方面,庚、辛、壬、癸工作。"
    assert [text[p:p + 2] for p in arithmetic._counts_after_lists(text)] == ["三项", "两方"]


def test_supersets_are_read_again_after_a_merge():
    from reportlint.vocab import Vocab

    v = Vocab()
    v.merge({"subsets": [{"subset": ["化解"], "superset": ["排查"]}]})
    assert v.supersets() == {"化解": ("排查",)}
    v.merge({"subsets": [{"subset": ["化解", "办结"], "superset": ["受理"]}]})
    assert v.supersets() == {"化解": ("排查", "受理"), "办结": ("受理",)}


@pytest.mark.parametrize("text", ["修订《调解、仲裁办法》、《信访条例》三项法规。",
                                  "修订“调解、仲裁办法”、“信访条例”三项法规。"])
def test_a_text_holding_one_kind_of_quote_has_it_masked(text):
    # Each kind of quote is searched only in a text that holds its opening mark: the 、
    # inside the one kind the text holds still belongs to one item.
    assert [f.zh for f in findings(text, "count-mismatch")] == ["列举了2项，却称三项"]
    assert findings(text.replace("《", "").replace("》", "").replace("“", "").replace("”", ""),
                    "count-mismatch") == []


def test_rate_names_are_read_again_after_a_merge():
    from reportlint.vocab import Vocab

    v = Vocab()
    v.merge({"rates": [{"names": ["办结率"], "numerator": ["办结"], "denominator": ["受理"]}]})
    assert v.has("办结率为98%", "rate_names") and not v.has("答复率为98%", "rate_names")
    v.merge({"rates": [{"names": ["答复率"], "numerator": ["答复"], "denominator": ["收到"]}]})
    assert v.rate_names == {"办结率", "答复率"} and v.has("答复率为98%", "rate_names")


@pytest.mark.parametrize("text,found", [
    # A percentage that names a rate is checked; one that names none is passed over at once.
    ("共受理5931件,成功调解5929件,调解成功率98.97%。", [("rate-mismatch", "98.97%")]),
    ("共受理5931件,成功调解5929件,占比98.97%。", []),
    ("调解成功8140件,成功率为109%。", [("rate-out-of-range", "109%")]),
    ("调解成功8140件,达到109%。", []),
])
def test_only_a_percentage_that_names_a_rate_is_checked(text, found):
    assert [(rule, shown) for rule, _, shown in arithmetic(text)] == found


@pytest.mark.parametrize("text,found", [
    ("共受理信访件", "受理信访"),          # a longer word that stops short: the longest that ends
    ("受理信访事项12件", "受理信访事项"),
    ("办结受理", "办结"),                  # the leftmost, not the longest
    ("受a受理", "受理"),
    ("不予受理", "不予受理"),
])
def test_the_word_tree_finds_the_leftmost_longest_word(text, found):
    from reportlint.vocab import Vocab

    v = Vocab()
    v.merge({"subsets": [{"subset": ["办结", "不予受理"], "superset": ["受理", "受理信访", "受理信访事项"]}]})
    assert v.pattern("labels").search(text).group() == found


def test_a_label_is_the_leftmost_longest_word_unless_neutral():
    from reportlint.vocab import Vocab

    v = Vocab()
    v.merge({"subsets": [{"subset": ["办结"], "superset": ["受理", "受理信访"]}], "neutral": ["其他"]})
    label = v.labeller()
    assert label("共受理信访事项12件", 0, 7) == "受理信访"
    assert label("共受理信访事项12件", 3, 7) is None
    assert label("其他办结5件", 0, 4) is None
    assert label("依法办结5件", 0, 4) == "办结"


def test_a_text_without_a_quantity_or_a_list_count_is_not_read_further(monkeypatch):
    """一、 and 一些 are numerals but no quantity, 、 no list with a count: the rules find
    nothing without reading the paragraphs or the quotes."""
    from reportlint.document import Document
    from reportlint.rules import arithmetic

    def unread(text):
        raise AssertionError("the quotes were read")

    monkeypatch.setattr(arithmetic, "_Masked", unread)
    doc = Document("一、总体情况\n今年以来，我们坚持依法行政、依法办事，“一网通办”取得一些成效。\n")
    for rule in arithmetic.reportlint_rules():
        assert list(rule.check(doc, {})) == []
    assert "paragraphs" not in doc.__dict__
