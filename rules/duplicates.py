"""Duplicated text: a block pasted twice, a sentence said twice in one paragraph.

Linear time: each paragraph is keyed and hashed once (a dict lookup), and a repeated
run is grown along its neighbours (their keys and their text compared a run at a time),
never by pairwise search.  Sentences are told apart a chunk of paragraphs at a time, by
one split of their keys at every sentence end (_clear); only the groups of paragraphs
where two may be the same are read sentence by sentence.
"""
from __future__ import annotations

from itertools import compress, repeat
from operator import attrgetter, ne, not_, sub

from reportlint import Related, Rule, hookimpl
from reportlint.document import SENTENCE_CLOSERS, SENTENCE_ENDS, Paragraph
from reportlint.patterns import Lazy
from reportlint.residue import SENTENCE_END, chrome_tail, page_chrome
from reportlint.rule import line_range


def _across_pages(doc, text: str, pages: list) -> tuple:
    """The units and their keys as copies compare, in a text with page chrome: a
    paragraph that a page break split (its sentence goes on after the page's number or
    running title) is one, keyed without the chrome, and the chrome's own paragraphs are
    none, for the two copies of a block break across pages at different places.  A table
    row's key is (its index,), which matches nothing."""
    headings, tables = doc.heading_lines, doc.table_lines
    titles = {h.line for h in doc.headings if h.standalone}
    units: list = []
    unit_keys: list = []
    broken = False  # a page break since the last unit's own text, which stops mid-sentence
    k = 0
    for i, p in enumerate(doc.paragraphs):
        while k < len(pages) and pages[k][1] < p.end:
            k += 1
        if k < len(pages) and pages[k][0] <= p.start:  # a page's chrome from end to end
            # after a line of its own (in a hard-wrapped text the Document keeps a full
            # line's page number with it: this line was short, or a heading's)
            broken = broken or (bool(units) and not doc.wrapped
                                and text[units[-1].end - 1] not in SENTENCE_END
                                and units[-1].last_line not in titles)
            continue
        end, _ = chrome_tail(text, pages, p.start, p.end)
        own = (i,) if p.first_line in tables else _key(text[p.start:end])
        last_line = p.last_line if end == p.end else doc.position(end - 1)[0]
        if broken and isinstance(own, str) and isinstance(unit_keys[-1], str) \
                and p.first_line not in headings:
            units[-1] = Paragraph(units[-1].start, end, units[-1].first_line, last_line)
            unit_keys[-1] += own
        else:
            units.append(Paragraph(p.start, end, p.first_line, last_line))
            unit_keys.append(own)
        broken = end < p.end and text[end - 1] not in SENTENCE_END
    return units, unit_keys


_START, _END = attrgetter("start"), attrgetter("end")

# Paragraphs told at a time whether two of their sentences may be the same (_clear),
# and, where they may, told again in groups: the few paragraphs of a repeat are read.
_GROUP = 4
_CHUNK = 8 * _GROUP   # (a whole number of groups: a group's flags are found by its index)
# What ends a sentence besides 。, and an end followed by a mark that closes the sentence
# (as Document's sentence pattern reads them).
_OTHER_ENDS = tuple(SENTENCE_ENDS.replace("。", ""))
_END_CLOSED = Lazy(f"。[{SENTENCE_CLOSERS}]")


def _clear(keys: list, min_chars: int) -> bool:
    """Whether no two sentences (Document.sentence_texts) of some paragraphs that count
    (``min_chars`` or more) can be the same, told in C: ``keys``, the paragraphs' keys
    (of the folded text, white space removed).  Split at every end (。 ! ? … alike),
    each sentence leaves the characters between its ends as a piece of its own, never
    empty unless the sentence is ends alone: where no two pieces are the same, no two
    sentences are.  False (they may be) also where an end is followed by a closing mark,
    which the split would put at the start of the next sentence's piece, or where a run
    of ends is as long as a sentence that counts."""
    joined = "。".join(keys)
    for end in _OTHER_ENDS:
        if end in joined:
            joined = joined.replace(end, "。")
    if "。" * min_chars in joined or _END_CLOSED.search(joined) is not None:
        return False
    pieces = joined.split("。")
    empty = pieces.count("")
    return len(set(pieces)) - (empty > 0) == len(pieces) - empty


def _agreeing_keys(keys: list, i: int, j: int, limit: int) -> int:
    """How many of keys[i:] and keys[j:] agree from the first on, ``limit`` at most:
    slices compared in C, twice as long each time until one differs, then half as long."""
    n, step, growing = 0, 1, True
    while step:
        step = min(step, limit - n)
        if step and keys[i + n:i + n + step] == keys[j + n:j + n + step]:
            n += step
            if growing:
                step *= 2
        else:
            growing = False
            step //= 2
    return n


# Characters of two runs compared at a time: a run may be most of a text, and its two
# copies held at once would raise a run's peak memory by as much.
_COMPARED = 1 << 16


def _same_text(text: str, a: int, b: int, length: int) -> bool:
    """Whether ``text[a:a + length] == text[b:b + length]``, compared a piece at a time."""
    return all(text[a + k:a + k + _COMPARED] == text[b + k:b + k + _COMPARED]
               for k in range(0, length, _COMPARED))


def _key(piece: str) -> str:
    """What makes two pieces of (folded) text the same: white space removed."""
    # Report text rarely holds white space; testing first is cheaper than splitting.
    if " " in piece or not piece.isprintable():  # every other space is not printable
        return "".join(piece.split())
    return piece


def _keys_of_pieces(text: str, pieces: list, starts: list, lengths: list) -> list:
    """The keys of the paragraphs at ``starts`` (as long as ``lengths``) from ``pieces``,
    their text split at white space, in order: a paragraph as long as its first piece is
    that piece; one that holds white space is as many pieces as it splits into.  (Only
    white space stands between the Document's paragraphs: tests/test_duplicates.py holds
    it to that.)"""
    keys = []
    at = 0
    for start, length in zip(starts, lengths):
        if at < len(pieces) and len(pieces[at]) == length:
            keys.append(pieces[at])
            at += 1
        else:
            parts = text[start:start + length].split()
            keys.append("".join(parts))
            at += len(parts)
    return keys


def _chunk_keys(text: str, starts: list, ends: list, low: int, high: int) -> tuple:
    """The keys (see _key) of the paragraphs ``low:high`` (``high > low``) and their
    lengths."""
    # Only white space stands between two paragraphs: the chunk's pieces without it are
    # its paragraphs' keys, as long as the paragraphs are (none holds white space).
    keys = text[starts[low]:ends[high - 1]].split()
    key_lengths = list(map(len, keys))
    lengths_as_written = list(map(sub, ends[low:high], starts[low:high]))
    if key_lengths != lengths_as_written:
        keys = _keys_of_pieces(text, keys, starts[low:high], lengths_as_written)
        key_lengths = list(map(len, keys))
    return keys, key_lengths


def _fingerprints(text: str, starts: list, ends: list, read: list, min_chars: int,
                  one_chunk=None) -> tuple:
    """Each paragraph's key (see _key) by its hash and its length, and whether each
    _GROUP paragraphs and the one before are told clear (_clear) with the paragraphs
    ``read`` among them.  The keys are made a chunk at a time and dropped: held together,
    they would be as large as the text again.  ``one_chunk``: the keys and their
    lengths of a text of one chunk, if made already."""
    hashes: list = []
    lengths: list = []
    clear: list = []
    before: list = []  # the key of the paragraph before a chunk, if it is read
    for low in range(0, len(starts), _CHUNK):
        high = min(low + _CHUNK, len(starts))
        keys, key_lengths = one_chunk or _chunk_keys(text, starts, ends, low, high)
        hashes += map(hash, keys)
        lengths += key_lengths
        groups = range(low, high, _GROUP)
        if _clear(before + list(compress(keys, read[low:high])), min_chars):
            clear += repeat(True, len(groups))
        else:
            for g in groups:
                prior = before if g == low else keys[g - low - 1:g - low] if read[g - 1] else []
                told = compress(keys[g - low:g - low + _GROUP], read[g:g + _GROUP])
                clear.append(_clear(prior + list(told), min_chars))
        before = keys[-1:] if read[high - 1] else []
    return hashes, lengths, clear


class DuplicateBlock(Rule):
    name = "duplicate-block"
    category = "duplicates"
    severity = "error"
    summary = {"zh": "重复的段落或句子", "en": "a paragraph or sentence repeated"}
    rationale = {
        "zh": "从 Word 粘贴到网站或 PDF 时，整段文字常被粘贴两次。重复出现的段落（或连续多段）"
              "以及同一段内重复的句子都会被报告，并指出原文所在的行。标题、“信息来源:”之类的短行"
              "单独重复不算。",
        "en": "Text pasted from Word into a CMS or PDF often lands twice. A paragraph (or a run "
              "of paragraphs) repeated later in the document, and a sentence repeated inside one "
              "paragraph, are reported with the lines of the original. Short lines such as "
              "headings or labels never count on their own.",
    }
    options = {"min-chars": 30, "min-sentence-chars": 15}
    option_bounds = {"min-chars": (1, None), "min-sentence-chars": (1, None)}
    examples = {"bad": "全年共办理行政复议案件12件,均在法定期限内办结,无一被纠错。\n"
                       "二、存在的不足\n全年共办理行政复议案件12件,均在法定期限内办结,无一被纠错。",
                "good": "全年共办理行政复议案件12件,均在法定期限内办结,无一被纠错。\n"
                        "二、存在的不足\n执法队伍力量仍显不足。"}

    def check(self, doc, options):
        # A copy and its original hold at least twice the shortest text that counts
        # (their keys): a shorter document (a notice, a test) is spared every scan.
        if len(doc.text) < 2 * min(options["min-chars"], options["min-sentence-chars"]) \
                or not (paras := doc.paragraphs):
            return ()
        text, tables = doc.folded, doc.table_lines
        starts, ends = [*map(_START, paras)], [*map(_END, paras)]
        min_sentence = options["min-sentence-chars"]
        # A table row is never a duplicated block (a converter repeats the header of
        # every table), nor read for sentences: its index.
        rows = [i for i, p in enumerate(paras) if p.first_line in tables] if tables else []
        # Too short to hold a sentence that counts, or a table row: not read for sentences.
        read = list(map(min_sentence.__le__, map(sub, ends, starts)))
        for i in rows:
            read[i] = False
        pages = page_chrome(doc)
        # Most documents are one chunk that repeats no sentence: then no paragraph that
        # counts repeats either (it would repeat its sentences), if every paragraph that
        # counts is read (a table row's repeat is none), and when no page chrome joins
        # paragraphs into other keys.  Told before any hashing, by keys _findings keeps.
        one_chunk = None
        if len(paras) <= _CHUNK and options["min-chars"] >= min_sentence and not pages:
            one_chunk = _chunk_keys(text, starts, ends, 0, len(paras))
            if _clear([*compress(one_chunk[0], read)], min_sentence):
                return ()
        return self._findings(doc, options, starts, ends, read, rows, pages, one_chunk)

    def _findings(self, doc, options, starts: list, ends: list, read: list, rows: list,
                  pages: list, one_chunk):
        """The repeated blocks and sentences of a text that check could not clear
        (``one_chunk``: see _fingerprints)."""
        text, paras = doc.folded, doc.paragraphs
        min_sentence = options["min-sentence-chars"]
        hashes, lengths, clear = _fingerprints(text, starts, ends, read, min_sentence, one_chunk)
        if pages:  # a PDF's text: units joined across page breaks, keyed by their keys
            units, keys = _across_pages(doc, text, pages)
            blocks = self._blocks(units, keys, [len(k) if isinstance(k, str) else 0 for k in keys],
                                  lambda i, j: True, lambda i, j, n: n, options["min-chars"])
        else:
            keys = hashes   # (not read as hashes after this)
            for i in rows:
                keys[i] = (i,)  # a key that matches nothing, not even an equal row's

            def same(i: int, j: int) -> bool:   # equal hashes: the keys confirm it
                a, b = text[starts[i]:ends[i]], text[starts[j]:ends[j]]
                return a == b or _key(a) == _key(b)

            def agreeing(i: int, j: int, n: int) -> int:
                """How many of the paragraphs i.., j.. (n at most, with equal hashes) are
                the same, from the first on: one comparison of the two runs' text confirms
                them all where their paragraphs stand alike."""
                shift = starts[i] - starts[j]
                if _same_text(text, starts[i], starts[j], ends[i + n - 1] - starts[i]) \
                        and starts[i:i + n] == list(map(shift.__add__, starts[j:j + n])) \
                        and ends[i:i + n] == list(map(shift.__add__, ends[j:j + n])):
                    return n
                t = 0
                while t < n and same(i + t, j + t):
                    t += 1
                return t

            blocks = self._blocks(paras, keys, lengths, same, agreeing, options["min-chars"])
        blocks = list(blocks)
        yield from blocks
        # Both come in text order, and the copies do not overlap: one walk along them.
        copies = [(f.start, f.end) for f in blocks]
        k = 0
        for f in self._sentences(doc, lengths, read, clear, min_sentence):
            while k < len(copies) and copies[k][1] <= f.start:
                k += 1
            if not (k < len(copies) and copies[k][0] <= f.start):
                yield f  # not inside a copied block

    def _blocks(self, paras: list, keys: list, lengths: list, same, agreeing, min_chars: int):
        """``keys``: of each paragraph, its key or the key's hash (a table row's matches
        nothing); ``lengths``: its key's length; ``same(i, j)``: whether two paragraphs
        whose ``keys`` are equal have the same key; ``agreeing(i, j, n)``: how many of the
        pairs (i + t, j + t) of equal ``keys`` are the same, from t = 0 on, n at most."""
        n = len(keys)
        if len(set(keys)) == n:
            return  # no key repeats (most documents)
        first = dict(zip(reversed(keys), range(n - 1, -1, -1)))  # each key's first paragraph
        origin = list(map(first.__getitem__, keys))
        covered = -1  # copies end here; a later run starts after it
        for i in compress(range(n), map(ne, origin, range(n))):
            if i <= covered or lengths[i] < min_chars:
                continue
            j = origin[i]
            # The copy i.. and its original j.. as far as their keys agree (the original
            # ends before the copy starts), then as far as they are the same.
            agree = agreeing(i, j, _agreeing_keys(keys, i, j, min(n - i, i - j)))
            if not agree:
                continue  # equal hashes of different keys
            # Grow the copy backwards over short paragraphs (a heading above the block)
            # and forwards over everything.
            lo_i, lo_j = i, j
            while (lo_i - 1 > covered and lo_j - 1 >= 0
                   and keys[lo_i - 1] == keys[lo_j - 1] and lengths[lo_j - 1]
                   and same(lo_i - 1, lo_j - 1)):
                lo_i, lo_j = lo_i - 1, lo_j - 1
            # (lo_i > j: a paragraph before j with j's key would be j's original)
            forward = min(agree, lo_i - j) - 1
            hi_i, hi_j = i + forward, j + forward
            covered = hi_i
            copy_first, copy_last = paras[lo_i], paras[hi_i]
            orig_first, orig_last = paras[lo_j], paras[hi_j]
            lines_zh = line_range(orig_first.first_line, orig_last.last_line, "zh")
            lines_en = line_range(orig_first.first_line, orig_last.last_line, "en")
            count = hi_i - lo_i + 1
            yield self.finding(
                copy_first.start, copy_last.end,
                zh=f"重复的{'段落' if count == 1 else f'{count}段文字'}：与{lines_zh}相同",
                en=f"repeated {'paragraph' if count == 1 else f'run of {count} paragraphs'}: "
                   f"the same as {lines_en}",
                related=[Related(orig_first.start, orig_last.end,
                                 zh="首次出现", en="first occurrence")])

    def _sentences(self, doc, key_lengths: list, read: list, clear: list, min_chars: int):
        """Sentences said again inside one paragraph or in the paragraph right after
        (a paste at a paragraph boundary); a run of them is one finding.  ``read``: the
        paragraphs that may hold a sentence that counts (``min_chars``); ``clear``: of
        each _GROUP paragraphs, whether they and the one before hold none twice."""
        if all(clear):
            return  # most documents
        # A sentence is read as a string and named by (paragraph index, its place in the
        # paragraph): offsets are looked up only in the few paragraphs with a repeat.
        looked_up: dict = {}  # paragraph index -> the (start, end) of its sentences

        def offsets(paragraph: int) -> list:
            if paragraph not in looked_up:
                matches = doc.sentence_matches(doc.paragraphs[paragraph])
                looked_up[paragraph] = [m.span() for m in matches]
            return looked_up[paragraph]

        paragraphs = doc.paragraphs
        sentences = doc.sentence_texts

        def keys_of(index: int) -> list:
            keys = sentences(paragraphs[index])
            # Most paragraphs hold no white space (their key is as long as they are):
            # then each sentence is its own key.
            if key_lengths[index] != paragraphs[index].end - paragraphs[index].start:
                keys = list(map("".join, map(str.split, keys)))
            return keys

        # A sentence that repeats none is an original for the rest of its paragraph and
        # the next one: the keys of those of the paragraph before (a set of short keys
        # too, never asked for) and that paragraph's keys, if it was read; if it was told
        # to repeat none with its group, its index, its keys read only if asked.
        before: set = set()
        previous: list = []
        unread: int | None = None
        for group in compress(range(len(clear)), map(not_, clear)):
            low = group * _GROUP
            high = min(low + _GROUP, len(paragraphs))
            if not group or clear[group - 1]:  # after a group told clear
                before, previous = set(), []
                unread = low - 1 if low and read[low - 1] else None
            for index in range(low, high):
                if not read[index]:
                    before, previous, unread = set(), [], None
                    continue
                if unread is not None:
                    previous = keys_of(unread)
                    before, unread = set(previous), None
                keys = keys_of(index)
                distinct = set(keys)
                if len(distinct) == len(keys) and distinct.isdisjoint(before):
                    before, previous = distinct, keys  # no repeat: told in C
                    continue
                originals: set = set()  # the keys of this paragraph's sentences that repeat none
                run: list = []  # [(place, original)] of consecutive repeated sentences
                for place, key in enumerate(keys):
                    if len(key) < min_chars:
                        continue
                    if key in originals or key in before:
                        j = index if key in originals else index - 1
                        run.append((place, (j, (keys if j == index else previous).index(key))))
                        continue
                    if run:
                        yield self._sentence_finding(doc, run, index, offsets)
                        run = []
                    originals.add(key)
                if run:
                    yield self._sentence_finding(doc, run, index, offsets)
                before, previous = originals, keys

    def _sentence_finding(self, doc, run, index: int, offsets):
        """One finding for a run of repeated sentences in paragraph ``index``:
        [(place, (original's paragraph index, place))]; ``offsets(paragraph)`` gives the
        (start, end) of a paragraph's sentences."""
        def span(paragraph: int, place: int) -> tuple:
            return offsets(paragraph)[place]

        (first, (orig_para, orig_place)), (last, orig_last) = run[0], run[-1]
        orig_start, orig_end = span(orig_para, orig_place)
        line, col = doc.position(orig_start)
        # By paragraph, not by line: a Markdown paragraph spans several lines.
        same = orig_para == index
        n = len(run)
        what_zh = "句子" if n == 1 else f"{n}个句子"
        what_en = "sentence" if n == 1 else f"run of {n} sentences"
        return self.finding(
            span(index, first)[0], span(index, last)[1],
            zh=f"重复的{what_zh}：与{'同一段' if same else '上一段'}第{line}行第{col}列的文字相同",
            en=f"repeated {what_en}: the same as at {line}:{col} "
               f"{'in the same paragraph' if same else 'in the paragraph before'}",
            related=[Related(orig_start, max(orig_end, span(*orig_last)[1]),
                             zh="首次出现", en="first occurrence")])


class CopiedPassage(Rule):
    """Reported by the run, not per file: ``--compare`` looks for each report's sentences
    in the other reports (reportlint.compare); ``check`` has nothing to say alone."""

    name = "copied-passage"
    category = "duplicates"
    severity = "warning"
    summary = {"zh": "与其他报告相同的段落（--compare）", "en": "a passage found in another report (--compare)"}
    rationale = {
        "zh": "照抄上一年度或其他单位的报告、只改年份和数字，是审计和公众最常指出的问题之一"
              "（“内容雷同”）。加上 --compare 时，屏蔽数字、年份和配置的单位名称后，连续几句与"
              "另一份报告相同的文字会被报告，并指出来源文件的行和本报告有多少文字见于该文件。"
              "每份同类报告都用的套话（出现在太多报告中的句子）和各部分标题不算。",
        "en": "A report copied from last year's, or from another body's, with only the year and "
              "the numbers changed is among the defects auditors and the public point out most "
              "(内容雷同). With --compare, a run of sentences that is the same as in another "
              "report once numbers, years and configured names are masked is reported, with the "
              "source's lines and how much of the report is found there. Formulas every report "
              "of the type uses (sentences found in too many reports) and part headings never "
              "count.",
    }
    enabled_by = "--compare"
    scope = "run"
    examples = {
        "source": "某县2022年法治政府建设年度报告\n全年共受理行政复议案件12件，均在法定期限内办结。"
                  "组织执法人员培训3期，参训人员达到200人次。\n",
        "bad": "某县2023年法治政府建设年度报告\n全年共受理行政复议案件15件，均在法定期限内办结。"
               "组织执法人员培训4期，参训人员达到260人次。\n",
        "good": "某县2023年法治政府建设年度报告\n全年共受理行政复议案件15件，均在法定期限内办结。"
                "新建村级法律服务站点20个，覆盖全部行政村。\n"}
    options = {"min-sentences": 2, "min-chars": 50, "min-sentence-chars": 15,
               "max-sources": 5, "mask": []}
    option_bounds = {"min-sentences": (1, None), "min-chars": (1, None),
                     "min-sentence-chars": (1, None), "max-sources": (1, None)}

    def check(self, doc, options):
        return iter(())


@hookimpl
def reportlint_rules():
    return [DuplicateBlock(), CopiedPassage()]
