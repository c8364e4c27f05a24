#!/usr/bin/env python3
"""Each layer of src/ includes only headers of the layers it builds on.

The build enforces this through include directories (a layer's library sees
only the include/ folders of the libraries it links); this check also
catches a path that reaches around them ("../load/yamldoc.h") and says
which include broke the rule. The allowed layers are read from the
craf_layer() calls of CMakeLists.txt, so the two cannot disagree.
usage: layers.py SOURCE_DIR
"""
import glob
import os
import re
import sys


def layer_graph(src):
    text = open(os.path.join(src, "CMakeLists.txt"), encoding="utf-8").read()
    deps = {}
    for m in re.finditer(r'^craf_layer\((\w+)([^)]*)\)', text, re.M):
        deps[m.group(1)] = set(re.findall(r'\bcraf_(\w+)', m.group(2)))
    # What a layer links, and what those link in turn, it may include.
    def closure(name, seen):
        for d in deps.get(name, ()):
            if d not in seen:
                seen.add(d)
                closure(d, seen)
        return seen
    return {name: closure(name, {name}) for name in deps}


def main():
    src = sys.argv[1]
    graph = layer_graph(src)
    graph["cli"] = set(graph) | {"cli"}
    graph["gen"] = graph["load"] | {"gen"}
    owner = {}
    for path in glob.glob(os.path.join(src, "include", "*", "*.h")):
        owner[os.path.basename(path)] = path.split(os.sep)[-2]
    for path in glob.glob(os.path.join(src, "src", "*", "*.h")):
        owner[os.path.basename(path)] = path.split(os.sep)[-2]
    owner["version.h"] = "util"
    problems = []
    files = sorted(glob.glob(os.path.join(src, "src", "*", "*.[ch]")) +
                   glob.glob(os.path.join(src, "include", "*", "*.h")))
    for path in files:
        layer = path.split(os.sep)[-2]
        rel = os.path.relpath(path, src)
        if layer not in graph:
            problems.append(f"{rel}: folder '{layer}' is not a layer in CMakeLists.txt")
            continue
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if not m:
                continue
            name = m.group(1)
            if "/" in name:
                problems.append(f"{rel}:{n}: includes \"{name}\" by path, around the layers")
            elif name not in owner:
                problems.append(f"{rel}:{n}: includes \"{name}\", which no layer has")
            elif owner[name] not in graph[layer]:
                problems.append(f"{rel}:{n}: {layer} includes \"{name}\" of layer "
                                f"{owner[name]}, which it does not build on")
    for p in problems:
        print(p)
    print(f"layers: {len(files)} files in {len(graph)} layers, {len(problems)} problems")
    return 1 if problems or len(files) < 50 else 0


if __name__ == "__main__":
    sys.exit(main())
