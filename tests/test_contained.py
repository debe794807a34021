"""Contained plugins: a rule that exits, gives a finding the engine cannot use, or runs
away is one error line for that rule on that file (exit 2), never the end of the run,
a pass, an internal error or a hang; KeyboardInterrupt still stops the run."""
import signal
import threading
import time

import pytest

from reportlint import Finding, Fix, Related, Rule, RuleError, check_text
from reportlint.document import Document
from reportlint.engine import ActiveRule, run_rules
from reportlint.plugins import default_registry
from reportlint.timelimit import TimeLimitExceeded, TimeLimits
from tests.helpers import run_cli
from tests.test_engine import REVERSED

REVERSED_LINE = "a.txt:2:10: error reversed-quotes quotation marks in reverse order: ”枫桥式“, " \
                "meant “枫桥式”"
# A runaway rule gives up after this long: on code without a time limit the test fails
# then instead of hanging the suite.
GIVE_UP = 20.0


class Custom(Rule):
    category = "custom"
    severity = "error"
    summary = {"zh": "插件规则", "en": "a plugin's rule"}


class Exits(Custom):
    name = "exits"

    def check(self, doc, options):
        yield self.finding(0, 1, zh="第一个", en="first")
        raise SystemExit(0)


class Interrupted(Custom):
    name = "interrupted"

    def check(self, doc, options):
        raise KeyboardInterrupt
        yield


class Loops(Custom):
    """Never finishes on its own (in practice: gives up after GIVE_UP seconds)."""
    name = "loops"

    def check(self, doc, options):
        give_up = time.monotonic() + GIVE_UP
        while time.monotonic() < give_up:
            try:
                pass
            except Exception:   # what a careless rule does: the limit still stops it
                pass
        yield self.finding(0, 1, zh="跑完了", en="ran to the end")


class Swallows(Custom):
    """Catches everything, the time limit included, and ends as if nothing happened."""
    name = "swallows"

    def check(self, doc, options):
        give_up = time.monotonic() + GIVE_UP
        try:
            while time.monotonic() < give_up:
                pass
        except BaseException:
            pass
        return iter(())


@pytest.fixture
def register(monkeypatch):
    def add(rule):
        monkeypatch.setitem(default_registry().rules, rule.name, rule)
        return rule
    return add


def lint(args, capsys):
    return run_cli(["--lang", "en", "--format", "concise", *args], capsys)


def test_a_rule_that_raises_systemexit_is_an_error_not_a_pass(register, isolated_repo, capsys):
    register(Exits())
    (isolated_repo / "a.txt").write_text(REVERSED, encoding="utf-8")
    code, out, _ = lint(["--select", "exits,pairs", "a.txt"], capsys)
    assert code == 2
    assert out.splitlines() == [REVERSED_LINE, "a.txt: error: rule exits failed: SystemExit: 0"]
    with pytest.raises(RuleError) as info:
        check_text(REVERSED, select=["exits"])
    assert isinstance(info.value.__cause__, SystemExit)


def test_keyboard_interrupt_in_a_rule_still_stops_the_run(register, isolated_repo, capsys):
    register(Interrupted())
    (isolated_repo / "a.txt").write_text(REVERSED, encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        check_text(REVERSED, select=["interrupted"])
    code, out, err = lint(["--select", "interrupted,pairs", "a.txt"], capsys)
    assert code == 130 and out == "" and err == "reportlint: interrupted\n"


def _yielding(name: str, make):
    """A rule that yields ``make(rule, doc)`` (a finding, or what passes for one)."""
    def check(self, doc, options):
        yield make(self, doc)
    return type(name.title().replace("-", ""), (Custom,), {"name": name, "check": check})()


def _finding(of, **fields):
    """A Finding of the rule ``of`` with some fields set to what a broken rule would give."""
    values = {"rule": of.name, "category": of.category, "severity": "error", "start": 0,
              "end": 1, "zh": "坏", "en": "bad"}
    values.update(fields)
    return Finding(**values)


# (what the rule gives, what the error says is wrong with it); REVERSED has 33 code points.
INVALID = [
    (lambda r, d: r.finding(0.5, 1.5, zh="坏", en="bad"), "start is 0.5, not an integer"),
    (lambda r, d: r.finding(False, True, zh="坏", en="bad"), "start is False, not an integer"),
    (lambda r, d: r.finding(0, 34, zh="坏", en="bad"),
     "the finding spans 0–34: outside the text (0–33) or backwards"),
    (lambda r, d: r.finding(0, 1, zh=None, en="bad"), "zh is None, not a string"),
    (lambda r, d: r.finding(0, 1, zh="坏", en=3), "en is 3, not a string"),
    (lambda r, d: r.finding(0, 1, zh="坏", en="bad", severity="fatal"),
     "its severity is 'fatal', not one of info, warning, error"),
    (lambda r, d: r.finding(0, 1, zh="坏", en="bad", fix=(0, 1, "x")),
     "fix is (0, 1, 'x'), not a Fix or None"),
    (lambda r, d: r.finding(0, 1, zh="坏", en="bad", fix=Fix(0, 1, 5)),
     "fix.replacement is 5, not a string"),
    (lambda r, d: r.finding(0, 1, zh="坏", en="bad", fix=Fix(0, 1.0, "x")),
     "fix.end is 1.0, not an integer"),
    (lambda r, d: r.finding(0, 1, zh="坏", en="bad", fix=Fix(2, 99, "x")),
     "fix spans 2–99: outside the text (0–33) or backwards"),
    (lambda r, d: r.finding(0, 1, zh="坏", en="bad", fix=Fix(0, 1, "x", safe="no")),
     "fix.safe is 'no', not true or false"),
    (lambda r, d: r.finding(0, 1, zh="坏", en="bad", related=[(0, 1)]),
     "related[0] is (0, 1), not a Related"),
    (lambda r, d: r.finding(0, 1, zh="坏", en="bad", related=[Related(0, 1), Related(5, 3)]),
     "related[1] spans 5–3: outside the text (0–33) or backwards"),
    (lambda r, d: r.finding(0, 1, zh="坏", en="bad", related=[Related(0, 1, zh=3)]),
     "related[0].zh is 3, not a string"),
    (lambda r, d: _finding(r, related=5), "related is 5, not a tuple of Related"),
    (lambda r, d: _finding(r, rule="reversed-quotes"),
     "its rule is 'reversed-quotes', not invalid"),
    (lambda r, d: _finding(r, category=None), "category is None, not a string"),
    (lambda r, d: (0, 1), "(0, 1) is not a Finding"),
]


@pytest.mark.parametrize("make, problem", INVALID)
def test_an_invalid_finding_makes_its_rule_a_failing_rule(make, problem, register,
                                                          isolated_repo, capsys):
    register(_yielding("invalid", make))
    (isolated_repo / "a.txt").write_text(REVERSED, encoding="utf-8")
    error = f"a.txt: error: rule invalid gave an invalid finding: {problem}"
    code, out, err = lint(["--select", "invalid,pairs", "a.txt"], capsys)
    assert (code, out.splitlines(), err) == (2, [REVERSED_LINE, error], "")
    # Every format reads the findings' offsets: none of them meets the invalid one.
    for fmt in ("text", "json", "sarif", "github"):
        code, out, err = run_cli(["--format", fmt, "--select", "invalid", "a.txt"], capsys)
        assert code == 2 and "internal error" not in out + err and "坏" not in out
    # --fix neither applies its fix nor stops at it; the file is left as it was.
    code, out, err = lint(["--fix", "--select", "invalid", "a.txt"], capsys)
    assert (code, out.splitlines()) == (2, [error])
    assert (isolated_repo / "a.txt").read_text(encoding="utf-8") == REVERSED


def test_the_chinese_error_names_the_rule_and_the_problem(register, isolated_repo, capsys):
    register(_yielding("invalid", INVALID[0][0]))
    (isolated_repo / "a.txt").write_text(REVERSED, encoding="utf-8")
    code, out, _ = run_cli(["--format", "concise", "--select", "invalid", "a.txt"], capsys)
    assert out == "a.txt: error: 规则 invalid 给出了无效的问题：start 为 0.5，不是整数\n"


# -- the time limit -----------------------------------------------------------------------


@pytest.fixture
def alarm_untouched():
    """The test must leave SIGALRM as it found it: no timer running, the same handler."""
    before = signal.getsignal(signal.SIGALRM)
    yield
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_a_rule_that_runs_away_is_stopped(register, isolated_repo, capsys, alarm_untouched):
    register(Loops())
    (isolated_repo / "a.txt").write_text(REVERSED, encoding="utf-8")
    (isolated_repo / ".reportlint.yaml").write_text("rule-timeout: 0.2\n", encoding="utf-8")
    code, out, _ = lint(["--select", "loops,pairs", "a.txt"], capsys)
    assert code == 2
    assert out.splitlines() == [
        REVERSED_LINE,
        "a.txt: error: rule loops did not finish within 0.2 s on this file (rule-timeout)"]
    # --rule-timeout on the command line goes before the configuration's.
    (isolated_repo / ".reportlint.yaml").write_text("rule-timeout: 0\n", encoding="utf-8")
    code, out, _ = lint(["--rule-timeout", "0.1", "--select", "loops", "a.txt"], capsys)
    assert (code, out) == (
        2, "a.txt: error: rule loops did not finish within 0.1 s on this file (rule-timeout)\n")


def test_a_rule_that_swallows_the_limit_is_stopped_all_the_same(alarm_untouched):
    failures: list = []
    findings, errors = run_rules(Document(REVERSED), [ActiveRule(Swallows(), "error", {})],
                                 failures, timeout=0.1)
    assert [str(e) for e in errors] == [
        "rule swallows did not finish within 0.1 s on this file (rule-timeout)"]
    assert [name for name, _ in failures] == ["swallows"] and findings == []


@pytest.fixture
def installed(monkeypatch):
    """The signals whose handler is set while the test runs, in order."""
    signals = []
    install = signal.signal

    def counting(signum, handler):
        signals.append(signum)
        return install(signum, handler)

    monkeypatch.setattr(signal, "signal", counting)
    return signals


def test_the_alarm_handler_is_installed_once_for_all_the_rules_of_a_file(installed,
                                                                          alarm_untouched):
    # installing it for each rule cost more than a small rule takes on a small file
    rules = [ActiveRule(_yielding(f"quick-{i}", lambda r, d: r.finding(0, 1, zh="好", en="fine")),
                        "error", {}) for i in range(3)]
    findings, errors = run_rules(Document(REVERSED), rules, timeout=5)
    assert len(findings) == 3 and errors == []
    assert installed == [signal.SIGALRM, signal.SIGALRM]   # ours, then the one before it


def test_a_series_of_calls_sets_the_timer_once_not_for_each_call(monkeypatch,
                                                                  alarm_untouched):
    # setting and clearing it for each rule cost more than a small rule takes on a small file
    set_to = []
    setitimer = signal.setitimer

    def counting(which, seconds, *interval):
        set_to.append(seconds)
        return setitimer(which, seconds, *interval)

    monkeypatch.setattr(signal, "setitimer", counting)
    with TimeLimits(5) as limits:
        assert [limits.call(lambda: i) for i in range(10)] == list(range(10))
    assert set_to == [5, 0]   # set by the first call, cleared at the end of the series


def test_a_call_is_stopped_at_its_own_deadline_not_an_earlier_calls(alarm_untouched):
    with TimeLimits(0.3) as limits:
        limits.call(lambda: None)    # sets the timer for 0.3 s from now
        time.sleep(0.2)
        started = time.monotonic()
        with pytest.raises(TimeLimitExceeded):
            limits.call(lambda: Loops().check(None, {}).__next__())
        ran = time.monotonic() - started
    assert 0.29 <= ran < GIVE_UP   # the timer was set again for this call's own 0.3 s


def test_a_shorter_limit_than_the_timer_set_is_kept(alarm_untouched):
    with TimeLimits() as limits:
        limits.call(lambda: None, 60)    # sets the timer for a minute
        with pytest.raises(TimeLimitExceeded):
            limits.call(lambda: Loops().check(None, {}).__next__(), 0.1)


def test_a_run_installs_the_handler_once_for_all_its_files(installed, isolated_repo,
                                                           capsys):
    for name in ("a.txt", "b.txt", "c.txt"):
        (isolated_repo / name).write_text(REVERSED, encoding="utf-8")
    code, out, _ = lint(["--jobs", "1", "--select", "pairs", "a.txt", "b.txt", "c.txt"], capsys)
    assert code == 1 and len(out.splitlines()) == 3
    assert installed == [signal.SIGALRM, signal.SIGALRM]   # ours, then the one before it
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_another_threads_call_leaves_the_series_limit_alone(alarm_untouched):
    # a Linter shared by threads: a call from another thread must not replace, then
    # clear, the deadline of the call the main thread is running
    def runaway():
        helper = threading.Thread(target=lambda: limits.call(lambda: None, 0.1))
        helper.start()
        helper.join()
        Loops().check(None, {}).__next__()

    with TimeLimits() as limits:
        started = time.monotonic()
        with pytest.raises(TimeLimitExceeded):
            limits.call(runaway, 0.3)
    assert time.monotonic() - started < GIVE_UP


def test_a_series_entered_twice_is_set_up_and_cleared_once(alarm_untouched):
    limits = TimeLimits(5)
    with limits:
        with limits:
            assert limits.call(lambda: "inner") == "inner"
        assert signal.getsignal(signal.SIGALRM) == limits._on_alarm   # still ours
        with pytest.raises(TimeLimitExceeded):
            limits.call(lambda: Loops().check(None, {}).__next__(), 0.1)


def _limited(seconds, call):
    """``call()`` under a limit of its own, as a single call outside a series gets it."""
    with TimeLimits(seconds) as limits:
        return limits.call(call)


def test_a_limit_of_zero_arms_no_alarm(alarm_untouched):
    assert _limited(0, lambda: signal.getitimer(signal.ITIMER_REAL)) == (0.0, 0.0)
    assert _limited(-1, lambda: signal.getitimer(signal.ITIMER_REAL)) == (0.0, 0.0)
    assert _limited(5, lambda: signal.getitimer(signal.ITIMER_REAL))[0] > 0


def test_the_alarm_of_the_embedding_program_is_left_alone():
    fired = []

    def theirs(signum, frame):
        fired.append(signum)

    previous = signal.signal(signal.SIGALRM, theirs)
    signal.setitimer(signal.ITIMER_REAL, 100)
    try:
        quick = _yielding("quick", lambda r, d: r.finding(0, 1, zh="好", en="fine"))
        findings, errors = run_rules(Document(REVERSED), [ActiveRule(quick, "error", {})],
                                     timeout=0.1)
        assert len(findings) == 1 and errors == []
        assert signal.getsignal(signal.SIGALRM) is theirs
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 90 and fired == []
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_outside_the_main_thread_rules_run_without_a_limit(alarm_untouched):
    got = []
    thread = threading.Thread(target=lambda: got.append(_limited(0.1, lambda: "done")))
    thread.start()
    thread.join()
    assert got == ["done"]


def test_a_thread_started_without_threading_runs_rules_without_a_limit():
    """The time limit does not import threading (a millisecond of every start): a thread
    that a program started through _thread alone still runs its rules, without a limit."""
    import subprocess
    import sys

    probe = ("import _thread, sys\n"
             "from reportlint.timelimit import TimeLimits\n"
             "got, lock = [], _thread.allocate_lock()\n"
             "lock.acquire()\n"
             "def run():\n"
             "    try:\n"
             "        with TimeLimits(0.1) as limits:\n"
             "            got.append(limits.call(lambda: 'done'))\n"
             "    finally:\n"
             "        lock.release()\n"
             "_thread.start_new_thread(run, ())\n"
             "lock.acquire()\n"
             "print(got, 'threading' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.split() == ["['done']", "False"], done.stderr


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                    reason="the plugin is registered in this process; only forked workers see it")
def test_worker_processes_stop_a_runaway_rule_too(register, isolated_repo, capsys,
                                                  alarm_untouched):
    register(Loops())
    for name in ("a.txt", "b.txt"):
        (isolated_repo / name).write_text(REVERSED, encoding="utf-8")
    code, out, _ = lint(["--jobs", "2", "--rule-timeout", "0.2", "--select", "loops",
                         "a.txt", "b.txt"], capsys)
    assert code == 2
    assert out.splitlines() == [
        f"{name}: error: rule loops did not finish within 0.2 s on this file (rule-timeout)"
        for name in ("a.txt", "b.txt")]
