"""The catalogue of reportlint's own messages (errors, notes, summaries) in zh and en.

A message is made where the problem is found, ``msg("unknown rule '{name}'", name=n)``,
and rendered where it is printed, in the language of the run: the English template is
its key, ``ZH`` gives its Chinese.  Values are filled in per language: a list is joined
with ", " or "、", a nested Message is rendered in the same language.  ``str()`` of a
message is its English, as Python's own errors are.  Rules carry their findings'
messages themselves (``Finding.zh``/``.en``): a plugin brings its own words.
"""
from __future__ import annotations


TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Any


class Message:
    __slots__ = ("template", "params")

    def __init__(self, template: str, **params: Any):
        self.template = template
        self.params = params

    def text(self, lang: str = "zh") -> str:
        template = self.template if lang == "en" else ZH.get(self.template, self.template)
        if not self.params:   # a fixed text: braces in it are its own
            return template
        return template.format(**{k: _value(v, lang) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {self.params!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Message) and (self.template, self.params) == \
            (other.template, other.params)

    # Pickled as plain data: outcomes cross process boundaries.
    def __reduce__(self):
        return (_rebuild, (self.template, self.params))


def _rebuild(template: str, params: dict) -> Message:
    return Message(template, **params)


class UserError(Exception):
    """An error whose message is for the user; ``str()`` is its English, ``text(lang)``
    its wording in the run's language."""

    def __init__(self, message):
        self.message = message if isinstance(message, Message) else Message(message)
        super().__init__(self.text("en"))

    def text(self, lang: str = "zh") -> str:
        return self.message.text(lang)

    def as_message(self) -> Message:
        """The whole error as a Message, to keep and print later."""
        return self.message


msg = Message


def plural(n: int) -> str:
    """The English plural ending, for a template's ``{s}``; the Chinese leaves it out."""
    return "" if n == 1 else "s"


def say(message, lang: str = "zh") -> str:
    """A Message (or an exception carrying one as ``message``, or a plain string) in ``lang``."""
    if isinstance(message, (Message, UserError)):
        return message.text(lang)
    return str(message)


def _value(v: Any, lang: str) -> str:
    if isinstance(v, Message):
        return v.text(lang)
    if isinstance(v, (list, tuple)):
        return ("、" if lang == "zh" else ", ").join(_value(x, lang) for x in v)
    return str(v)


# English template -> Chinese template, the same {names} in each.  Chinese text takes
# full-width punctuation (GB/T 15834); names, paths and code stay as written.
ZH = {
    # reading files
    "no such file": "没有这个文件",
    "no such file or directory": "没有这个文件或目录",
    "permission denied": "没有读取权限",
    "is a directory": "这是一个目录",
    "cannot read it: {reason}": "无法读取：{reason}",
    "unknown encoding: {encoding}": "未知的编码：{encoding}",
    "cannot decode as {encoding} at byte {byte}": "无法按 {encoding} 解码（第 {byte} 字节）",
    "invalid {codec} after its byte-order mark, at byte {byte}":
        "字节顺序标记之后不是有效的 {codec}（第 {byte} 字节）",
    "binary file (NUL bytes), not text": "二进制文件（含 NUL 字节），不是文本",
    "binary file (NUL bytes), or UTF-16 without a byte-order mark that does not decode "
    "cleanly; if it is text, name the encoding with --encoding {codec}":
        "二进制文件（含 NUL 字节），或无法正确解码的无字节顺序标记 UTF-16 文本；"
        "如果是文本，请用 --encoding {codec} 指定编码",
    "binary file (control characters), not text": "二进制文件（含控制字符），不是文本",
    "cannot decode: not UTF-8 (byte {byte}) nor GB18030; name the encoding with --encoding":
        "无法解码：既不是 UTF-8（第 {byte} 字节）也不是 GB18030；请用 --encoding 指定编码",
    "cannot tell the encoding: not UTF-8, and read as GB18030 or Big5 it gives unlikely "
    "characters; name the encoding with --encoding (gb18030, big5 …)":
        "无法判断编码：不是 UTF-8，按 GB18030 或 Big5 解码都得到不大可能出现的字符；"
        "请用 --encoding 指定编码（gb18030、big5 等）",
    "file too large: {size} MiB over the {limit} MiB limit (--max-file-size)":
        "文件过大：{size} MiB，超过 {limit} MiB 的上限（--max-file-size）",
    "input too large: over the {limit} MiB limit": "输入过大：超过 {limit} MiB 的上限",
    # reading .html, .docx and .pdf files
    "cannot decode the page: not its declared charset, UTF-8 nor GB18030; name the encoding "
    "with --encoding":
        "无法解码网页：既不是其声明的字符集，也不是 UTF-8 或 GB18030；请用 --encoding 指定编码",
    "an encrypted .docx: save it without a password to lint it":
        "加密的 .docx：请另存为无密码的文件后再检查",
    "a Word 97-2003 .doc, not a .docx: save it as .docx to lint it":
        "这是 Word 97-2003 的 .doc 文件，不是 .docx：请另存为 .docx 后再检查",
    "not a .docx: the file is not a zip archive (damaged, or another format)":
        "不是 .docx：文件不是 zip 压缩包（已损坏，或是其他格式）",
    "not a Word document: word/document.xml is missing": "不是 Word 文档：缺少 word/document.xml",
    "not a Word document: word/document.xml has no body": "不是 Word 文档：word/document.xml 没有正文",
    "damaged .docx: {part} cannot be read ({reason})": "损坏的 .docx：无法读取 {part}（{reason}）",
    "damaged .docx: {part} declares a DOCTYPE": "损坏的 .docx：{part} 声明了 DOCTYPE",
    "damaged .docx: {part} is not well-formed XML ({reason})":
        "损坏的 .docx：{part} 不是格式正确的 XML（{reason}）",
    "the .docx expands to more than {limit} MiB: not read (a zip bomb?)":
        "该 .docx 解压后超过 {limit} MiB：未读取（可能是 zip 炸弹）",
    "reading .pdf files needs the pdf extra: {command}": "读取 .pdf 文件需要安装 pdf 扩展：{command}",
    "not a PDF file (it does not start with %PDF-)": "不是 PDF 文件（开头不是 %PDF-）",
    "an encrypted PDF: save it without a password to lint it": "加密的 PDF：请另存为无密码的文件后再检查",
    "damaged PDF: {reason}": "损坏的 PDF：{reason}",
    "the PDF's text is larger than the {limit} MiB limit (--max-file-size)":
        "该 PDF 的文字超过 {limit} MiB 的上限（--max-file-size）",
    "fixes are not written to .{format} files: linted only": "不会向 .{format} 文件写入修复：仅检查",
    # where a finding is in an .html, .docx or .pdf file
    "{line}:{col}": "{line}:{col}",
    "paragraph {n}": "第{n}段",
    "table {table} row {row} column {col}": "表{table} 第{row}行第{col}列",
    "header {n}": "页眉{n}",
    "footer {n}": "页脚{n}",
    "page {page} line {line}": "第{page}页第{line}行",
    "file too large: over the {limit} MiB limit (--max-file-size)":
        "文件过大：超过 {limit} MiB 的上限（--max-file-size）",
    "not a regular file ({kind}): not read": "不是普通文件（{kind}）：未读取",
    "not a regular file ({kind})": "不是普通文件（{kind}）",
    "a directory": "目录",
    "a symbolic link": "符号链接",
    "a FIFO": "命名管道",
    "a character device": "字符设备",
    "a block device": "块设备",
    "a socket": "套接字",
    "an unknown kind of file": "未知类型的文件",
    # folder sweeps
    "a symbolic link: a folder sweep does not follow links (name it to lint its target)":
        "符号链接：扫描文件夹时不跟随链接（直接指定它即可检查其目标）",
    "not a regular file ({kind}): passed over": "不是普通文件（{kind}）：已跳过",
    # rules and plugins
    "rule {rule} failed: {error}": "规则 {rule} 运行出错：{error}",
    "rule {rule} did not finish within {seconds} s on this file (rule-timeout)":
        "规则 {rule} 未能在 {seconds} 秒内检查完本文件（rule-timeout）",
    "rule {rule} gave an invalid finding: {problem}": "规则 {rule} 给出了无效的问题：{problem}",
    "{value} is not a Finding": "{value} 不是 Finding",
    "its rule is {value}, not {rule}": "其规则为 {value}，而不是 {rule}",
    "its severity is {value}, not one of {known}": "其严重程度为 {value}，不是 {known} 之一",
    "{field} is {value}, not a string": "{field} 为 {value}，不是字符串",
    "{field} is {value}, not an integer": "{field} 为 {value}，不是整数",
    "{field} is {value}, not true or false": "{field} 为 {value}，不是 true 或 false",
    "{field} is {value}, not a Related": "{field} 为 {value}，不是 Related",
    "related is {value}, not a tuple of Related": "related 为 {value}，不是 Related 的元组",
    "fix is {value}, not a Fix or None": "fix 为 {value}，既不是 Fix 也不是 None",
    "the finding spans {start}–{end}: outside the text (0–{size}) or backwards":
        "问题的范围 {start}–{end} 超出文本（0–{size}）或起止颠倒",
    "{field} spans {start}–{end}: outside the text (0–{size}) or backwards":
        "{field} 的范围 {start}–{end} 超出文本（0–{size}）或起止颠倒",
    "built-in rules {name} failed to load: {error}": "内置规则 {name} 加载失败：{error}",
    "plugin {name} failed to load: {error}": "插件 {name} 加载失败：{error}",
    "plugin {name} failed to register: {error}": "插件 {name} 注册失败：{error}",
    "plugin {name} failed: {error}": "插件 {name} 出错：{error}",
    "plugin {name}: {problem}": "插件 {name}：{problem}",
    "plugin {name}: rule {rule} is already defined": "插件 {name}：规则 {rule} 已经定义过",
    "plugin {name}: profiles: {problem}": "插件 {name}：文档类型（profiles）：{problem}",
    "plugin {name}: vocab: {problem}": "插件 {name}：词表（vocab）：{problem}",
    "{object} is not a reportlint Rule": "{object} 不是 reportlint 的规则（Rule）",
    "{cls} has no name or category": "{cls} 没有规则名或类别",
    "rule {rule} has an unknown default severity {severity}": "规则 {rule} 的默认严重程度 {severity} 未知",
    "rule {rule}: fixable must be '', 'safe' or 'unsafe', not {fixable}":
        "规则 {rule}：fixable 必须是 ''、'safe' 或 'unsafe'，而不是 {fixable}",
    # fixes
    "not fixed: {reason}": "未修复：{reason}",
    "cannot write the fixes: {reason}": "无法写入修复：{reason}",
    "it is read-only": "文件是只读的",
    "it has {n} hard links: a new file would split them":
        "文件有 {n} 个硬链接：写入新文件会把它们拆开",
    "it was removed since it was read": "读取之后文件已被删除",
    "it was replaced since it was read": "读取之后文件已被替换",
    "it changed since it was read": "读取之后文件已被修改",
    "cannot keep its owner and group: {reason}": "无法保留文件的所有者和属组：{reason}",
    "a symbolic link: fixed at its target {target}": "符号链接：已在其目标 {target} 处修复",
    "the fix {fix} cannot be written in {encoding}": "修复内容 {fix} 无法用 {encoding} 编码写入",
    "cannot splice fixes into a file in {encoding}: left unchanged":
        "无法把修复写入 {encoding} 编码的文件：文件保持不变",
    "the fixes of {rules} undo each other": "规则 {rules} 的修复相互抵消",
    "the fixes did not settle after {rounds} rounds": "修复在 {rounds} 轮之后仍未稳定",
    # baselines
    "baseline {path}: no such file": "基线 {path}：没有这个文件",
    "baseline {path}: cannot read it: {reason}": "基线 {path}：无法读取：{reason}",
    "baseline {path}: not UTF-8": "基线 {path}：不是 UTF-8 编码",
    "baseline {path}:{line}:{col}: not valid JSON: {problem}":
        "基线 {path}:{line}:{col}：不是有效的 JSON：{problem}",
    "baseline {path}: not a reportlint baseline (version {version}, written by --write-baseline)":
        "基线 {path}：不是 reportlint 的基线文件（版本 {version}，由 --write-baseline 写出）",
    "baseline {path}: entry {n} needs a path, rule and fingerprint (strings) and a positive count":
        "基线 {path}：第 {n} 条需要 path、rule、fingerprint（字符串）和正整数 count",
    "cannot write the baseline {path}: {reason}": "无法写入基线 {path}：{reason}",
    "baseline {path}: not a regular file ({kind})": "基线 {path}：不是普通文件（{kind}）",
    "baseline {path}: {reason}": "基线 {path}：{reason}",
    "larger than {limit} MiB, the most a baseline may hold": "超过基线的上限 {limit} MiB",
    # the command line
    "no path given (try 'reportlint .' or 'reportlint --help')":
        "没有指定路径（试试 'reportlint .' 或 'reportlint --help'）",
    "--baseline and --write-baseline cannot be used together":
        "--baseline 与 --write-baseline 不能同时使用",
    "unknown rule or category: {names} (see 'reportlint rules')":
        "未知的规则或类别：{names}（见 'reportlint rules'）",
    "{path}: no such configuration file": "{path}：没有这个配置文件",
    "unknown profile '{name}' (known: {known})": "未知的文档类型 '{name}'（已知：{known}）",
    "unknown rule '{name}' (see 'reportlint rules')": "未知的规则 '{name}'（见 'reportlint rules'）",
    "cannot write the report to {path}: {reason}": "无法把报告写入 {path}：{reason}",
    "'reportlint {command}' takes no path; to lint a file or folder named {command}, "
    "write ./{command}":
        "'reportlint {command}' 不接受路径；如要检查名为 {command} 的文件或目录，请写 ./{command}",
    "'reportlint {command}' runs the command; to lint the file or folder named {command}, "
    "write ./{command}":
        "'reportlint {command}' 执行的是命令；如要检查名为 {command} 的文件或目录，请写 ./{command}",
    "interrupted": "已中断",
    "internal error: {error} (please report it; set REPORTLINT_DEBUG=1 for details)":
        "内部错误：{error}（请报告此问题；设置 REPORTLINT_DEBUG=1 可查看详情）",
    "reportlint: error: {message}": "reportlint: 错误：{message}",
    "{ext} ×{count}": "{ext} ×{count}",
    "{first}; {second}": "{first}；{second}",
    "wrote {n} finding{s} to the baseline {path}": "已将 {n} 个问题写入基线 {path}",
    "Would fix {n} problem{s} in {files} file{fs} (nothing written).":
        "可修复 {files} 个文件中的 {n} 个问题（未写入）。",
    "{n} file{s} excluded by `exclude:` in {configs}": "{n} 个文件被 {configs} 的 `exclude:` 排除",
    "skipped {n} file{s} ({kinds}); lint them by naming them, or add their extensions to "
    "`extensions:` in .reportlint.yaml":
        "跳过 {n} 个文件（{kinds}）；如需检查，请逐个指定这些文件，或在 .reportlint.yaml 的 "
        "`extensions:` 中加入它们的扩展名",
    "nothing to lint in {where}: no files found": "{where} 中没有找到任何文件，无可检查。",
    "no file to lint in {where}: {reasons}": "{where} 中没有可检查的文件：{reasons}。",
    "no extension": "无扩展名",
    "passed over {n} link{s} or special file{s}": "跳过 {n} 个链接或特殊文件",
    # the report
    "Fixed {n} problem{s}, {remaining} remaining.": "已修复 {n} 个问题，剩余 {remaining} 个。",
    "errors": "错误",
    "warnings": "警告",
    "info": "提示",
    "profile": "文档类型",
    "file": "文件",
    "Found {n} problem{s} ({error} error, {warning} warning, {info} info) in {files} file{fs}":
        "共检查 {files} 个文件，发现 {n} 个问题（错误 {error}，警告 {warning}，提示 {info}）",
    "; {n} error{s} (listed above)": "；另有 {n} 项错误（见上）",
    ".": "。",
    "replace with {text}": "改为{text}",
    "replace with {text} (unsafe)": "改为{text}（不安全）",
    # the HTML report
    "reportlint report": "reportlint 检查报告",
    "made by reportlint {version}": "由 reportlint {version} 生成",
    "Summary": "概况",
    "rule": "规则",
    "findings": "问题数",
    "summary": "说明",
    "copied": "雷同占比",
    "Files, worst first": "文件（问题多者在前）",
    "Not linted, and notes": "未能检查的文件与提示",
    "Findings": "问题",
    "error": "错误",
    "warning": "警告",
    "severity": "严重程度",
    "all files": "全部文件",
    "Show all": "全部显示",
    "Showing {shown} of {total} findings": "显示 {shown} 个问题，共 {total} 个",
    "and {n} more": "另有 {n} 处",
    "{n} characters omitted": "省略 {n} 个字符",
    # rule documentation (explain, SARIF help)
    "Options (defaults):": "选项（默认值）：",
    "Set in .reportlint.yaml:": "在 .reportlint.yaml 中设置：",
    "Flagged:": "有问题的例子：",
    "Accepted:": "没有问题的例子：",
    "fixable with --fix": "可自动修正",
    "fixable with --unsafe-fixes": "可用 --unsafe-fixes 修正",
    "Reported with {}.": "加上 {} 时报告。",
    # copied passages (--compare)
    "Copied from other reports (share of the text):": "与其他报告相同的文字（占全文的比例）：",
    "the same text in {path}, {lines}": "{path} {lines}有相同的文字",
    "{n} sentences also in {path} (numbers masked); {share}% of this report is found there":
        "{n} 句与 {path} 相同（数字已屏蔽）；本报告 {share}% 的文字见于该文件",
    "line {n}": "第{n}行",
    "lines {first}-{last}": "第{first}—{last}行",
    # suppressions
    "ignore entry suppresses nothing (rule: {rule}, text: {text})":
        "ignore 条目没有抑制任何问题（rule：{rule}，text：{text}）",
    "{n} more finding{s} of {rule} in this file not listed (max-findings-per-rule: {limit})":
        "本文件另有 {n} 个 {rule} 问题未列出（max-findings-per-rule：{limit}）",
    # configuration
    "cannot read the configuration: {reason}": "无法读取配置文件：{reason}",
    "the configuration is not UTF-8 (byte {byte})": "配置文件不是 UTF-8 编码（第 {byte} 字节）",
    "the configuration is larger than {limit} MiB, the most it may be":
        "配置文件超过 {limit} MiB 的上限",
    "YAML error: {problem}": "YAML 错误：{problem}",
    "'{key}' stands for more than {limit} values once its aliases are expanded":
        "'{key}' 展开别名后超过 {limit} 个值",
    "the configuration must be a mapping of keys": "配置文件必须是键值映射",
    "unknown key '{key}' (known: {known})": "未知的键 '{key}'（已知：{known}）",
    "{what} must be a mapping": "{what} 必须是映射",
    "'{key}' must be a list of strings": "'{key}' 必须是字符串列表",
    "'{key}' must name at least one extension": "'{key}' 至少要列出一个扩展名",
    "invalid glob {glob} in '{key}': {problem}": "'{key}' 中的通配符 {glob} 无效：{problem}",
    "unknown rule '{name}'": "未知的规则 '{name}'",
    "unknown rule '{name}' (a category cannot be configured here; name the rule)":
        "未知的规则 '{name}'（这里不能配置类别，请写规则名）",
    "rule '{name}': severity must be one of {levels}, not {value}":
        "规则 '{name}'：严重程度必须是 {levels} 之一，而不是 {value}",
    "rule '{name}' takes a severity or a mapping": "规则 '{name}' 的设置应为严重程度或映射",
    "rule '{name}' has no option '{option}' (options: {known})":
        "规则 '{name}' 没有选项 '{option}'（可用选项：{known}）",
    "none": "无",
    "true or false": "true 或 false",
    "an integer": "整数",
    "a number": "数字",
    "a string": "字符串",
    "a list": "列表",
    "a mapping": "映射",
    "empty": "空值",
    "a {kind}": "{kind}",
    "rule '{name}': option '{option}' must be at least {least}, not {value}":
        "规则 '{name}'：选项 '{option}' 不能小于 {least}，而不是 {value}",
    "rule '{name}': option '{option}' must be at most {most}, not {value}":
        "规则 '{name}'：选项 '{option}' 不能大于 {most}，而不是 {value}",
    "rule '{name}': option '{option}' must be between {least} and {most}, not {value}":
        "规则 '{name}'：选项 '{option}' 必须在 {least} 到 {most} 之间，而不是 {value}",
    "rule '{name}': option '{option}' must be {kind}, not {got}":
        "规则 '{name}'：选项 '{option}' 必须是 {kind}，而不是 {got}",
    "'language' must be one of {known}": "'language' 必须是 {known} 之一",
    "'{key}' must be a number of seconds from 0 (no limit) to {most}":
        "'{key}' 必须是 0（不限）到 {most} 之间的秒数",
    "'{key}' must be a whole number, 0 or more (0: no limit)":
        "'{key}' 必须是不小于 0 的整数（0 表示不限）",
    "'ignore' must be a list of {rule, text} mappings": "'ignore' 必须是 {rule, text} 映射的列表",
    "each 'ignore' entry must be a mapping with 'rule' and 'text'":
        "每个 'ignore' 条目都必须是含 'rule' 和 'text' 的映射",
    "unknown key '{key}' in an ignore entry (known: {known})":
        "ignore 条目中未知的键 '{key}'（已知：{known}）",
    "an ignore entry needs '{key}'": "ignore 条目缺少 '{key}'",
    "unknown rule '{name}' in an ignore entry": "ignore 条目中未知的规则 '{name}'",
    "'text' must be the text to ignore (not empty)": "'text' 必须是要忽略的文字（不能为空）",
    "'per-file' must be a list of {files, rules} mappings":
        "'per-file' 必须是 {files, rules} 映射的列表",
    "each 'per-file' entry must be a mapping with 'files' and 'rules'":
        "每个 'per-file' 条目都必须是含 'files' 和 'rules' 的映射",
    "unknown key '{key}' in a per-file entry (known: {known})":
        "per-file 条目中未知的键 '{key}'（已知：{known}）",
    "a per-file entry needs 'files'": "per-file 条目缺少 'files'",
    "'profile' must be the name of a profile": "'profile' 必须是一个文档类型的名称",
    # vocabulary and profiles in a configuration
    "'vocab' must be a mapping (keys: {known})": "'vocab' 必须是映射（键：{known}）",
    "unknown vocab key '{key}' (known: {known})": "未知的 vocab 键 '{key}'（已知：{known}）",
    "vocab '{key}' must be a list of words": "vocab '{key}' 必须是词语列表",
    "vocab '{key}' must be a list of lists of words": "vocab '{key}' 必须是词语列表的列表",
    "vocab '{key}' must be a list of mappings with {fields}":
        "vocab '{key}' 必须是含 {fields} 的映射列表",
    "vocab '{key}' must hold mappings with {fields}": "vocab '{key}' 中必须是含 {fields} 的映射",
    "unknown key '{field}' in vocab '{key}' (known: {known})":
        "vocab '{key}' 中未知的键 '{field}'（已知：{known}）",
    "vocab '{key}' entry lacks {missing}": "vocab '{key}' 的条目缺少 {missing}",
    "'{field}' in vocab '{key}' must be a list of words": "vocab '{key}' 中的 '{field}' 必须是词语列表",
    # the word list under vocab: words:
    "vocab 'words' must be a list of entries": "vocab 'words' 必须是条目列表",
    "a 'disable' item of vocab 'words' takes no other key, not '{key}'":
        "vocab 'words' 中的 'disable' 项不能有其他键，不能有 '{key}'",
    "'disable' in vocab 'words' must be a word or a list of words":
        "vocab 'words' 中的 'disable' 必须是词语或词语列表",
    "'disable' names {name}, which is no right or wrong form of an entry":
        "'disable' 中的 {name} 不是任何条目的正确或错误写法",
    "'kind' in vocab 'words' must be one of {known}, not {value}":
        "vocab 'words' 中的 'kind' 必须是 {known} 之一，而不是 {value}",
    "'{field}' in vocab 'words' must be a string": "vocab 'words' 中的 '{field}' 必须是字符串",
    "the right form {right} is among its own wrong forms": "正确写法 {right} 出现在它自己的错误写法中",
    "the guard {guard} holds none of the wrong forms": "语境 {guard} 不含任何错误写法",
    "'{field}' in vocab 'words' is not a regular expression: {error}":
        "vocab 'words' 中的 '{field}' 不是有效的正则表达式：{error}",
    "'since' in vocab 'words' must be a date YYYY-MM-DD": "vocab 'words' 中的 'since' 必须是日期 YYYY-MM-DD",
    "'{key}' must be a string or a mapping with zh and en": "'{key}' 必须是字符串或含 zh 与 en 的映射",
    "'{key}' must be a list of non-empty strings": "'{key}' 必须是非空字符串的列表",
    "'{key}' must be a list of lists of wordings, e.g. [[法治政府建设], [报告]]":
        "'{key}' 必须是措辞列表的列表，例如 [[法治政府建设], [报告]]",
    "a profile": "文档类型",
    "a part": "部分（part）",
    "'recognise'": "'recognise'",
    "invalid regular expression in '{key}': {problem}": "'{key}' 中的正则表达式无效：{problem}",
    "unknown key '{key}' in {what} (known: {known})": "{what} 中未知的键 '{key}'（已知：{known}）",
    "a profile must be a mapping": "文档类型必须是映射",
    "a profile needs a 'name'": "文档类型缺少 'name'",
    "'priority' must be an integer": "'priority' 必须是整数",
    "'recognise' must be a mapping with title and body": "'recognise' 必须是含 title 与 body 的映射",
    "'parts' must be a list": "'parts' 必须是列表",
    "a part must be a mapping with id and name": "部分（part）必须是含 id 与 name 的映射",
    "a part needs an 'id' and a 'name'": "部分（part）缺少 'id' 或 'name'",
    "'required' must be true or false": "'required' 必须是 true 或 false",
    "'profiles' must be a list of profiles": "'profiles' 必须是文档类型的列表",
    "'extends' must be the name of a profile": "'extends' 必须是一个文档类型的名称",
    "unknown profile '{name}' to extend (known: {known})":
        "要扩展的文档类型 '{name}' 未知（已知：{known}）",
}
