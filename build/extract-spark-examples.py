#!/usr/bin/python3
"""Extract the SQL examples documented in Spark's @ExpressionDescription annotations.

Usage: extract-spark-examples.py GIT_DIR TAG OUT.jsonl [SKIPPED.tsv]

Reads everything straight from the (bare) git repository at TAG, so the result is
reproducible from the same tag.  Writes one JSON object per line: a provenance header
first, then one record per example, ordered by file path and then appearance.
Examples that cannot serve as oracles (no expected output, documented errors, SET
statements) go to SKIPPED.tsv (default: OUT with "-skipped.tsv").
"""
import json
import re
import subprocess
import sys

SRC_ROOT = "sql/catalyst/src/main/scala/"
REGISTRY = SRC_ROOT + "org/apache/spark/sql/catalyst/analysis/FunctionRegistry.scala"
# An expected output that is really a documented failure (e.g. raise_error).
ERROR_RE = re.compile(r"^(Error\b|org\.apache\.|java\.|scala\.|[\w.]*(Exception|Error)\b"
                      r"|\[[A-Z]+_[A-Z0-9_.]*\])")  # error class, e.g. [DIVIDE_BY_ZERO]


def git(git_dir, *args):
    return subprocess.run(["git", "-C", git_dir, *args], check=True,
                          capture_output=True).stdout.decode("utf-8")


def scan(text):
    """Tokenise Scala source just enough: yields (kind, value, start, end) with kind in
    'str' (value = decoded literal), 'comment' or 'code' (a single character)."""
    i, n = 0, len(text)
    while i < n:
        if text.startswith('"""', i):                    # raw multi-line string
            j = text.index('"""', i + 3)
            while text.startswith('"', j + 3):           # """ may end in extra quotes
                j += 1
            yield "str", text[i + 3:j], i, j + 3
            i = j + 3
        elif text[i] == '"':                             # ordinary string with escapes
            j, buf = i + 1, []
            while text[j] != '"':
                if text[j] == "\\":
                    esc = text[j + 1]
                    buf.append({"n": "\n", "t": "\t", "r": "\r", '"': '"', "'": "'",
                                "\\": "\\"}.get(esc, "\\" + esc))
                    j += 2
                else:
                    buf.append(text[j])
                    j += 1
            yield "str", "".join(buf), i, j + 1
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            yield "comment", text[i:j], i, j
            i = j
        elif text.startswith("/*", i):
            j = text.index("*/", i + 2) + 2
            yield "comment", text[i:j], i, j
            i = j
        elif text[i] == "'" and re.match(r"'(\\.|[^\\'])'", text[i:i + 4]):
            j = text.index("'", i + 2 if text[i + 1] == "\\" else i + 1) + 1
            yield "code", " ", i, j                      # char literal, e.g. '"'
            i = j
        else:
            yield "code", text[i], i, i + 1
            i += 1


def strip_comments(text):
    """Source with comments blanked out (strings kept verbatim, offsets preserved)."""
    out = list(text)
    for kind, _, s, e in scan(text):
        if kind == "comment":
            out[s:e] = [c if c == "\n" else " " for c in text[s:e]]
    return "".join(out)


def registry_names(git_dir, tag):
    """class/object simple name -> registered function names, canonical name first.
    The canonical name is the first registration *without* setAlias (e.g. Upper is
    registered as "ucase" with setAlias=true and as "upper": canonical "upper");
    the other names follow in registry order.  Scalar registry first; the table-valued
    registry only for names the scalar one lacks."""
    src = strip_comments(git(git_dir, "show", f"{tag}:{REGISTRY}"))
    scalar_end = src.index("object TableFunctionRegistry")
    pat = re.compile(r'\b(expression|expressionGeneratorOuter|logicalPlan|generator)\[([\w.]+)\]\((.*)\)'
                     r'|\b(expressionBuilder|expressionGeneratorBuilderOuter|generatorBuilder)\((.*)\)')
    scalar, table = {}, {}
    pos = 0
    for line in src.split("\n"):
        m = pat.search(line)
        start, pos = pos, pos + len(line) + 1
        if not m:
            continue
        args = [a.strip() for a in (m.group(3) if m.group(1) else m.group(5)).split(",")]
        if not args[0].startswith('"'):
            continue                                     # a helper's definition, not a use
        name = args[0].strip('"')
        if m.group(1):
            cls, positional = m.group(2), args[1:]
        else:
            cls, positional = args[1], args[2:]
        alias = "setAlias = true" in args or (positional[:1] == ["true"])
        target = scalar if start < scalar_end else table
        target.setdefault(cls.split(".")[-1], []).append((name, alias))
    out = {}
    for reg in (scalar, table):
        for cls, entries in reg.items():
            if cls in out:
                continue
            names = list(dict.fromkeys(n for n, _ in entries))
            canon = next((n for n, a in entries if not a), names[0])
            out[cls] = [canon] + [n for n in names if n != canon]
    return out


def descriptions(text):
    """Yield (class_name, {arg: string}, prettyName or None) for each
    @ExpressionDescription(...) in a file; prettyName is looked up in the annotated
    class's body (up to the next annotation) as a fallback name for unregistered classes."""
    tokens = list(scan(text))
    code = strip_comments(text)
    for k, (kind, _, start, _) in enumerate(tokens):
        if kind != "code" or not code.startswith("@ExpressionDescription", start):
            continue
        # Walk the argument list: name = "lit" + "lit" ..., up to the matching ')'.
        depth, args, key, ident = 0, {}, None, ""
        for kind2, val, s, e in tokens[k + len("@ExpressionDescription"):]:
            if kind2 == "str":
                if key is not None and depth == 1:
                    args[key] = args.get(key, "") + val
            elif kind2 == "code":
                if val == "(":
                    depth += 1
                elif val == ")":
                    depth -= 1
                    if depth == 0:
                        end = e
                        break
                elif val == "=" and depth == 1:
                    key, ident = ident.strip(), ""
                elif val == "," and depth == 1:
                    key, ident = None, ""
                elif depth == 1 and key is None:
                    ident += val
        m = re.compile(r"\b(?:class|object|trait)\s+(\w+)").search(code, end)
        stop = code.find("@ExpressionDescription", m.end())
        pretty = re.compile(r'prettyName\s*:\s*String\s*=\s*"([^"]+)"').search(
            code, m.end(), stop if stop >= 0 else len(code))
        yield m.group(1), args, pretty and pretty.group(1)


def parse_examples(examples):
    """Split an examples block into (sql, [output lines]) pairs, in order.
    A statement starts at a line beginning with '>' and runs until a line ending in ';';
    every following line up to the next '>' is one output row.  Rows are de-indented
    consistently for the whole block: by default by the '>' column + 1 (the docs'
    convention: rows sit one column right of '>'), so meaningful leading spaces survive
    (e.g. lpad, trim, space).  A few blocks indent *all* their rows deeper; when a block
    has at least two output rows and every row is deeper, that common extra indent is
    removed too (a lone row, e.g. space(2), keeps its leading spaces).  Inner spaces and tabs (column separators) are kept."""
    lines, raw, i = examples.split("\n"), [], 0
    while i < len(lines):
        m = re.match(r"^(\s*)>\s?(.*)$", lines[i])
        if not m:
            i += 1
            continue
        base = len(m.group(1)) + 1
        sql = [m.group(2).strip()]
        while not sql[-1].endswith(";") and i + 1 < len(lines) \
                and not re.match(r"^\s*>", lines[i + 1]) and lines[i + 1].strip():
            i += 1                                       # multi-line statement
            sql.append(lines[i].strip())
        rows = []
        i += 1
        while i < len(lines) and not re.match(r"^\s*>", lines[i]):
            rows.append(lines[i].rstrip(" "))
            i += 1
        while rows and not rows[-1].strip():             # the closing-quote line etc.
            rows.pop()
        while rows and not rows[0].strip():
            rows.pop(0)
        raw.append((" ".join(sql), rows, base))
    lead = lambda r: len(r) - len(r.lstrip(" "))
    extras = [lead(r) - base for _, rows, base in raw for r in rows if r.strip()]
    extra = min(extras) if len(extras) >= 2 and min(extras) > 0 else 0
    return [(sql, [r[min(lead(r), base + extra):] for r in rows]) for sql, rows, base in raw]


def main():
    git_dir, tag, out_path = sys.argv[1:4]
    skip_path = sys.argv[4] if len(sys.argv) > 4 else re.sub(r"\.jsonl$", "", out_path) + "-skipped.tsv"
    commit = git(git_dir, "rev-parse", f"{tag}^{{commit}}").strip()
    names = registry_names(git_dir, tag)
    files = sorted(f for f in git(git_dir, "ls-tree", "-r", "--name-only", tag, "--", SRC_ROOT).split("\n")
                   if f.endswith(".scala"))
    records, skipped = [], []
    for path in files:
        text = git(git_dir, "show", f"{tag}:{path}")
        if "@ExpressionDescription" not in text:
            continue
        for cls, args, pretty in descriptions(text):
            regs = names.get(cls, [])
            func = regs[0] if regs else pretty           # unregistered: parser-only syntax
            conf = {}                                    # SET k=v earlier in the same block
            for sql, rows in parse_examples(args.get("examples", "")):
                sql = sql.replace("_FUNC_", func) if func else sql
                m = re.match(r"(?i)^SET\s+([^=\s]+)\s*=\s*(.*?)\s*;$", sql)
                if m:
                    conf[m.group(1)] = m.group(2)
                    reason = "SET statement (session config; applied as 'conf' to later examples)"
                elif not re.match(r"(?i)^SELECT\b", sql):
                    reason = "not a SELECT statement"
                elif not rows:
                    reason = "no expected output (blank line)"
                elif ERROR_RE.match(rows[0].strip()):
                    reason = "documented error: " + rows[0].strip()
                else:
                    rec = {"function": func, "aliases": regs[1:], "class": cls, "file": path,
                           "sql": sql, "expected": rows}
                    if not regs:
                        rec["registered"] = False        # name from prettyName, not registry
                    if conf:
                        rec["conf"] = dict(conf)
                    records.append(rec)
                    continue
                skipped.append((func or "", cls, path, sql, reason))
    with open(out_path, "w", encoding="utf-8") as f:
        header = {"source": f"apache/spark {tag} ExpressionDescription examples", "commit": commit}
        for rec in [header] + records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    esc = lambda s: s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    with open(skip_path, "w", encoding="utf-8") as f:
        f.write("function\tclass\tfile\tsql\treason\n")
        for row in skipped:
            f.write("\t".join(esc(c) for c in row) + "\n")
    print(f"{len(records)} examples, {len(skipped)} skipped, commit {commit}", file=sys.stderr)


if __name__ == "__main__":
    main()
