#!/usr/bin/env python3
"""Prints the SQL of a generated Python notebook as JSON, read with Python's own parser (ast).

Usage: extract_notebook_sql.py NOTEBOOK.py

Output: a JSON list, one entry per spark.sql(...) call in source order:
  {"line": 57, "sql": "...", "args": true|false, "step": "stg"|null, "first": true|false}
- sql: the SQL text exactly as Python sees the string literal (escapes resolved);
- args: whether the call passes parameters (args=... or a second positional argument);
- step: the name in the enclosing `with bfx_step("<name>")` block, null outside any step;
- first: whether the notebook reads the result with .first() (the row counts it logs).
A spark.sql call whose SQL is not one string literal (an f-string, a variable, concatenation) is an error:
the generated notebooks must never build SQL from values. Exit code 2 then, with the reason on stderr.
"""
import ast
import json
import sys


def _step_name(with_node):
    for item in with_node.items:
        call = item.context_expr
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "bfx_step"
                and len(call.args) == 1 and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[0].value, str)):
            return call.args[0].value
    return None


def _is_spark_sql(call):
    f = call.func
    return (isinstance(f, ast.Attribute) and f.attr == "sql"
            and isinstance(f.value, ast.Name) and f.value.id == "spark")


class _Collector(ast.NodeVisitor):

    def __init__(self):
        self.steps = []
        self.calls = []
        self.errors = []

    def visit_With(self, node):
        step = _step_name(node)
        if step is not None:
            if self.steps:
                self.errors.append(f"line {node.lineno}: bfx_step nested in bfx_step")
            self.steps.append(step)
        self.generic_visit(node)
        if step is not None:
            self.steps.pop()

    def visit_Call(self, node):
        if _is_spark_sql(node):
            self._record(node)
        self.generic_visit(node)

    def _record(self, node):
        if not node.args or not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            self.errors.append(f"line {node.lineno}: spark.sql is not called with one string literal")
            return
        has_args = len(node.args) > 1 or any(k.arg == "args" for k in node.keywords)
        parent = getattr(node, "bfx_parent", None)
        first = (isinstance(parent, ast.Attribute) and parent.attr == "first")
        self.calls.append({
            "line": node.lineno,
            "col": node.col_offset,
            "sql": node.args[0].value,
            "args": has_args,
            "step": self.steps[-1] if self.steps else None,
            "first": first,
        })


def extract(source, filename="<notebook>"):
    tree = ast.parse(source, filename=filename)
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            child.bfx_parent = parent
    collector = _Collector()
    collector.visit(tree)
    if collector.errors:
        raise ValueError("; ".join(collector.errors))
    calls = sorted(collector.calls, key=lambda c: (c["line"], c["col"]))
    for c in calls:
        del c["col"]
    return calls


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        source = f.read()
    try:
        calls = extract(source, argv[1])
    except (SyntaxError, ValueError) as e:
        print(f"{argv[1]}: {e}", file=sys.stderr)
        return 2
    json.dump(calls, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
