#!/usr/bin/env python3
"""Filter or slim a CSV file without disturbing its bytes (standard library only).

  csvsubset.py rows    IN OUT COLUMN VALUE...    keep the header and every record whose COLUMN
                                                 equals one of VALUE, copied byte for byte
                                                 (quoting and line endings as in IN)
  csvsubset.py columns IN OUT COLUMN...          keep every record, only the named columns, in
                                                 that order (re-quoted minimally, CRLF line
                                                 endings as in the GEM files)

Fields may contain quoted commas and (in principle) quoted line breaks: records are split with
the csv module's quoting rules, never on bare commas.
"""
import csv
import io
import sys


def raw_records(path):
    """Yield (raw_text, fields) for each record, raw_text including its line ending."""
    with open(path, "r", encoding="utf-8", newline="") as fh:
        text = fh.read()
    pos, n = 0, len(text)
    pending = ""
    while pos < n:
        end = text.find("\n", pos)
        end = n if end < 0 else end + 1
        pending += text[pos:end]
        pos = end
        if pending.count('"') % 2 == 0:  # quotes balanced: the record is complete
            fields = next(csv.reader(io.StringIO(pending, newline="")))
            yield pending, fields
            pending = ""
    if pending:
        raise SystemExit(f"{path}: unterminated quoted field at end of file")


def rows(src, dst, column, values):
    wanted = set(values)
    it = raw_records(src)
    header_raw, header = next(it)
    if column not in header:
        raise SystemExit(f"{src}: no column {column!r}")
    idx = header.index(column)
    kept = 0
    with open(dst, "w", encoding="utf-8", newline="") as out:
        out.write(header_raw)
        for raw, fields in it:
            if len(fields) != len(header):
                raise SystemExit(f"{src}: record with {len(fields)} fields, header has {len(header)}")
            if fields[idx] in wanted:
                out.write(raw)
                kept += 1
    print(f"{dst}: {kept} records", file=sys.stderr)


def columns(src, dst, names):
    it = raw_records(src)
    header_raw, header = next(it)
    missing = [c for c in names if c not in header]
    if missing:
        raise SystemExit(f"{src}: no column(s) {missing}")
    idx = [header.index(c) for c in names]
    kept = 0
    with open(dst, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(names)
        for _, fields in it:
            if len(fields) != len(header):
                raise SystemExit(f"{src}: record with {len(fields)} fields, header has {len(header)}")
            w.writerow([fields[i] for i in idx])
            kept += 1
    print(f"{dst}: {kept} records", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) >= 6 and sys.argv[1] == "rows":
        rows(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    elif len(sys.argv) >= 5 and sys.argv[1] == "columns":
        columns(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        raise SystemExit(__doc__)
