#!/usr/bin/env python3
"""Check the header fixture: variants.csv parses in the release layout
(rows of 8 double-quoted fields separated by commas, backslash escapes
(\\" and \\\\), each row ending with a newline after its closing quote) and
its rows match expected.json one to one, in order.

Run: python3 cable/testdata/headers/check.py
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = 8

def rows(data):
    i, n, line = 0, len(data), 1
    while i < n:
        fields, start_line = [], line
        for col in range(COLUMNS):
            if data[i] != '"':
                sys.exit(f"line {line}: column {col+1} does not start with a quote")
            i += 1
            buf = []
            while True:
                if i >= n:
                    sys.exit(f"line {start_line}: unterminated field in column {col+1}")
                c = data[i]
                if c == '\\':
                    if i + 1 >= n:
                        sys.exit(f"line {line}: backslash at end of file")
                    buf.append(data[i + 1]); line += data[i + 1] == '\n'; i += 2
                    continue
                if c == '"':
                    i += 1
                    break
                buf.append(c); line += c == '\n'; i += 1
            fields.append(''.join(buf))
            if col < COLUMNS - 1:
                if data[i] != ',':
                    sys.exit(f"line {line}: expected ',' after column {col+1}, got {data[i]!r} (unescaped quote?)")
                i += 1
        if i >= n or data[i] != '\n':
            sys.exit(f"line {line}: row starting on line {start_line} does not end with a newline after its closing quote")
        i += 1; line += 1
        yield start_line, fields

def main():
    data = open(os.path.join(HERE, 'variants.csv'), encoding='utf-8').read()
    got = list(rows(data))
    exp = json.load(open(os.path.join(HERE, 'expected.json'), encoding='utf-8'))
    if len(got) != len(exp):
        sys.exit(f"variants.csv has {len(got)} rows, expected.json has {len(exp)} entries")
    keys = ["refid", "decade", "covers", "subject", "tags", "signers", "classified_by", "refs"]
    for k, ((ln, f), e) in enumerate(zip(got, exp)):
        if f[2] != e["refid"]:
            sys.exit(f"row {k+1} (line {ln}): refid {f[2]!r} but expected.json has {e['refid']!r}")
        if list(e) != keys:
            sys.exit(f"entry {k+1}: keys {list(e)}")
        year = int(f[1].split()[0].split('/')[2])
        if e["decade"] != f"{year // 10 * 10}s":
            sys.exit(f"entry {k+1}: decade {e['decade']} but created {f[1]}")
        if e["classified_by"] is not None and set(e["classified_by"]) != {"name", "office", "reasons"}:
            sys.exit(f"entry {k+1}: classified_by keys")
        for r in e["refs"]:
            if set(r) != {"text", "refid"}:
                sys.exit(f"entry {k+1}: ref keys {set(r)}")
    print(f"ok: {len(got)} rows, {len(data.encode())} bytes, refids match expected.json in order")

if __name__ == '__main__':
    main()
