# Shared set-up for scripts/*: a virtualenv from pyproject.toml, and Debian packages.
# Sourced, not run. Safe to call every time: it does work only when something is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
export NO_MKDOCS_2_WARNING=1

ensure_venv() {
  local stamp="$VENV/.hikitsugi-installed"
  if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating $VENV" >&2
    python3 -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
    echo "==> installing hikitsugi and its dependencies into .venv" >&2
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e "$ROOT[test]"
    touch "$stamp"
  fi
}

# Debian packages the tests (and PDF output) need: a browser, a Japanese font, poppler,
# and the libraries WeasyPrint (from PyPI) loads: Pango, PangoFT2 and HarfBuzz's subsetter
# (without libharfbuzz-subset0 WeasyPrint falls back to a far slower subsetting of the CJK font).
ensure_debian_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdffonts >/dev/null 2>&1 || missing+=(poppler-utils)
  # Read the lists into variables first: under pipefail, `fc-list | grep -q` fails whenever
  # grep exits early and fc-list dies of SIGPIPE, which made the font look missing.
  local fonts lib package pair libs
  fonts="$(fc-list 2>/dev/null || true)"
  grep -q "Noto Sans CJK" <<<"$fonts" || missing+=(fonts-noto-cjk)
  libs="$(/sbin/ldconfig -p 2>/dev/null || true)"
  for pair in libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
      libharfbuzz-subset.so.0:libharfbuzz-subset0; do
    lib="${pair%%:*}" package="${pair#*:}"
    grep -q "$lib" <<<"$libs" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "warning: missing Debian packages: ${missing[*]} (install them with apt-get as root)" >&2
    return 0
  fi
  echo "==> apt-get install ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
