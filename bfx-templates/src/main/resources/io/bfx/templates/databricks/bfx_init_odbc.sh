#!/usr/bin/env bash
# bfx_init_odbc.sh: Databricks cluster init script, copied by bfx into every generated bundle.
#
# Installs what bfxutils.py needs for DatabricksUtilsDriver = ODBC:
#   * the Microsoft ODBC Driver 18 for SQL Server (msodbcsql18) and unixodbc-dev, from Microsoft's
#     package repository for the Ubuntu release the Databricks runtime is based on;
#   * the pyodbc Python module, into the cluster's Python environment.
# Idempotent: whatever is already installed is skipped. Runs as root on every cluster node at
# start-up; serverless compute cannot run init scripts (use DatabricksUtilsDriver = JDBC there).
#
# Overrides (for testing; not needed on Databricks):
#   BFX_PYTHON           the Python interpreter to install pyodbc into
#   BFX_OS_RELEASE_FILE  the os-release file to read (default /etc/os-release)
set -euo pipefail

readonly ODBC_PACKAGES=(msodbcsql18 unixodbc-dev)
readonly REPO_PACKAGE="packages-microsoft-prod"
readonly OS_RELEASE_FILE="${BFX_OS_RELEASE_FILE:-/etc/os-release}"
readonly APT_OPTIONS=(-o DPkg::Lock::Timeout=300 -q)

log() {
  echo "bfx_init_odbc: $*"
}

fail() {
  echo "bfx_init_odbc: ERROR: $*" >&2
  exit 1
}

is_installed() {
  local status
  status="$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" || return 1
  [[ "$status" == *"install ok installed"* ]]
}

os_release_value() {
  # Reads one variable of os-release in a subshell, so nothing leaks into this script.
  (
    set +u
    # shellcheck disable=SC1090
    . "$OS_RELEASE_FILE"
    printf '%s' "${!1:-}"
  )
}

install_odbc_driver() {
  local missing=() package
  for package in "${ODBC_PACKAGES[@]}"; do
    is_installed "$package" || missing+=("$package")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    log "${ODBC_PACKAGES[*]} already installed, skipping"
    return 0
  fi

  [[ -r "$OS_RELEASE_FILE" ]] || fail "cannot read $OS_RELEASE_FILE"
  local os_id version_id
  os_id="$(os_release_value ID)"
  version_id="$(os_release_value VERSION_ID)"
  [[ "$os_id" == "ubuntu" ]] || fail "expected an Ubuntu-based Databricks runtime, found '${os_id}'"
  [[ -n "$version_id" ]] || fail "no VERSION_ID in $OS_RELEASE_FILE"

  export DEBIAN_FRONTEND=noninteractive
  if ! is_installed "$REPO_PACKAGE"; then
    local workdir
    workdir="$(mktemp -d)"
    # shellcheck disable=SC2064
    trap "rm -rf '$workdir'" EXIT
    log "adding Microsoft's package repository for Ubuntu ${version_id}"
    curl -fsSL --retry 5 --retry-delay 5 \
      -o "$workdir/${REPO_PACKAGE}.deb" \
      "https://packages.microsoft.com/config/ubuntu/${version_id}/${REPO_PACKAGE}.deb"
    dpkg -i "$workdir/${REPO_PACKAGE}.deb"
  fi

  log "installing ${missing[*]}"
  apt-get "${APT_OPTIONS[@]}" update
  ACCEPT_EULA=Y apt-get "${APT_OPTIONS[@]}" install -y --no-install-recommends "${ODBC_PACKAGES[@]}"
}

find_python() {
  if [[ -n "${BFX_PYTHON:-}" ]]; then
    echo "$BFX_PYTHON"
    return 0
  fi
  local candidate
  for candidate in /databricks/python/bin/python /databricks/python3/bin/python3; do
    if [[ -x "$candidate" ]]; then
      echo "$candidate"
      return 0
    fi
  done
  command -v python3 || return 1
}

install_pyodbc() {
  local python
  python="$(find_python)" || fail "no Python interpreter found for pyodbc"
  if "$python" -c "import pyodbc" >/dev/null 2>&1; then
    log "pyodbc already installed for $python, skipping"
    return 0
  fi
  log "installing pyodbc for $python"
  "$python" -m pip install --disable-pip-version-check --no-input pyodbc
}

install_odbc_driver
install_pyodbc
log "done"
