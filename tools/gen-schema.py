#!/usr/bin/python3
"""Generate ckube's per-kind API schema tables (src/api/schema-tables.c).

DESIGN.md section 3: one schema per kind, written once in a compact declarative form,
drives strict field validation, strategic merge patch, protobuf decoding, OpenAPI and
defaulting. The facts come from the Kubernetes API definitions; the tables are ckube's own
format. This script reads, from directories given on its command line:

  --api DIR           a checkout of k8s.io/api (e.g. tag v0.33.13): for each group version
                      used, DIR/<group>/<version>/*.go (struct members, json tags,
                      patchStrategy/patchMergeKey tags, +optional/+required/+listType/
                      +listMapKey/+mapType/+structType comment tags, register.go's GroupName)
                      and generated.proto (message field numbers and protobuf types);
  --apimachinery DIR  a checkout of k8s.io/apimachinery at the matching tag: the same for
                      pkg/apis/meta/v1, and the protobuf layouts of resource.Quantity,
                      intstr.IntOrString, runtime.RawExtension/Unknown/TypeMeta.

The Go struct tags carry the protobuf numbers too; the script takes numbers and protobuf
types from generated.proto and fails when the two disagree, so every number in the tables
is checked twice. Only facts are taken (names, numbers, types, tags): no description text.

Usage:
  tools/gen-schema.py --api ~/src/k8s-api --apimachinery ~/src/k8s-apimachinery \\
      --upstream 'k8s.io/api v0.33.13 (<commit>), k8s.io/apimachinery v0.33.13 (<commit>)' \\
      -o src/api/schema-tables.c

Source trees at a tag, without keeping anything in this repository:
  git clone https://github.com/kubernetes/api /tmp/k8s-api && \\
      git -C /tmp/k8s-api checkout v0.33.13
  git clone https://github.com/kubernetes/apimachinery /tmp/k8s-apimachinery && \\
      git -C /tmp/k8s-apimachinery checkout v0.33.13

The output depends only on the inputs (types, fields and kinds are emitted in sorted order),
so running it twice gives identical files; tests/unit/api/test-schema checks that, and that
the committed tables are what this script makes, when CK_K8S_API_DIR and
CK_K8S_APIMACHINERY_DIR name the source trees. Python 3 standard library only.
"""
import argparse
import os
import re
import sys

# The root kinds: Go package import path -> kinds. Each kind's <Kind>List is added when
# the package defines it. Every reachable type is emitted.
ROOTS = [
    ("k8s.io/api/core/v1", ["Namespace", "Node", "Pod", "Binding", "Service", "Endpoints",
                            "ConfigMap", "Secret", "Event", "ServiceAccount", "ResourceQuota"]),
    ("k8s.io/api/apps/v1", ["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet"]),
    ("k8s.io/api/autoscaling/v1", ["Scale"]),
    ("k8s.io/api/coordination/v1", ["Lease"]),
    ("k8s.io/api/policy/v1", ["PodDisruptionBudget", "Eviction"]),
    ("k8s.io/api/policy/v1beta1", ["PodDisruptionBudget", "Eviction"]),
    ("k8s.io/api/batch/v1", ["Job", "CronJob"]),
    ("k8s.io/api/scheduling/v1", ["PriorityClass"]),
    ("k8s.io/api/rbac/v1", ["Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding"]),
    ("k8s.io/api/networking/v1", ["Ingress"]),
    ("k8s.io/api/authentication/v1", ["TokenRequest"]),
    ("k8s.io/api/events/v1", ["Event"]),
    ("k8s.io/apimachinery/pkg/apis/meta/v1", ["Table"]),
]
META = "k8s.io/apimachinery/pkg/apis/meta/v1"
# K8S: metav1.AddToGroupVersion registers WatchEvent and the options types (DeleteOptions)
# in every group version, and Status as an unversioned type in "" v1.
PER_GROUP_VERSION = ["DeleteOptions", "WatchEvent"]
CORE_ONLY = ["Status"]

# Types whose JSON form is not their Go struct: (import path, name) -> schema kind.
SPECIAL = {
    (META, "Time"): "TIME",
    (META, "MicroTime"): "MICRO_TIME",
    (META, "Duration"): "DURATION",
    (META, "FieldsV1"): "RAW",
    ("k8s.io/apimachinery/pkg/runtime", "RawExtension"): "RAW",
    ("k8s.io/apimachinery/pkg/api/resource", "Quantity"): "QUANTITY",
    ("k8s.io/apimachinery/pkg/util/intstr", "IntOrString"): "INT_OR_STRING",
}
# Protobuf-only messages the decoder needs whether or not a field refers to them: the
# "k8s\0" envelope (runtime.Unknown and its TypeMeta).
ENVELOPE = [("k8s.io/apimachinery/pkg/runtime", "Unknown"),
            ("k8s.io/apimachinery/pkg/runtime", "TypeMeta")]

BUILTIN = {"string": "STRING", "bool": "BOOL", "int32": "INT32", "int64": "INT64",
           "float64": "DOUBLE"}
# The protobuf scalar type each schema kind is carried in.
PROTO_SCALAR = {"STRING": "string", "BOOL": "bool", "INT32": "int32", "INT64": "int64",
                "DOUBLE": "double", "BYTES": "bytes"}


class GenError(Exception):
    pass


def fail(msg):
    raise GenError(msg)


# ---------------------------------------------------------------------------------------
# Go source: type declarations, struct members, tags and comment tags.

class GoMember:
    def __init__(self, name, typ, tags, comments, where):
        self.name = name          # Go member name ("" when embedded)
        self.typ = typ            # type expression as written
        self.tags = tags          # struct tag: key -> value
        self.comments = comments  # doc comment lines, "//" stripped
        self.where = where


class GoType:
    def __init__(self, pkg, name, comments, where):
        self.pkg = pkg
        self.name = name
        self.comments = comments
        self.where = where
        self.body = None  # struct body lines (where, text); None for non-struct types
        self.members = None  # list of GoMember, parsed from body on first use
        self.underlying = None  # type expression for named non-struct types
        self.alias = False
        self.imports = None  # the declaring file's imports: alias -> path


class GoPackage:
    def __init__(self, path, directory):
        self.path = path
        self.dir = directory
        self.name = None
        self.types = {}
        self.group = None


TAG_RE = re.compile(r'([A-Za-z_][A-Za-z0-9_]*):"((?:[^"\\]|\\.)*)"')


def parse_struct_tag(s):
    return {k: v for k, v in TAG_RE.findall(s)}


def comment_tags(lines):
    """K8S: gengo's ExtractCommentTags("+", lines): "+key" or "+key=value" lines."""
    tags = {}
    for line in lines:
        line = line.strip()
        if not line.startswith("+"):
            continue
        key, _, value = line[1:].partition("=")
        tags.setdefault(key, []).append(value)
    return tags


MEMBER_RE = re.compile(r'^(?:([A-Za-z_][A-Za-z0-9_]*)\s+)?([^\s`]+)\s*(?:`([^`]*)`)?\s*(?://.*)?$')


def strip_block_comments(text):
    return re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)


def load_go_package(path, directory):
    pkg = GoPackage(path, directory)
    files = sorted(f for f in os.listdir(directory)
                   if f.endswith(".go") and not f.endswith("_test.go")
                   and not f.startswith("zz_generated") and f != "generated.pb.go"
                   and not f.endswith("_swagger_doc_generated.go"))
    if not files:
        fail(f"{directory}: no Go files")
    for fname in files:
        where_file = os.path.join(directory, fname)
        with open(where_file, encoding="utf-8") as fh:
            lines = strip_block_comments(fh.read()).split("\n")
        parse_go_file(pkg, lines, where_file)
    for fname in files:
        with open(os.path.join(directory, fname), encoding="utf-8") as fh:
            m = re.search(r'^\s*(?:const\s+)?GroupName\s*=\s*"([^"]*)"', fh.read(), re.M)
            if m:
                pkg.group = m.group(1)
    return pkg


def parse_go_file(pkg, lines, where_file):
    imports = {}
    comments = []
    i = 0
    in_type_block = False
    in_import_block = False
    while i < len(lines):
        raw = lines[i]
        line = raw.strip()
        where = f"{where_file}:{i + 1}"
        i += 1
        if line.startswith("//"):
            comments.append(line[2:].strip())
            continue
        if not line:
            comments = []
            continue
        m = re.match(r"^package\s+(\w+)", line)
        if m:
            pkg.name = m.group(1)
            comments = []
            continue
        if in_import_block:
            if line == ")":
                in_import_block = False
            else:
                add_import(imports, line, where)
            continue
        if line.startswith("import"):
            rest = line[len("import"):].strip()
            if rest == "(":
                in_import_block = True
            else:
                add_import(imports, rest, where)
            comments = []
            continue
        top = not raw[:1].isspace()
        if top and line == "type (":
            in_type_block = True
            comments = []
            continue
        if in_type_block and top and line == ")":
            in_type_block = False
            continue
        decl = None
        if top and line.startswith("type "):
            decl = line[len("type "):]
        elif in_type_block and raw.startswith("\t") and not raw.startswith("\t\t"):
            decl = line
        if decl is None:
            comments = []
            continue
        m = re.match(r"^([A-Za-z_]\w*)\s*(=)?\s*(.*)$", decl)
        if not m:
            comments = []
            continue
        name, alias, rest = m.group(1), m.group(2), m.group(3).strip()
        t = GoType(pkg, name, comments, where)
        t.imports = imports
        comments = []
        if rest.startswith("struct {") or rest.startswith("struct{"):
            if rest.rstrip().endswith("}"):  # struct{} on one line
                t.body = []
                pkg.types[name] = t
                continue
            indent = raw[:len(raw) - len(raw.lstrip())]
            start = i
            while i < len(lines) and lines[i].rstrip() != indent + "}":
                i += 1
            if i == len(lines):
                fail(f"{where}: struct {name} is not closed")
            # Members are parsed when the type is used: other declarations in these
            # packages need not fit the member grammar.
            t.body = [(f"{where_file}:{n + 1}", lines[n]) for n in range(start, i)]
            i += 1
        elif rest.startswith("interface"):
            if not rest.rstrip().endswith("}"):
                depth = 1
                while i < len(lines) and depth:
                    depth += lines[i].count("{") - lines[i].count("}")
                    i += 1
            t.underlying = "interface{}"
        else:
            t.underlying = re.sub(r"\s*//.*$", "", rest).strip()
            t.alias = bool(alias)
        pkg.types[name] = t


def add_import(imports, spec, where):
    spec = re.sub(r"\s*//.*$", "", spec).strip()
    m = re.match(r'^(?:([A-Za-z_]\w*|\.|_)\s+)?"([^"]+)"$', spec)
    if not m:
        return
    alias, path = m.group(1), m.group(2)
    if alias in (".", "_"):
        return
    if alias is None:
        alias = path.rsplit("/", 1)[-1]
    if alias in imports:
        fail(f"{where}: import alias {alias} twice")
    imports[alias] = path


def struct_members(t):
    """Parse the members of a struct type (once)."""
    if t.members is not None:
        return t.members
    t.members = []
    comments = []
    skip = 0
    for where, raw in t.body:
        line = raw.strip()
        if skip:
            skip += line.count("{") - line.count("}")
            continue
        if line.startswith("//"):
            comments.append(line[2:].strip())
            continue
        if not line:
            comments = []
            continue
        if re.search(r"\bstruct\s*\{", line) and not line.endswith("}"):
            # An anonymous struct member: skip its body, remember it cannot be described.
            skip = line.count("{") - line.count("}")
            t.members.append(GoMember(line.split()[0], "struct{...}", {}, comments, where))
            comments = []
            continue
        m = MEMBER_RE.match(line)
        if not m:
            fail(f"{where}: cannot parse struct member: {line}")
        name, typ, tag = m.group(1) or "", m.group(2), m.group(3) or ""
        if "," in name or "," in typ:
            fail(f"{where}: several names in one member: {line}")
        t.members.append(GoMember(name, typ, parse_struct_tag(tag), comments, where))
        comments = []
    return t.members


# ---------------------------------------------------------------------------------------
# Protobuf: messages and fields of generated.proto.

class ProtoField:
    def __init__(self, label, typ, name, number, where):
        self.label = label  # "optional", "repeated" or "map"
        self.typ = typ      # scalar name or message reference; for maps the value type
        self.key = None     # map key type
        self.name = name
        self.number = number
        self.where = where


class ProtoFile:
    def __init__(self, path):
        self.path = path
        self.package = None
        self.go_package = None
        self.messages = {}  # name -> {field name: ProtoField}


PROTO_FIELD_RE = re.compile(r"^(optional|repeated|required)\s+([\w.]+)\s+(\w+)\s*=\s*(\d+)\s*(\[.*\])?;$")
PROTO_MAP_RE = re.compile(r"^map<\s*([\w.]+)\s*,\s*([\w.]+)\s*>\s+(\w+)\s*=\s*(\d+)\s*;$")


def load_proto(path):
    pf = ProtoFile(path)
    with open(path, encoding="utf-8") as fh:
        lines = strip_block_comments(fh.read()).split("\n")
    stack = []
    for n, raw in enumerate(lines, 1):
        line = re.sub(r"//.*$", "", raw).strip()
        where = f"{path}:{n}"
        if not line:
            continue
        m = re.match(r"^package\s+([\w.]+);$", line)
        if m:
            pf.package = m.group(1)
            continue
        m = re.match(r'^option\s+go_package\s*=\s*"([^"]+)";$', line)
        if m:
            pf.go_package = m.group(1)
            continue
        m = re.match(r"^message\s+(\w+)\s*\{$", line)
        if m:
            if stack:
                fail(f"{where}: nested messages are not supported")
            stack.append(m.group(1))
            pf.messages[m.group(1)] = {}
            continue
        if line == "}":
            if not stack:
                fail(f"{where}: unbalanced }}")
            stack.pop()
            continue
        if not stack:
            continue  # syntax, import, option
        msg = pf.messages[stack[-1]]
        m = PROTO_FIELD_RE.match(line)
        if m:
            f = ProtoField(m.group(1), m.group(2), m.group(3), int(m.group(4)), where)
        else:
            m = PROTO_MAP_RE.match(line)
            if not m:
                fail(f"{where}: cannot parse protobuf field: {line}")
            f = ProtoField("map", m.group(2), m.group(3), int(m.group(4)), where)
            f.key = m.group(1)
        if f.name in msg:
            fail(f"{where}: duplicate field {f.name}")
        msg[f.name] = f
    if stack or not pf.package or not pf.go_package:
        fail(f"{path}: incomplete protobuf file")
    return pf


# ---------------------------------------------------------------------------------------
# The model: packages, types, fields, kinds.

class Shape:
    """What a Go type expression means for the schema."""

    def __init__(self, kind, go, elem=None, type_=None, pointer=False, comments=None):
        self.kind = kind        # schema kind name (STRING, OBJECT, ARRAY, ...)
        self.go = go            # reflect.Type.String() after pointer indirection
        self.elem = elem        # Shape of the elements (ARRAY, MAP)
        self.type = type_       # SchemaType for OBJECT and the wrapper kinds
        self.pointer = pointer  # the Go member is a pointer
        self.comments = comments or []  # comment tags of a named type on the way


class SchemaPackage:
    def __init__(self, path, goname, group):
        self.path = path
        self.goname = goname
        self.group = group
        self.version = path.rsplit("/", 1)[-1] if group is not None else None
        domain, _, rest = path.partition("/")
        self.openapi = ".".join(list(reversed(domain.split("."))) + rest.split("/"))
        self.proto = path.replace("/", ".")
        self.ident = re.sub(r"[^A-Za-z0-9]", "_", self.openapi[len("io.k8s."):])


class SchemaField:
    def __init__(self):
        self.name = None
        self.proto = 0
        self.kind = None
        self.elem = None
        self.type = None
        self.go = None
        self.merge_key = None
        self.strategy = []
        self.list_type = None
        self.map_keys = []
        self.map_type = None
        self.flags = []


class SchemaType:
    def __init__(self, spkg, name, special=None):
        self.pkg = spkg
        self.name = name
        self.special = special  # schema kind for wrapper types, else None
        self.fields = []        # JSON view
        self.extra = []         # protobuf-only pseudo fields (inline members, wrappers)
        self.atomic = False
        self.granular = False
        self.has_proto = False

    @property
    def openapi(self):
        return f"{self.pkg.openapi}.{self.name}"

    @property
    def ident(self):
        return f"{self.pkg.ident}_{self.name}"


class Generator:
    def __init__(self, api_dir, apimachinery_dir):
        self.roots = {"k8s.io/api/": api_dir, "k8s.io/apimachinery/": apimachinery_dir}
        self.gopkgs = {}
        self.protos = {}   # import path -> ProtoFile or None
        self.spkgs = {}
        self.types = {}    # (path, name) -> SchemaType
        self.queue = []

    # -- loading

    def directory(self, path):
        for prefix, root in self.roots.items():
            if path.startswith(prefix):
                return os.path.join(root, path[len(prefix):])
        fail(f"no directory for Go package {path}")

    def gopkg(self, path):
        if path not in self.gopkgs:
            self.gopkgs[path] = load_go_package(path, self.directory(path))
        return self.gopkgs[path]

    def proto(self, path):
        if path not in self.protos:
            f = os.path.join(self.directory(path), "generated.proto")
            pf = load_proto(f) if os.path.exists(f) else None
            if pf is not None and pf.go_package != path:
                fail(f"{f}: go_package {pf.go_package} is not {path}")
            self.protos[path] = pf
        return self.protos[path]

    def spkg(self, path):
        if path not in self.spkgs:
            gp = self.gopkg(path)
            self.spkgs[path] = SchemaPackage(path, gp.name, gp.group)
        return self.spkgs[path]

    def proto_message(self, path, name):
        pf = self.proto(path)
        if pf is None:
            return None
        return pf.messages.get(name)

    def proto_ref(self, from_path, ref):
        """Resolve a message reference in from_path's generated.proto to (path, name)."""
        if ref.startswith("."):
            pkgname, _, name = ref[1:].rpartition(".")
            for path, pf in self.protos.items():
                if pf is not None and pf.package == pkgname:
                    return path, name
            # Not loaded yet: k8s proto packages are import paths with dots.
            for prefix in self.roots:
                p = prefix.replace("/", ".")
                if pkgname.startswith(p):
                    path = prefix + pkgname[len(p):].replace(".", "/")
                    if self.proto(path) is not None and self.proto(path).package == pkgname:
                        return path, name
            fail(f"unknown protobuf package {pkgname}")
        return from_path, ref

    # -- types

    def schema_type(self, path, name):
        key = (path, name)
        if key not in self.types:
            st = SchemaType(self.spkg(path), name, SPECIAL.get(key))
            self.types[key] = st
            self.queue.append(st)
        return self.types[key]

    def resolve(self, gt, expr, where):
        """Shape of the Go type expression expr written in the file that declares gt."""
        pointer = False
        while expr.startswith("*"):
            pointer = True
            expr = expr[1:]
        s = self.resolve_value(gt, expr, where)
        s.pointer = pointer
        return s

    def resolve_value(self, gt0, expr, where):
        pkg = gt0.pkg
        if expr == "[]byte":
            return Shape("BYTES", "[]uint8")
        if expr.startswith("[]"):
            elem = self.resolve(gt0, expr[2:], where)
            if elem.pointer:
                fail(f"{where}: slices of pointers are not supported: {expr}")
            if elem.kind in ("ARRAY", "MAP"):
                fail(f"{where}: nested collections are not supported: {expr}")
            return Shape("ARRAY", "[]" + elem.go, elem=elem)
        if expr.startswith("map["):
            depth, j = 0, 3
            for j in range(3, len(expr)):
                depth += {"[": 1, "]": -1}.get(expr[j], 0)
                if depth == 0:
                    break
            key = self.resolve(gt0, expr[4:j], where)
            if key.kind != "STRING" or key.pointer:
                fail(f"{where}: map keys must be strings: {expr}")
            elem = self.resolve(gt0, expr[j + 1:], where)
            if elem.pointer:
                fail(f"{where}: maps of pointers are not supported: {expr}")
            if elem.kind in ("ARRAY", "MAP"):
                fail(f"{where}: nested collections are not supported: {expr}")
            return Shape("MAP", f"map[{key.go}]{elem.go}", elem=elem)
        if expr in ("interface{}", "any"):
            return Shape("RAW", "interface {}")
        if expr in BUILTIN:
            return Shape(BUILTIN[expr], expr)
        if re.match(r"^(u?int(8|16)?|uint(32|64)?|int|float32|uintptr|rune|byte)$", expr):
            fail(f"{where}: Go type {expr} has no schema kind")
        alias, _, name = expr.rpartition(".")
        if alias:
            if alias not in gt0.imports:
                fail(f"{where}: unknown package {alias} in {expr}")
            path = gt0.imports[alias]
        else:
            path = pkg.path
        if (path, name) in SPECIAL:
            st = self.schema_type(path, name)
            return Shape(SPECIAL[(path, name)], f"{self.gopkg(path).name}.{name}", type_=st)
        gp = self.gopkg(path)
        gt = gp.types.get(name)
        if gt is None:
            fail(f"{where}: unknown type {path}.{name}")
        if gt.body is not None:
            st = self.schema_type(path, name)
            return Shape("OBJECT", f"{gp.name}.{name}", type_=st)
        if gt.underlying == "interface{}":
            fail(f"{where}: interface type {path}.{name} has no schema")
        inner = self.resolve(gt, gt.underlying, gt.where)
        if inner.pointer:
            fail(f"{gt.where}: named pointer types are not supported")
        if gt.alias:
            return inner
        # A named type: Go names it in errors; its comment tags apply to its uses.
        inner.go = f"{gp.name}.{name}"
        inner.comments = gt.comments + inner.comments
        return inner

    def build(self, st):
        if st.special is not None or st.pkg.path == "k8s.io/apimachinery/pkg/runtime":
            self.build_wrapper(st)
        else:
            self.build_struct(st)

    def build_wrapper(self, st):
        """A type whose JSON form is a scalar or raw JSON: only its protobuf layout."""
        msg = self.proto_message(st.pkg.path, st.name)
        if msg is None:
            fail(f"no protobuf message for {st.pkg.path}.{st.name}")
        st.has_proto = True
        for pfld in msg.values():
            f = SchemaField()
            f.name = pfld.name
            f.proto = pfld.number
            if pfld.label == "map":
                fail(f"{pfld.where}: map in a wrapper message")
            if pfld.typ in ("string", "bool", "int32", "int64", "double", "bytes"):
                f.kind = {v: k for k, v in PROTO_SCALAR.items()}[pfld.typ]
                f.go = pfld.typ
            else:
                path, name = self.proto_ref(st.pkg.path, pfld.typ)
                f.kind = "OBJECT"
                f.type = self.schema_type(path, name)
                f.go = f"{self.gopkg(path).name}.{name}"
            if pfld.label == "repeated":
                f.elem, f.kind = f.kind, "ARRAY"
                f.go = "[]" + f.go
            st.extra.append(f)

    def build_struct(self, st):
        gp = self.gopkg(st.pkg.path)
        gt = gp.types[st.name]
        tt = comment_tags(gt.comments)
        if tt.get("structType") == ["atomic"]:
            st.atomic = True
        elif tt.get("structType") == ["granular"]:
            st.granular = True
        msg = self.proto_message(st.pkg.path, st.name)
        if msg is None and tt.get("protobuf") != ["false"]:
            # Every protobuf-enabled API type has a message; a missing one is a parse bug.
            if self.proto(st.pkg.path) is not None:
                fail(f"{gt.where}: no protobuf message for {st.name}")
        st.has_proto = msg is not None
        seen_proto = set()
        json_names = {}
        for m in struct_members(gt):
            self.add_member(st, gt, m, msg, seen_proto, json_names, promoted_from=None)
        if msg is not None:
            missing = set(f.number for f in msg.values()) - seen_proto
            if missing:
                fail(f"{gt.where}: protobuf fields {sorted(missing)} of {st.name} have no Go member")

    def add_member(self, st, gt, m, msg, seen_proto, json_names, promoted_from):
        jtag = m.tags.get("json")
        if m.typ == "struct{...}":
            fail(f"{m.where}: anonymous struct members are not supported")
        if jtag is None:
            if m.name and not m.name[0].isupper():
                return  # unexported
            fail(f"{m.where}: member without json tag")
        jname, *opts = jtag.split(",")
        if jname == "-":
            return
        if set(opts) - {"omitempty", "inline"}:
            fail(f"{m.where}: json tag options {opts} are not supported")
        ptag = m.tags.get("protobuf")
        pnum = 0
        if ptag and ptag != "-":
            parts = ptag.split(",")
            pnum = int(parts[1])
        inline = "inline" in opts
        if inline:
            if not jname == "":
                fail(f"{m.where}: inline member with a name")
            shape = self.resolve(gt, m.typ, m.where)
            if shape.kind != "OBJECT" or shape.pointer:
                fail(f"{m.where}: inline member is not a struct")
            inner = shape.type
            igp = self.gopkg(inner.pkg.path)
            igt = igp.types[inner.name]
            if pnum and msg is not None:
                # K8S: an inline member is a nested message in protobuf, flat in JSON.
                pfld = self.proto_field(msg, pnum, m.where)
                if pfld.label != "optional":
                    fail(f"{pfld.where}: inline member is repeated")
                ppath, pname = self.proto_ref(st.pkg.path, pfld.typ)
                if (ppath, pname) != (inner.pkg.path, inner.name):
                    fail(f"{pfld.where}: protobuf type {pfld.typ} is not {inner.name}")
                seen_proto.add(pnum)
                f = SchemaField()
                f.name = pfld.name
                f.proto = pnum
                f.kind = "OBJECT"
                f.type = inner
                f.go = shape.go
                f.flags.append("INLINE")
                st.extra.append(f)
                # The inline type is emitted for its protobuf layout.
            for im in struct_members(igt):
                self.add_member(st, igt, im, None, None, json_names,
                                promoted_from=inner)
            return
        if not jname:
            jname = m.name
        if jname in json_names:
            fail(f"{m.where}: JSON name {jname} twice in {st.name}")
        shape = self.resolve(gt, m.typ, m.where)
        f = SchemaField()
        f.name = jname
        f.kind = shape.kind
        f.go = shape.go
        f.type = shape.type
        if shape.elem is not None:
            f.elem = shape.elem.kind
            f.type = shape.elem.type
            self.check_elem_go(f, shape, m.where)
        if shape.pointer:
            f.flags.append("POINTER")
        if "omitempty" in opts:
            f.flags.append("OMITEMPTY")
        ctags = comment_tags(shape.comments)
        ctags.update(comment_tags(m.comments))
        optional = "optional" in ctags
        required = "required" in ctags
        if optional and required:
            fail(f"{m.where}: both +optional and +required")
        # K8S: kube-openapi's isOptional: +required, else +optional, else omitempty.
        if required or (not optional and "omitempty" not in opts):
            f.flags.append("REQUIRED")
        self.patch_tags(f, m, ctags)
        if promoted_from is not None:
            f.flags.append("PROMOTED")
        elif msg is not None and pnum:
            pfld = self.proto_field(msg, pnum, m.where)
            # The protobuf name is usually the JSON name, but not always
            # (authentication/v1 BoundObjectReference: "uID" for "uid"); the tables keep
            # the JSON name and the number, which is all a decoder needs.
            self.check_proto(st, f, shape, pfld)
            seen_proto.add(pnum)
            f.proto = pnum
        elif msg is not None and not (m.name == "" and m.typ.endswith("TypeMeta")):
            fail(f"{m.where}: member of a protobuf message without a protobuf tag")
        json_names[jname] = True
        st.fields.append(f)

    def check_elem_go(self, f, shape, where):
        """The runtime derives an element's Go type name from the field's; check it can."""
        go = f.go
        if go.startswith("[]"):
            derived = go[2:]
        elif go.startswith("map["):
            depth = 0
            for j, c in enumerate(go):
                depth += {"[": 1, "]": -1}.get(c, 0)
                if depth == 0 and c == "]":
                    break
            derived = go[j + 1:]
        else:
            derived = None
        if derived != shape.elem.go and shape.elem.kind not in ("QUANTITY", "TIME",
                                                                "MICRO_TIME", "RAW",
                                                                "INT_OR_STRING"):
            fail(f"{where}: element Go type {shape.elem.go} cannot be derived from {go}")

    def patch_tags(self, f, m, ctags):
        strategy = m.tags.get("patchStrategy")
        key = m.tags.get("patchMergeKey")
        cs = ctags.get("patchStrategy", [None])[-1]
        ck = ctags.get("patchMergeKey", [None])[-1]
        # K8S: kube-apiserver's strategic merge patch reads the struct tags; OpenAPI's
        # x-kubernetes-patch-* come from the comment tags. Upstream keeps them equal.
        if (strategy or None) != (cs or None) or (key or None) != (ck or None):
            fail(f"{m.where}: patch struct tags ({strategy}, {key}) differ from comment tags ({cs}, {ck})")
        if strategy:
            for s in strategy.split(","):
                if s not in ("merge", "replace", "retainKeys"):
                    fail(f"{m.where}: unknown patch strategy {s}")
                f.strategy.append({"merge": "MERGE", "replace": "REPLACE",
                                   "retainKeys": "RETAIN_KEYS"}[s])
        f.merge_key = key
        lt = ctags.get("listType")
        if lt and lt[-1] not in ("atomic", "set", "map"):
            fail(f"{m.where}: bad +listType")
        # Upstream has +listType=atomic on a struct (metav1.Status.details); kube-openapi
        # only emits list types on lists, and so do these tables.
        if lt and f.kind == "ARRAY":
            f.list_type = lt[-1].upper()
        f.map_keys = ctags.get("listMapKey", [])
        if f.map_keys and f.list_type != "MAP":
            fail(f"{m.where}: +listMapKey without +listType=map")
        if f.list_type == "MAP" and not f.map_keys:
            fail(f"{m.where}: +listType=map without +listMapKey")
        mt = ctags.get("mapType")
        if mt:
            if mt[-1] not in ("atomic", "granular"):
                fail(f"{m.where}: bad +mapType")
            f.map_type = mt[-1].upper()
        st_ = ctags.get("structType")
        if st_ and f.kind == "OBJECT":
            f.map_type = st_[-1].upper()

    def proto_field(self, msg, number, where):
        for pf in msg.values():
            if pf.number == number:
                return pf
        fail(f"{where}: protobuf field {number} is not in the message")

    def check_proto(self, st, f, shape, pfld):
        """The protobuf field must carry what the Go member holds."""
        if shape.kind == "ARRAY":
            if pfld.label != "repeated":
                fail(f"{pfld.where}: {f.name} is a list but not repeated")
            self.check_proto_value(st, shape.elem, pfld.typ, pfld.where)
        elif shape.kind == "MAP":
            if pfld.label != "map" or pfld.key != "string":
                fail(f"{pfld.where}: {f.name} is a map but not map<string, _>")
            self.check_proto_value(st, shape.elem, pfld.typ, pfld.where)
        else:
            if pfld.label != "optional":
                fail(f"{pfld.where}: {f.name} is a scalar but {pfld.label}")
            self.check_proto_value(st, shape, pfld.typ, pfld.where)

    def check_proto_value(self, st, shape, ptype, where):
        if shape.kind in PROTO_SCALAR:
            if ptype != PROTO_SCALAR[shape.kind]:
                fail(f"{where}: protobuf type {ptype} for a {shape.kind}")
            return
        if shape.kind == "RAW" and shape.type is None:
            fail(f"{where}: interface{{}} in a protobuf message")
        path, name = self.proto_ref(st.pkg.path, ptype)
        if (path, name) != (shape.type.pkg.path, shape.type.name):
            fail(f"{where}: protobuf type {ptype} is not {shape.type.openapi}")

    def run(self):
        kinds = []
        gvs = set()
        for path, names in ROOTS:
            gp = self.gopkg(path)
            if gp.group is None:
                fail(f"{path}: no GroupName")
            version = path.rsplit("/", 1)[-1]
            gvs.add((gp.group, version))
            for name in names:
                for n in (name, name + "List"):
                    if n not in gp.types:
                        if n == name:
                            fail(f"{path}: no type {name}")
                        continue
                    kinds.append((gp.group, version, n, self.schema_type(path, n)))
        meta = self.gopkg(META)
        gvs.add((meta.group, "v1"))
        for group, version in sorted(gvs):
            for n in PER_GROUP_VERSION:
                kinds.append((group, version, n, self.schema_type(META, n)))
        for n in CORE_ONLY:
            kinds.append(("", "v1", n, self.schema_type(META, n)))
        for path, name in ENVELOPE:
            self.schema_type(path, name)
        while self.queue:
            st = self.queue.pop(0)
            self.build(st)
        seen = set()
        for k in kinds:
            if k[:3] in seen:
                fail(f"kind {k[:3]} twice")
            seen.add(k[:3])
        return sorted(kinds, key=lambda k: (k[0], k[1], k[2]))


# ---------------------------------------------------------------------------------------
# Output.

def c_str(s):
    if s is None:
        return "NULL"
    if not re.match(r"^[ -~]*$", s) or '"' in s or "\\" in s:
        fail(f"string {s!r} needs escaping")
    return f'"{s}"'


def emit(gen, kinds, upstream):
    types = sorted(gen.types.values(), key=lambda t: (t.pkg.openapi, t.name))
    for t in types:
        for f in t.fields:
            if not re.match(r"^[\x21-\x7e]+$", f.name):
                fail(f"field name {f.name!r} is not printable ASCII")
        t.fields.sort(key=lambda f: f.name.encode())
        names = [f.name for f in t.fields]
        if len(set(names)) != len(names):
            fail(f"{t.name}: duplicate JSON names")
    spkgs = sorted({t.pkg.path: t.pkg for t in types}.values(), key=lambda p: p.openapi)
    out = []
    w = out.append
    w("/* clang-format off */")
    w("/*")
    w(" * The per-kind API schema tables (see schema.h): every type reachable from ckube's root")
    w(" * kinds, with JSON names, value kinds, protobuf numbers, required flags, patch strategies,")
    w(" * merge keys and list/map types.")
    w(" *")
    w(" * GENERATED FILE: do not edit. Regenerate with")
    w(" *   tools/gen-schema.py --api API --apimachinery APIMACHINERY \\")
    w(f" *       --upstream '{upstream}' \\")
    w(" *       -o src/api/schema-tables.c")
    w(" * where API and APIMACHINERY are source trees of k8s.io/api and k8s.io/apimachinery")
    w(" * (github.com/kubernetes/api and github.com/kubernetes/apimachinery) at the versions")
    w(" * and commits that --upstream names.")
    w(" * Facts only (names, numbers, types, tags); no upstream description text is copied.")
    w(" * The layout is the generator's own and is kept out of clang-format (the markers above")
    w(" * and below), so that regenerating reproduces this file byte for byte.")
    w(" */")
    w('#include "base/compat.h"')
    w("")
    w('#include "api/schema-int.h"')
    w("")
    w("#define S_MERGE CK_PATCH_STRATEGY_MERGE")
    w("#define S_REPLACE CK_PATCH_STRATEGY_REPLACE")
    w("#define S_RETAIN_KEYS CK_PATCH_STRATEGY_RETAIN_KEYS")
    w("")
    for p in spkgs:
        group = "NULL" if p.group is None else c_str(p.group)
        version = "NULL" if p.version is None else c_str(p.version)
        w(f"static const struct ck_schema_package pkg_{p.ident} = {{.go_path = {c_str(p.path)}, "
          f".go_name = {c_str(p.goname)}, .openapi = {c_str(p.openapi)}, "
          f".proto = {c_str(p.proto)}, .group = {group}, .version = {version}}};")
    w("")
    for t in types:
        w(f"static const struct ck_schema_type t_{t.ident};")
    w("")
    keysets = {}
    for t in types:
        for f in t.fields:
            if f.map_keys:
                keysets.setdefault(tuple(f.map_keys), None)
    for i, ks in enumerate(sorted(keysets)):
        keysets[ks] = f"mk_{i}"
        w(f"static const char *const mk_{i}[] = {{{', '.join(c_str(k) for k in ks)}, NULL}};")
    w("")
    for t in types:
        allf = t.fields + t.extra
        if len(allf) > 0xffff:
            fail(f"{t.name}: too many fields")
        if allf:
            w(f"static const struct ck_schema_field f_{t.ident}[] = {{")
            for f in allf:
                w("\t" + field_init(f, keysets) + ",")
            w("};")
        prot = sorted((f.proto, i) for i, f in enumerate(allf)
                      if f.proto and "PROMOTED" not in f.flags)
        nums = [n for n, _ in prot]
        if len(set(nums)) != len(nums):
            fail(f"{t.name}: protobuf number used twice")
        if prot:
            w(f"static const uint16_t p_{t.ident}[] = {{{', '.join(str(i) for _, i in prot)}}};")
        flags = []
        if t.atomic:
            flags.append("CK_SCHEMA_T_ATOMIC")
        if t.granular:
            flags.append("CK_SCHEMA_T_GRANULAR")
        if t.has_proto:
            flags.append("CK_SCHEMA_T_PROTO")
        parts = [f".name = {c_str(t.name)}", f".pkg = &pkg_{t.pkg.ident}"]
        if allf:
            parts.append(f".fields = f_{t.ident}")
        if prot:
            parts.append(f".proto_index = p_{t.ident}")
        parts.append(f".nfields = {len(t.fields)}")
        parts.append(f".nextra = {len(t.extra)}")
        parts.append(f".nproto = {len(prot)}")
        if t.special:
            parts.append(f".wrapper = CK_SCHEMA_{t.special}")
        parts.append(f".flags = {' | '.join(flags) if flags else '0'}")
        w(f"static const struct ck_schema_type t_{t.ident} = {{{', '.join(parts)}}};")
        w("")
    w("const struct ck_schema_type *const ck_schema_tab_types[] = {")
    for t in types:
        w(f"\t&t_{t.ident},")
    w("};")
    w(f"const size_t ck_schema_tab_ntypes = {len(types)};")
    w("")
    w("const struct ck_schema_kind ck_schema_tab_kinds[] = {")
    for group, version, kind, st in kinds:
        w(f"\t{{.group = {c_str(group)}, .version = {c_str(version)}, .kind = {c_str(kind)}, "
          f".type = &t_{st.ident}, .patch = {{.lookup = ck_schema_patch_lookup, "
          f".ctx = &t_{st.ident}}}}},")
    w("};")
    w(f"const size_t ck_schema_tab_nkinds = {len(kinds)};")
    w("")
    w(f"const char ck_schema_tab_upstream[] = {c_str(upstream)};")
    w("/* clang-format on */")
    return "\n".join(out) + "\n"


def field_init(f, keysets):
    parts = [f".name = {c_str(f.name)}"]
    if f.proto:
        parts.append(f".proto = {f.proto}")
    parts.append(f".kind = CK_SCHEMA_{f.kind}")
    if f.elem:
        parts.append(f".elem = CK_SCHEMA_{f.elem}")
    if f.type is not None:
        parts.append(f".type = &t_{f.type.ident}")
    parts.append(f".go_type = {c_str(f.go)}")
    if f.strategy:
        parts.append(f".strategy = {' | '.join('S_' + s for s in f.strategy)}")
    if f.merge_key:
        parts.append(f".merge_key = {c_str(f.merge_key)}")
    if f.list_type:
        parts.append(f".list_type = CK_SCHEMA_LIST_{f.list_type}")
    if f.map_keys:
        parts.append(f".list_map_keys = {keysets[tuple(f.map_keys)]}")
    if f.map_type:
        parts.append(f".map_type = CK_SCHEMA_MAP_{f.map_type}")
    if f.flags:
        parts.append(f".flags = {' | '.join('CK_SCHEMA_F_' + x for x in sorted(f.flags))}")
    return "{" + ", ".join(parts) + "}"


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--api", required=True, help="k8s.io/api source directory")
    ap.add_argument("--apimachinery", required=True, help="k8s.io/apimachinery source directory")
    ap.add_argument("--upstream", required=True,
                    help="the upstream versions and commits, for the header comment and "
                    "ck_schema_upstream(); printable ASCII without quotes")
    ap.add_argument("-o", "--output", help="output file (default: standard output)")
    args = ap.parse_args(argv)
    if not re.match(r"^[ -~]*$", args.upstream) or re.search(r"['\"\\]|\*/", args.upstream):
        print("gen-schema: --upstream must be printable ASCII without quotes, backslashes "
              "or */", file=sys.stderr)
        return 2
    gen = Generator(args.api, args.apimachinery)
    try:
        kinds = gen.run()
        text = emit(gen, kinds, args.upstream)
    except GenError as e:
        print(f"gen-schema: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"gen-schema: {e}", file=sys.stderr)
        return 1
    if args.output:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, args.output)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
