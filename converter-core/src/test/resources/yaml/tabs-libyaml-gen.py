"""Writes tabs-libyaml.tsv: YAML lines with a tab at each place a line has, read by libyaml.

Usage: python3 tabs-libyaml-gen.py > tabs-libyaml.tsv (needs PyYAML built with libyaml:
yaml.CSafeLoader). YamlTabsDifferentialTest holds our YAML reader to the table: where libyaml reads
a case, we read the same value; where it refuses one, we refuse it too, except for the deviations
below: YAML 1.2 allows a tab there and libyaml refuses it, and the table gives the value the spec
reads (tag d, with the reason in the comment line above). Cases are kept to string values, so the
JSON of both readers compares as text.
"""
import json, sys, yaml

T = "\t"
# Each case: a YAML text with the tab where it is tested.
CASES = [
    # after a key's colon, before its value of each kind
    "team:\tx\n", "team: \tx\n", "team:\t x\n", "team:\t\tx\n", "team:\t\"q\"\n", "team:\t'q'\n",
    "team:\t[a]\n", "team:\t{a: b}\n", "team:\t&a x\n", "team:\t!!str x\n", "team:\t|\n  x\n",
    "team:\t>-\n  x\n  y\n", "team:\t\n  a: b\n", "team:\t# c\n  a: b\n", "a:\n  team:\tx\n",
    "- team:\tx\n", "\"team\":\tx\n",
    # before a key's colon, after the key of each kind
    "team\t: x\n", "\"team\"\t: x\n", "'team'\t: x\n",
    # inside and after an unquoted value
    "team: x\ty\n", "team: x\t\n", "team: x\t# c\n", "team: x #\tc\n",
    # after a quoted value, a flow collection, an anchor, an alias, a tag
    "team: \"x\"\t\n", "team: \"x\"\t# c\n", "team: 'x'\t\n", "team: [a]\t\n", "team: {a: b}\t# c\n",
    "team: &a\tx\n", "- &a\tx\n", "&a\tteam: x\n", "team: &a\t\n  b: c\n", "x: &a y\nteam:\t*a\n",
    "x: &a y\nteam: *a\t\n", "team: !!str\tx\n",
    # in flow collections
    "l: [a,\tb]\n", "l: [\ta]\n", "l: [a\t]\n", "l: [a\t, b]\n", "l: [\"a\",\tb]\n", "m: {a:\tb}\n",
    "m: {a\t: b}\n", "m: {\"a\":\tb}\n", "m: {\ta: b}\n", "m: {a: b\t}\n", "m: {a: b,\tc: d}\n",
    "[a,\tb]\n", "{a:\tb}\n", "- [a,\tb]\n", "l: [a,\n\tb]\n", "l: [a,\n \tb]\n",
    # in quoted and block scalars: text
    "q: \"a\tb\"\n", "q: 'a\tb'\n", "q: \"a\t\"\n", "q: \"a\n\tb\"\n", "q: \"a\n \tb\"\n",
    "b: |\n  a\tb\n", "b: >\n  a\tb\n", "b: |\n  \tx\n", "b: |\t\n  x\n", "b: |\t# c\n  x\n", "b: >-\t\n  x\n",
    "b: |\n  x\n\t\nc: d\n", "b: |\n  x\n \t\n  y\n",
    # blank and comment lines
    "\t\na: b\n", "\t# c\na: b\n", "a: b\n\t# c\n", "a: b\n\t\nc: d\n", "a: b\n \t\nc: d\n",
    "a:\n  b: c\n\t\n  d: e\n",
    # the next lines of an unquoted value: tabs after the indentation its parent asks for
    "a: b\n \tc\n", "a: b\n  \tc\n", "a:\n  b: x\n   \tc\n", "- b\n \tc\n", "- k: b\n   \tc\n",
    "k: &a b\n \tc\n", "a: x\n\n \ty\n", "a: x\n \t\n y\n", "--- a\n\t\nb\n", "a: b\n  -\tc\n",
    "a: b\n  c\td\n", "a:\n  b: x\n  \tc\n", "- k: b\n  \tc\n", "a: x\n\t\n y\n",
    "a\n%x\ty\n", "--- a\n%x\ty\n", "a\n\t\nb\n", "a\n \tb\n",
    # document markers and directives
    "---\tx\n", "--- \t# c\na: b\n", "a: b\n...\t# c\n", "%YAML\t1.2\n---\na: b\n",
    # after a dash, a question mark, an explicit value's colon
    "- \tb\n", "-\tb\n", "-\t\"q\"\n", "- a\n-\t\n- b\n", "a:\n  - b\n  -\tc\n", "? a\n:\tb\n",
    "?\ta\n: b\n", "? \ta\n: b\n",
    # refused by YAML 1.2: indentation, and a collection nested after a dash, question mark, colon
    "a:\n\tb: c\n", "a:\n  b: c\n  \td: e\n", "-\t- b\n", "- \t- b\n", "-\tk: v\n", "- \tk: v\n",
    "?\t- a\n", "? a\n:\t- b\n", "? a\n:\tk: v\n", "a: b\n\tc\n",
    # refused by YAML 1.2 with a space too
    "a:\tb: c\n", "a:\t- b\n",
]

# YAML 1.2 reads these; libyaml refuses them (its scanner takes no tab after '-', '?' or a
# line-leading ':', nor on a blank or comment line in block context). The spec's value.
DEVIATIONS = {
    "- \tb\n": (["b"], "YAML 1.2 example 6.3 separates a dash from its value with a tab"),
    "-\tb\n": (["b"], "YAML 1.2 example 6.3 separates a dash from its value with a tab"),
    "-\t\"q\"\n": (["q"], "YAML 1.2 example 6.3 separates a dash from its value with a tab"),
    "- a\n-\t\n- b\n": (["a", None, "b"], "a tab before the end of a line is separation"),
    "a:\n  - b\n  -\tc\n": ({"a": ["b", "c"]}, "YAML 1.2 example 6.3: a tab after a dash"),
    "? a\n:\tb\n": ({"a": "b"}, "YAML 1.2 example 6.2 puts a tab after an explicit value's colon"),
    "?\ta\n: b\n": ({"a": "b"}, "a tab separates a question mark from its key as a dash's value"),
    "? \ta\n: b\n": ({"a": "b"}, "a tab separates a question mark from its key as a dash's value"),
    "\t\na: b\n": ({"a": "b"}, "a line of blanks is a comment line (l-comment), tabs included"),
    "\t# c\na: b\n": ({"a": "b"}, "a comment line may start with tabs (l-comment)"),
    "a: b\n\t# c\n": ({"a": "b"}, "a comment line may start with tabs (l-comment)"),
    "a: b\n\t\nc: d\n": ({"a": "b", "c": "d"}, "a line of blanks is a comment line (l-comment)"),
    "a:\n  b: c\n\t\n  d: e\n": ({"a": {"b": "c", "d": "e"}}, "a line of blanks is a comment line"),
    "b: |\n  \tx\n": ({"b": "\tx\n"}, "a block string's text after its indentation may start with a tab"),
}

def libyaml(text):
    try:
        return json.dumps(yaml.load(text, Loader=yaml.CSafeLoader), separators=(",", ":"))
    except yaml.YAMLError:
        return "ERROR"


def esc(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


print("# YAML with tabs: libyaml's reading (PyYAML's CSafeLoader) against ours; written by")
print("# tabs-libyaml-gen.py. Columns (tab-separated): tag, YAML (\\t a tab, \\n a line break),")
print("# expected: the value as JSON, or ERROR. Tag l: libyaml's reading. Tag d: a deviation, YAML 1.2")
print("# reads a tab that libyaml refuses; the comment line above it says where the spec allows it.")
for case in CASES:
    got = libyaml(case)
    if case in DEVIATIONS:
        value, why = DEVIATIONS[case]
        if got != "ERROR":
            sys.exit("libyaml now reads " + repr(case) + ": drop the deviation")
        print("# " + why)
        print("d\t" + esc(case) + "\t" + json.dumps(value, separators=(",", ":")))
    else:
        print("l\t" + esc(case) + "\t" + got)
