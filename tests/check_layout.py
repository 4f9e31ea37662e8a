#!/usr/bin/env python3
"""The house rules a compiler does not check (issue 11), walked over every
source file so that a later file cannot slip past:
  - no circles: the modules (a .c with its .h) of common/ and services/ form
    no include cycle;
  - the law is pure: a file of common/law includes only common/law headers
    and the C library's;
  - no file-scope mutable state: a `static` object at file scope must be
    const (process-wide settings listed below, with why, are the exception).
Prints ok/FAIL lines and `N passed, N failed`."""
import glob, os, re, sys

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
FOLDERS = ['common/*', 'services/*', 'services/*/*']
#   Process-wide settings, set once by main before any thread starts.
SETTINGS = {'common/infra/log.c': 'the log level and service name (like zsys)'}
LIBC = {'assert', 'ctype', 'errno', 'float', 'inttypes', 'limits', 'math', 'stdarg', 'stdbool',
        'stddef', 'stdint', 'stdio', 'stdlib', 'string', 'time'}
passed = failed = 0

def check(ok, what, detail=''):
    global passed, failed
    if ok:
        passed += 1
        print('ok   layout: ' + what)
    else:
        failed += 1
        print('FAIL layout: ' + what + (': ' + detail if detail else ''))

files = sorted(f for d in FOLDERS for f in glob.glob(d + '/*.[ch]') if os.path.isfile(f))
includes = {f: re.findall(r'^#include [<"]([^">]+)[">]', open(f, encoding='utf-8').read(), re.M)
            for f in files}

# circles
modules = {}
for f in files:
    modules.setdefault(os.path.splitext(f)[0], set()).update(includes[f])
by_name = {}
clashes = []
for m in sorted(modules):
    name = os.path.basename(m)
    if name in by_name and name != 'main':      # each program's main.c is included by nobody
        clashes.append('%s and %s' % (by_name[name], m))
    by_name[name] = m
check(not clashes, 'every module name is its own (an include names one file)', '; '.join(clashes))
graph = {m: {by_name[i[:-2]] for i in incs if i.endswith('.h') and i[:-2] in by_name
             and by_name[i[:-2]] != m} for m, incs in modules.items()}
index, low, stack, on, cycles, counter = {}, {}, [], set(), [], [0]
sys.setrecursionlimit(10000)
def visit(v):
    index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
    for w in sorted(graph[v]):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        part = []
        while True:
            w = stack.pop(); on.discard(w); part.append(w)
            if w == v:
                break
        if len(part) > 1:
            cycles.append(sorted(part))
for v in sorted(graph):
    if v not in index:
        visit(v)
check(not cycles, 'no include circles among %d modules' % len(modules),
      '; '.join(' <-> '.join(c) for c in cycles))

# the law is pure
law = [f for f in files if f.startswith('common/law/')]
own = {os.path.basename(f) for f in law if f.endswith('.h')}
bad = ['%s includes %s' % (f, i) for f in law for i in includes[f]
       if i not in own and os.path.splitext(i)[0] not in LIBC]
check(law and not bad, 'the %d files of common/law include only their own headers and libc' % len(law),
      '; '.join(bad))

# no file-scope mutable state
state = []
for f in files:
    if not f.endswith('.c') or f in SETTINGS:
        continue
    for n, line in enumerate(open(f, encoding='utf-8'), 1):
        if re.match(r'static\s', line) and not re.match(r'static\s+(inline\s+)?const\s', line) \
           and '(' not in line.split('=')[0] and re.search(r'[;=\[{]', line) \
           and not re.match(r'static\s+[\w\s\*]+\*\s*\n?$', line):
            if re.search(r'\bconst\b', line.split('=')[0]) and '*' not in line.split('=')[0]:
                continue
            state.append('%s:%d %s' % (f, n, line.strip()))
check(not state, 'no file-scope mutable state in %d C files (settings apart: %s)'
      % (sum(f.endswith('.c') for f in files), ', '.join(SETTINGS)), '; '.join(state))

print('%d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
