#!/usr/bin/env bash
# Installs what Winyx needs on Debian 12, idempotently: the infrastructure the AppHost and the
# tests run as local processes, and Chromium for the browser tests. Safe to run every time.
set -euo pipefail

packages=(
  mariadb-server            # MySQL resource (mariadbd, mariadb-install-db)
  redis-server              # Redis resource
  prometheus                # Prometheus + promtool
  prometheus-alertmanager   # Alertmanager + amtool
  prometheus-node-exporter
  prometheus-mysqld-exporter
  prometheus-redis-exporter
  chromium                  # browser tests (Playwright drives /usr/bin/chromium)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (dotnet on PATH); see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "prerequisites: all present"
  exit 0
fi

install_line="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "prerequisites: missing ${missing[*]}" >&2
  echo "run as root:  $install_line" >&2
  exit 1
fi

echo "prerequisites: installing ${missing[*]} (about a minute)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
echo "prerequisites: installed"
