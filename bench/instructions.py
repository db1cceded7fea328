#!/usr/bin/env python3
"""Instruction counts of `notelint check` and of the parse-only C baseline, per MB of input,
with the share of each of notelint's phases. Counted by valgrind's callgrind, so the figures
repeat on a busy machine, where wall time does not.

    python3 bench/instructions.py [--binary PATH | --static] [--notes 200] [--docs DIR] [--json]

The release binary is built as it ships (`swift build -c release --product notelint`, with
`--static-swift-stdlib` under `--static`), or taken from `--binary`; a copy is stripped with
`strip --strip-debug`, since valgrind 3.19 cannot read this toolchain's debug information.
The C baseline is bench/baseline.c, compiled as bench/run.py compiles it.

Workloads, one row each: one note holding one 3-line record; a vault written by bench/vault.py's
generator (`--notes`, `--shapes`); the Markdown files under `--docs DIR`, if given (hidden
folders skipped). Both programs are given the same files, named on the command line (as the
pre-commit hook names them), so notelint starts no git process; callgrind does not follow
child processes. notelint runs `check --no-cache` with an empty configuration (`version: 1`
through `--config`), HOME and XDG folders in a scratch folder (no user configuration, no arXiv
metadata), output to /dev/null. Threads are counted together (`--separate-threads=no`).
Instructions per MB divide by the input's bytes / 10^6; each program's own start-up is in its
count, which is why the one-note row is dominated by it.

How the phases are attributed. `callgrind_annotate --inclusive=yes --tree=caller` gives every
call arc (caller -> callee) with its inclusive cost; callgrind keeps each thread's calls apart,
and the arc from clone into a new thread's start_thread is dropped, so start_thread is a root
counted with its inclusive cost. Swift names are demangled with `swift demangle`; a
specialisation, a merged copy or a protocol witness counts as the function itself, a closure
does not. Four phases are sets of functions:

  parse       every function of libcmark-gfm and libcmark-gfm-extensions (or named cmark_*)
  note model  NoteSyntax.Note.init(source:vocabulary:) and NoteSyntax.SourceText.init(bytes:):
              sanitising, line index, front matter and Yams, blocks, records, footnotes
  rules       NoteLint.Linter.lint(...): suppressions, entry facts, every rule, severities
  output      notelint.RenderedFile, FileReport, Output and the *Reporter types (rendering
              each file's report, printing the run)

A phase's cost is the sum of the arcs that enter it: calls into its functions from functions
outside it. Its inside is the functions reachable from its own (not through another phase's)
that the program's roots cannot reach without passing through its own; a call from its inside
back into it is not counted again. Nested phases are not double counted: the arcs into another
phase made from a phase's inside are subtracted from that phase, so cmark, called from
CmarkBridge inside Note.init, counts as parse and not also as note model. Then

  start-up    = program total - the check - after it, where the check is the arcs into
                notelint.CheckCommand.run() (or its check(), where run() is inlined) plus
                every thread but the main one (start_thread;
                the only ones are the check's workers), and after it
                is libc's exit called from main: dynamic loading (_dl_start), library
                initialisers (_dl_init), argument parsing (Sources/notelint/CommandLine) and
                main's code before the run
  other       = the check and after it, less the four phases (all of which run inside the
                check): file list, configuration and linters, reading files (NoteFile.read),
                hand-off between threads, freeing each file's results, exit

so the six shares add up to 100% (a warning is printed if start-up or other comes out below
zero, which would mean a phase ran outside the check). An arc into a phase from a function
that another phase reaches but that also runs outside it (a runtime helper, a one-time
initialiser) is counted in the phase it enters and subtracted from none; `--json` reports
such arcs' total as `unresolved_nesting` (cmark's one-time registration, run by the check
before any note through a static initialiser, is one; counting it as parse is right).
callgrind_annotate also merges functions of one name in different objects (the unnamed
0x... stubs of stripped libraries); calls through such a merged function land there too. The function-level graph cannot tell the contexts
of a shared function apart (dispatch's callouts join start-up and the workers), which is why
the check is taken as the whole container and not nested by reachability.

Exits 0; exits 2 with a message when valgrind, callgrind_annotate or a build tool is missing.
"""
import argparse
import collections
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from run import build_baseline, build_release  # noqa: E402
from vault import write_vault  # noqa: E402

ONE_NOTE = (
    "Title: RoFormer: Enhanced Transformer with Rotary Position Embedding\n"
    "Link: https://arxiv.org/abs/2104.09864\n"
    "Date: 20 Apr 2021\n"
)
NOTE_SUFFIXES = {".md", ".markdown"}


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--binary", type=pathlib.Path, help="measure this notelint instead of building one")
    source.add_argument("--static", action="store_true", help="build with --static-swift-stdlib")
    parser.add_argument("--notes", type=int, default=200, help="notes in the generated vault (default 200)")
    parser.add_argument("--shapes", choices=["paragraph", "mixed"], default="paragraph", help="the vault's record shapes")
    parser.add_argument("--docs", type=pathlib.Path, help="also measure the Markdown files under this folder")
    parser.add_argument("--format", default="text", help="notelint's report format (default text)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (binaries, inputs, profiles)")
    args = parser.parse_args()
    if args.docs and not args.docs.is_dir():
        fail(f"--docs {args.docs}: not a folder")
    if args.docs and not notes_under(args.docs):
        fail(f"--docs {args.docs}: no *.md or *.markdown files")
    if args.binary and not os.access(args.binary, os.X_OK):
        fail(f"--binary {args.binary}: not an executable")
    if args.notes < 1:
        fail("--notes must be at least 1")
    return args


def fail(message):
    print(f"instructions.py: {message}", file=sys.stderr)
    sys.exit(2)


def progress(message):
    print(message, file=sys.stderr, flush=True)


def require_tools(building):
    if not shutil.which("valgrind"):
        fail("valgrind is not installed (apt-get install valgrind); instruction counts need callgrind")
    if not shutil.which("callgrind_annotate"):
        fail("callgrind_annotate is missing; it comes with valgrind (and needs perl)")
    needed = ["strip", "cc", "pkg-config"] + (["swift"] if building else [])
    missing = [tool for tool in needed if not shutil.which(tool)]
    if missing:
        fail(f"missing {', '.join(missing)}")
    if not demangler():
        fail("no Swift demangler (swift-demangle, or `swift demangle`) to read the profile's names")


def demangler():
    """The command that demangles Swift names read from standard input, or None."""
    if shutil.which("swift-demangle"):
        return ["swift-demangle"]
    if shutil.which("swift"):
        return ["swift", "demangle"]
    return None


# Building and inputs

def stripped_notelint(args, scratch):
    """A copy of the release binary with its debug information stripped, for valgrind."""
    if args.binary:
        built = args.binary
    else:
        progress("building the release notelint" + (" (--static-swift-stdlib)" if args.static else "") + " ...")
        built = build_release(static=args.static)
    copy = scratch / "notelint"
    shutil.copy2(built, copy)
    subprocess.run(["strip", "--strip-debug", str(copy)], check=True)
    return copy


def notes_under(folder):
    """The Markdown files under `folder`, sorted, without hidden files and folders."""
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if path.suffix.lower() in NOTE_SUFFIXES and path.is_file() and not any(part.startswith(".") for part in relative.parts):
            found.append(path.resolve())
    return sorted(found)


def workloads(args, scratch):
    """(name, files) of each workload."""
    one_note = scratch / "one-note.md"
    one_note.write_text(ONE_NOTE, encoding="utf-8")
    vault = scratch / "vault"
    write_vault(vault, args.notes, args.shapes, stdout=sys.stderr)
    chosen = [("one note, one 3-line record", [one_note]),
              (f"vault, {args.notes} notes ({args.shapes})", notes_under(vault))]
    if args.docs:
        chosen.append((f"docs: {args.docs}", notes_under(args.docs)))
    return chosen


# Running under callgrind

def callgrind(command, profile, environment=None, cwd=None, allowed=(0,)):
    """Runs `command` under callgrind, threads counted together, writing `profile`."""
    valgrind = ["valgrind", "--tool=callgrind", "--separate-threads=no", f"--callgrind-out-file={profile}"]
    run = subprocess.run(valgrind + [str(part) for part in command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         text=True, env=environment, cwd=cwd)
    if run.returncode not in allowed:
        fail(f"{pathlib.Path(command[0]).name} exited {run.returncode} under valgrind:\n{run.stderr[-3000:]}")


def profile_notelint(notelint, files, output_format, folder):
    """Profiles `notelint check` on `files` with an empty configuration and no cache."""
    home = folder / "home"
    home.mkdir(exist_ok=True)
    config = folder / "empty.yml"
    config.write_text("version: 1\n", encoding="utf-8")
    environment = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
                       XDG_CACHE_HOME=str(home / "cache"), NO_COLOR="1")
    profile = folder / "notelint.callgrind"
    command = [notelint, "check", "--no-cache", "--config", config, "--format", output_format, "--", *files]
    callgrind(command, profile, environment, cwd=home, allowed=(0, 1))  # 1: findings
    return profile


def profile_baseline(baseline, files, folder):
    file_list = folder / "files.txt"
    file_list.write_text("".join(f"{path}\n" for path in files), encoding="utf-8")
    profile = folder / "baseline.callgrind"
    callgrind([baseline, file_list], profile)
    return profile


# Reading a profile: call arcs with inclusive costs

ANNOTATE_LINE = re.compile(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+([<*])\s+(.*)$")
CALL_COUNT_AND_OBJECT = re.compile(r"^(.*?)(?: \([\d,]+x\))?(?: \[([^\[\]]*)\])?$")
PROGRAM_TOTALS = re.compile(r"^\s*([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS")
THREAD_CREATION = {"clone", "clone3"}


class Function:
    """One function of the profile: `name` (demangled later), its object file, inclusive cost."""

    def __init__(self, label, object_file):
        _, _, name = label.partition(":")  # file:function
        self.name = re.sub(r"'\d+$", "", name)  # callgrind's recursion levels: f'2 is f
        self.object_file = object_file or ""
        self.inclusive = 0


class CallGraph:
    def __init__(self):
        self.total = 0
        self.functions = {}
        self.callers = collections.defaultdict(list)  # function key -> [(caller key, cost)]
        self.callees = collections.defaultdict(set)

    def function(self, text):
        label, object_file = CALL_COUNT_AND_OBJECT.match(text).groups()
        key = (label, object_file)
        if key not in self.functions:
            self.functions[key] = Function(label, object_file)
        return key

    def add_arc(self, caller, callee, cost):
        # A new thread starts in clone; its cost is not its creator's. Dropping the arc makes
        # the thread's first function a root of the graph.
        if self.functions[caller].name in THREAD_CREATION:
            return
        self.callers[callee].append((caller, cost))
        self.callees[caller].add(callee)

    def roots(self):
        return [key for key in self.functions if not self.callers[key]]

    def reachable(self, starts, blocked=frozenset()):
        """Functions reachable from `starts` by calls, never entering `blocked`."""
        seen = set(key for key in starts if key not in blocked)
        pending = list(seen)
        while pending:
            for callee in self.callees[pending.pop()]:
                if callee not in seen and callee not in blocked:
                    seen.add(callee)
                    pending.append(callee)
        return seen


def read_call_graph(profile):
    annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--tree=caller", "--threshold=100", "--auto=no", str(profile)],
                               capture_output=True, text=True, check=True).stdout
    graph = CallGraph()
    callers = []
    for line in annotated.splitlines():
        totals = PROGRAM_TOTALS.match(line)
        if totals:
            graph.total = int(totals.group(1).replace(",", ""))
            continue
        match = ANNOTATE_LINE.match(line)
        if not match:
            callers = []
            continue
        cost, marker, text = int(match.group(1).replace(",", "")), match.group(2), match.group(3)
        if marker == "<":
            callers.append((graph.function(text), cost))
            continue
        callee = graph.function(text)
        graph.functions[callee].inclusive = cost
        for caller, arc_cost in callers:
            graph.add_arc(caller, callee, arc_cost)
        callers = []
    if not graph.total:
        fail(f"no PROGRAM TOTALS in callgrind_annotate's output for {profile}")
    return graph


def demangle(graph):
    """Replaces the Swift names of the graph's functions by their demangled forms."""
    mangled = sorted({function.name for function in graph.functions.values() if function.name.startswith("$s")})
    if not mangled:
        return
    output = subprocess.run(demangler(), input="\n".join(mangled) + "\n", capture_output=True, text=True, check=True).stdout
    readable = dict(zip(mangled, output.splitlines()))
    if len(readable) != len(mangled):
        fail("the demangler did not answer one line per name")
    for function in graph.functions.values():
        function.name = readable.get(function.name, function.name)


# Phases

SPECIALISATION = re.compile(r"^(?:(?:function signature |generic |generic partial )?specialization <.*?> of |merged )")
WITNESS = re.compile(r"^protocol witness for .*?\.(\w+\(.*) in conformance ([\w.]+) : ")


def subject(name):
    """What a demangled name defines: a specialisation or a merged copy of X is X; the protocol
    witness for P.f in conformance T is T.f; a closure stays a closure."""
    while SPECIALISATION.match(name):
        name = SPECIALISATION.sub("", name, count=1)
    witness = WITNESS.match(name)
    return f"{witness.group(2)}.{witness.group(1)}" if witness else name


def swift_functions(*patterns):
    expression = re.compile("|".join(patterns))
    return lambda function: expression.match(subject(function.name)) is not None


def c_functions(*names):
    return lambda function: function.name in names


def in_cmark(function):
    return "libcmark-gfm" in os.path.basename(function.object_file) or function.name.startswith("cmark_")


PHASES = {
    "parse": in_cmark,
    "note model": swift_functions(r"NoteSyntax\.Note\.init\(source:", r"NoteSyntax\.SourceText\.init\(bytes:"),
    "rules": swift_functions(r"NoteLint\.Linter\.lint\("),
    "output": swift_functions(r"notelint\.(?:RenderedFile|FileReport|Output|\w*Reporter)\."),
}
# run() is inlined into its caller in some builds (the static one): its check() stands for it.
THE_CHECK = swift_functions(r"notelint\.CheckCommand\.run\(\)", r"notelint\.CheckCommand\.\(check in \w+\)\(\)")
THREAD_START = c_functions("start_thread")
AFTER_THE_CHECK = c_functions("exit")
SHOWN_PHASES = ["start-up", *PHASES, "other"]


def members(graph, belongs):
    return {key for key, function in graph.functions.items() if belongs(function)}


def entry_arcs(graph, phase_members, phase_inside=frozenset()):
    """(caller, cost) of every call into the phase from outside it; a root member counts whole."""
    arcs = []
    for key in phase_members:
        if not graph.callers[key]:
            arcs.append((None, graph.functions[key].inclusive))
        arcs.extend((caller, cost) for caller, cost in graph.callers[key]
                    if caller not in phase_members and caller not in phase_inside)
    return arcs


def entered(arcs):
    return sum(cost for _, cost in arcs)


def attribute(graph, phases):
    """Instructions of each phase, nested phases subtracted from the phase that calls them. A
    phase's inside: the functions reachable from its own (not through another phase's) that the
    program's roots cannot reach without passing through its own. Also returns the cost of the
    arcs into a phase from callers some other phase reaches but that are not inside it."""
    functions_of = {name: members(graph, belongs) for name, belongs in phases.items()}
    roots = graph.roots()
    inside_of, reached_from, arcs_of = {}, {}, {}
    for name, own in functions_of.items():
        others = set().union(*(functions for other, functions in functions_of.items() if other != name))
        reached_from[name] = graph.reachable(own, blocked=others)
        inside_of[name] = reached_from[name] - graph.reachable(roots, blocked=own)
        arcs_of[name] = entry_arcs(graph, own, inside_of[name])
    cost = {}
    for name in phases:
        nested = sum(arc_cost for other in phases if other != name
                     for caller, arc_cost in arcs_of[other] if caller in inside_of[name])
        cost[name] = entered(arcs_of[name]) - nested
    shared = set().union(*reached_from.values()) - set().union(*inside_of.values())
    unresolved = sum(arc_cost for name in phases for caller, arc_cost in arcs_of[name] if caller in shared)
    return cost, unresolved


def notelint_phases(graph):
    """Instructions of each shown phase (they add up to the program total), and the unresolved."""
    cost, unresolved = attribute(graph, PHASES)
    check_functions = members(graph, THE_CHECK) | members(graph, THREAD_START)
    the_check = entered(entry_arcs(graph, check_functions))
    reached_by_the_check = graph.reachable(check_functions)
    after_the_check = sum(arc_cost for caller, arc_cost in entry_arcs(graph, members(graph, AFTER_THE_CHECK))
                          if caller not in reached_by_the_check)
    cost["start-up"] = graph.total - the_check - after_the_check
    cost["other"] = the_check + after_the_check - sum(cost[name] for name in PHASES)
    if cost["other"] < 0 or cost["start-up"] < 0:
        progress(f"warning: phases overlap (start-up {cost['start-up']:,}, other {cost['other']:,}); the attribution is off")
    return cost, unresolved


# Measuring and reporting

def measure(name, files, notelint, baseline, output_format, folder):
    folder.mkdir()
    size = sum(path.stat().st_size for path in files)
    progress(f"callgrind: {name}: {len(files)} file{'' if len(files) == 1 else 's'}, {size / 1e6:.2f} MB ...")
    notelint_graph = read_call_graph(profile_notelint(notelint, files, output_format, folder))
    demangle(notelint_graph)
    baseline_graph = read_call_graph(profile_baseline(baseline, files, folder))
    phases, unresolved = notelint_phases(notelint_graph)
    baseline_parse = entered(entry_arcs(baseline_graph, members(baseline_graph, in_cmark)))
    megabytes = size / 1e6
    return {
        "workload": name,
        "files": len(files),
        "bytes": size,
        "notelint_instructions": notelint_graph.total,
        "baseline_instructions": baseline_graph.total,
        "ratio": round(notelint_graph.total / baseline_graph.total, 3),
        "notelint_instructions_per_mb": round(notelint_graph.total / megabytes),
        "baseline_instructions_per_mb": round(baseline_graph.total / megabytes),
        "baseline_parse_instructions": baseline_parse,
        "parse_vs_baseline_parse": round(phases["parse"] / baseline_parse, 3) if baseline_parse else None,
        "phases": {phase: {"instructions": phases[phase], "share": round(phases[phase] / notelint_graph.total, 4)}
                   for phase in SHOWN_PHASES},
        "unresolved_nesting": unresolved,
    }


def millions(count):
    return f"{count / 1e6:,.1f} M"


def print_tables(results, binary_note):
    width = max(len(result["workload"]) for result in results) + 2
    print(f"notelint: {binary_note}; instructions (Ir) counted by callgrind, all threads; M = 10^6")
    print(f"{'workload':<{width}}{'files':>6}{'MB':>8}{'notelint':>13}{'C baseline':>13}{'ratio':>9}"
          f"{'notelint/MB':>14}{'C baseline/MB':>15}")
    for result in results:
        print(f"{result['workload']:<{width}}{result['files']:>6}{result['bytes'] / 1e6:>8.3f}"
              f"{millions(result['notelint_instructions']):>13}{millions(result['baseline_instructions']):>13}"
              f"{result['ratio']:>8.1f}x{millions(result['notelint_instructions_per_mb']):>14}"
              f"{millions(result['baseline_instructions_per_mb']):>15}")
    print()
    print("notelint's instructions by phase (attribution: see the docstring); parse / C parse compares")
    print("notelint's parse phase with the baseline's calls into cmark-gfm")
    print(f"{'workload':<{width}}" + "".join(f"{phase:>12}" for phase in SHOWN_PHASES) + f"{'parse/C parse':>15}")
    for result in results:
        shares = "".join(f"{100 * result['phases'][phase]['share']:>11.1f}%" for phase in SHOWN_PHASES)
        versus = result["parse_vs_baseline_parse"]
        print(f"{result['workload']:<{width}}{shares}" + (f"{versus:>14.2f}x" if versus is not None else f"{'-':>15}"))


def main():
    args = parse_arguments()
    require_tools(building=args.binary is None)
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="notelint-instructions-"))
    try:
        notelint = stripped_notelint(args, scratch)
        baseline = build_baseline(scratch)
        results = [measure(name, files, notelint, baseline, args.format, scratch / f"run-{index}")
                   for index, (name, files) in enumerate(workloads(args, scratch))]
    except subprocess.CalledProcessError as error:
        fail(f"`{' '.join(map(str, error.cmd))}` exited {error.returncode}")
    finally:
        if args.keep:
            progress(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    binary_note = str(args.binary) if args.binary else "release build" + (", --static-swift-stdlib" if args.static else "")
    if args.json:
        print(json.dumps({"notelint": binary_note + ", stripped of debug information", "format": args.format,
                          "workloads": results}, indent=2))
    else:
        print_tables(results, binary_note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
